from odoo import models


class ResCompany(models.Model):
    """Each office's equipment upkeep team (R4.3.3, R6.1); in its own file as
    it extends the office set-up only for Maintenance."""

    _inherit = "res.company"

    def _create_office_teams(self):
        result = super()._create_office_teams()
        self.env["maintenance.team"].create([
            {"name": self.env._("%(office)s Equipment Upkeep", office=office.name), "company_id": office.id}
            for office in self
        ])
        return result
