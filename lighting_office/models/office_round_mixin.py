from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class LightingOfficeRoundMixin(models.AbstractModel):
    """A round opened once a period for every office that has a manager, due
    within its first month, with a to-do for the manager (risk identification,
    filing). The model has the chatter and its own date_start."""

    _name = "lighting.office.round.mixin"
    _inherit = ["lighting.todo.mixin"]
    _description = "Periodic Office Round"

    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        domain=[("is_lighting_office", "=", True)],
    )
    date_deadline = fields.Date(string="Due Date", required=True)
    state = fields.Selection([("open", "Open"), ("done", "Done")], default="open", required=True, tracking=True)

    def action_done(self):
        self.write({"state": "done"})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    @api.model
    def _open_office_rounds(self, date_start, summary):
        offices = self.env["res.company"].search(
            [("is_lighting_office", "=", True), ("office_manager_id", "!=", False)]
        )
        done = self.search([("date_start", "=", date_start), ("company_id", "in", offices.ids)])
        rounds = self.create(
            [
                {
                    "company_id": office.id,
                    "date_start": date_start,
                    "date_deadline": date_start + relativedelta(months=1, days=-1),
                }
                for office in offices - done.company_id
            ]
        )
        rounds._schedule_todos(
            user=lambda round_: round_.company_id.office_manager_id,
            summary=summary,
            deadline=lambda round_: round_.date_deadline,
        )
        return rounds
