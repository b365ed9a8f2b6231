from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class LightingEventPlan(models.Model):
    """A planned training, seminar or trade show of the office: goal, content,
    time, place and budget beforehand, the outcome afterwards (R6.3)."""

    _name = "lighting.event.plan"
    _description = "Event Plan"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc"

    name = fields.Char(required=True, tracking=True)
    plan_type = fields.Selection(
        [("training", "Training"), ("seminar", "Seminar"), ("trade_show", "Trade Show")],
        string="Type",
        required=True,
        default="training",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one("res.users", string="Responsible", default=lambda self: self.env.user, tracking=True)
    goal = fields.Text(required=True)
    content = fields.Html()
    date_start = fields.Datetime(string="Start", required=True, tracking=True)
    date_end = fields.Datetime(string="End", required=True, tracking=True)
    location = fields.Char(string="Place", required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    budget = fields.Monetary(tracking=True)
    cost = fields.Monetary(string="Actual Cost", tracking=True)
    outcome = fields.Html()
    state = fields.Selection(
        [("draft", "Draft"), ("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.constrains("date_start", "date_end", "budget", "cost")
    def _check_plan(self):
        for plan in self:
            if plan.date_end < plan.date_start:
                raise ValidationError(_("%(plan)s: the field End is before Start.", plan=plan.name))
            if plan.budget < 0 or plan.cost < 0:
                raise ValidationError(
                    _("%(plan)s: the fields Budget and Actual Cost cannot be negative.", plan=plan.name)
                )

    def action_plan(self):
        self.write({"state": "planned"})

    def action_done(self):
        for plan in self:
            if not plan.outcome:
                raise UserError(_("%(plan)s: the field Outcome is empty.", plan=plan.name))
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancel"})
