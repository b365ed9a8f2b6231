from odoo import _, api, models
from odoo.exceptions import UserError


class ResCompany(models.Model):
    """Each office's own warehouse (returns and repairs, R3.3)."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        offices = companies.filtered("is_lighting_office")
        if offices:
            offices._lighting_create_missing_warehouses()
        return companies

    def _lighting_warehouse(self):
        """The office's own warehouse: returns arrive and repaired products leave from it."""
        self.ensure_one()
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.id)], limit=1)
        if not warehouse:
            raise UserError(_("%(office)s has no warehouse.", office=self.name))
        return warehouse

    @api.model
    def _lighting_create_missing_warehouses(self):
        """Odoo gives a new company a warehouse only in tests, and existing companies none when stock
        installs; every office needs its own for returns and repairs. sudo: warehouses are set up by
        the system for the office, whoever creates it."""
        offices = self or self.search([("is_lighting_office", "=", True)])
        Warehouse = self.env["stock.warehouse"].sudo()
        with_warehouse = Warehouse.search([("company_id", "in", offices.ids)]).company_id
        for office in offices - with_warehouse:
            Warehouse.create(
                {"name": office.name, "code": (office.office_code or office.name)[:5], "company_id": office.id}
            )
