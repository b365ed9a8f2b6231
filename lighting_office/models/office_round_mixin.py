from dateutil.relativedelta import relativedelta

from odoo import api, models


class LightingOfficeRoundMixin(models.AbstractModel):
    """A round opened once a period for every office that has a manager, due
    within its first month, with a to-do for the manager (risk identification,
    filing). The model has company_id, date_start and date_deadline."""

    _name = "lighting.office.round.mixin"
    _inherit = ["lighting.todo.mixin"]
    _description = "Periodic Office Round"

    @api.model
    def _open_office_rounds(self, date_start, summary):
        offices = self.env["res.company"].search(
            [("is_lighting_office", "=", True), ("office_manager_id", "!=", False)]
        )
        done = self.search([("date_start", "=", date_start), ("company_id", "in", offices.ids)])
        rounds = self.create([
            {"company_id": office.id, "date_start": date_start,
             "date_deadline": date_start + relativedelta(months=1, days=-1)}
            for office in offices - done.company_id
        ])
        rounds._schedule_todos(
            user=lambda round_: round_.company_id.office_manager_id,
            summary=lambda round_: summary,
            deadline=lambda round_: round_.date_deadline,
        )
        return rounds
