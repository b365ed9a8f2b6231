from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LightingTeamActivity(models.Model):
    """A team activity of an office (R5.4): its plan, date, budget and who attended."""

    _name = "lighting.team.activity"
    _description = "Team Activity"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        default=lambda self: self.env.company,
        domain=[("is_lighting_office", "=", True)],
        tracking=True,
    )
    date = fields.Date(required=True, tracking=True)
    place = fields.Char()
    plan = fields.Text(help="Goal and programme of the activity.")
    currency_id = fields.Many2one(related="company_id.currency_id")
    budget = fields.Monetary(tracking=True)
    actual_cost = fields.Monetary(tracking=True)
    attendee_ids = fields.Many2many("hr.employee", check_company=True, string="Attendees")
    attendee_count = fields.Integer(string="Attendance", compute="_compute_attendee_count", store=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )

    @api.depends("attendee_ids")
    def _compute_attendee_count(self):
        for activity in self:
            activity.attendee_count = len(activity.attendee_ids)

    @api.constrains("budget", "actual_cost", "attendee_ids", "company_id")
    def _check_values(self):
        for activity in self:
            if activity.budget < 0 or activity.actual_cost < 0:
                raise ValidationError(
                    _(
                        "Team activity %(name)s: the fields Budget and Actual Cost cannot be negative.",
                        name=activity.name,
                    )
                )
            # sudo: a manager may not read another office's employee, yet must
            # be told that one was picked; only the name leaves here.
            strangers = activity.sudo().attendee_ids.filtered(
                lambda e, office=activity.company_id: e.company_id != office
            )
            if strangers:
                raise ValidationError(
                    _(
                        "Team activity %(name)s: the field Attendees names %(employee)s of another office.",
                        name=activity.name,
                        employee=strangers[0].name,
                    )
                )

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancel"})

    def action_reset_planned(self):
        self.write({"state": "planned"})
