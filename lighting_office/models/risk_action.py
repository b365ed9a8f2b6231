from odoo import api, fields, models


class LightingRiskAction(models.Model):
    """A response action of a risk: who does what by when (R7.2)."""

    _name = "lighting.risk.action"
    _description = "Risk Response Action"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "lighting.todo.mixin", "lighting.overdue.mixin"]
    _order = "date_deadline, id"
    _overdue_date_field = "date_deadline"

    name = fields.Char(string="Action", required=True, tracking=True)
    risk_id = fields.Many2one("lighting.risk", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="risk_id.company_id", store=True, index=True)
    risk_level = fields.Selection(related="risk_id.level", string="Risk Level")
    owner_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_deadline = fields.Date(string="Due Date", required=True, tracking=True)
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="todo",
        required=True,
        tracking=True,
    )

    def action_done(self):
        self.write({"state": "done"})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_cancel(self):
        self.write({"state": "cancelled"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def action_reset(self):
        self.write({"state": "todo"})

    @api.model
    def _cron_flag_overdue(self):
        """An activity for the owner of each overdue action that has none yet."""
        overdue = self.search([("is_overdue", "=", True), ("activity_ids", "=", False)])
        overdue._schedule_todos(
            user=lambda action: action.owner_id,
            summary=lambda action: action.env._("Overdue risk action: %(action)s", action=action.name),
        )
