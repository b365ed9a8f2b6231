from odoo import fields, models


class LightingMeetingAction(models.Model):
    """An action item of a meeting's minutes, followed up with its owner (R6.3)."""

    _name = "lighting.meeting.action"
    _description = "Meeting Action Item"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "lighting.todo.mixin", "lighting.overdue.mixin"]
    _order = "date_due, id"

    name = fields.Char(string="Action", required=True, tracking=True)
    meeting_id = fields.Many2one("lighting.meeting", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True, string="Office")
    owner_id = fields.Many2one("res.users", required=True, tracking=True)
    date_due = fields.Date(string="Due Date", required=True, tracking=True)
    state = fields.Selection([("todo", "To Do"), ("done", "Done")], default="todo", required=True, tracking=True)

    def _schedule_activities(self):
        self.filtered(lambda action: action.state == "todo")._schedule_todos(
            user=lambda action: action.owner_id,
            summary=lambda action: action.env._("Meeting action: %(action)s", action=action.name),
            deadline=lambda action: action.date_due,
        )

    def action_done(self):
        self.write({"state": "done"})
        self.activity_feedback(["mail.mail_activity_data_todo"])
