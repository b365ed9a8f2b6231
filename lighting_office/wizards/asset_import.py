from odoo import _, fields, models


class LightingAssetImport(models.TransientModel):
    """An office's asset ledger from a spreadsheet with the columns Name, Ledger,
    Category, Location, Custodian, Value, Quantity and Purchase Date (R4.3.1)."""

    _name = "lighting.asset.import"
    _inherit = "lighting.excel.import"
    _description = "Import Asset Ledger"

    company_id = fields.Many2one("res.company", string="Office", required=True, default=lambda self: self.env.company)

    def action_import(self):
        self.ensure_one()
        rows = self._read_rows(("name", "category"))
        custodians = self._by_name("hr.employee", {self._text(r.get("custodian")) for _n, r in rows}, self.company_id)
        ledgers = {"fixed": "fixed", "fixed asset": "fixed", "consumable": "consumable",
                   "low-value consumable": "consumable", "": "fixed"}
        errors, vals_list = [], []
        for number, row in rows:
            row_errors = []
            name, category = self._text(row.get("name")), self._text(row.get("category"))
            if not name:
                row_errors.append(_("Name is empty"))
            if not category:
                row_errors.append(_("Category is empty"))
            ledger = ledgers.get(self._text(row.get("ledger")).lower())
            if not ledger:
                row_errors.append(_("Ledger “%s” is not Fixed Asset or Low-value Consumable", row.get("ledger")))
            value, quantity = self._number(row.get("value") or 0), self._number(row.get("quantity") or 1)
            if value is None or value < 0:
                row_errors.append(_("Value “%s” is not a positive number", row.get("value")))
            if quantity is None or quantity < 0 or not float(quantity).is_integer():
                row_errors.append(_("Quantity “%s” is not a whole positive number", row.get("quantity")))
            purchase_date = self._date(row.get("purchase date")) if row.get("purchase date") else False
            if purchase_date is None:
                row_errors.append(_("Purchase Date “%s” is not a date", row.get("purchase date")))
            custodian_name = self._text(row.get("custodian"))
            if custodian_name and custodian_name not in custodians:
                row_errors.append(_("Custodian “%s” is not an employee of the office", custodian_name))
            if row_errors:
                errors.append(_("Row %(row)s: %(reasons)s", row=number, reasons="; ".join(row_errors)))
                continue
            vals_list.append({
                "name": name, "category": category, "ledger": ledger, "company_id": self.company_id.id,
                "location": self._text(row.get("location")), "value": value, "quantity": int(quantity),
                "purchase_date": purchase_date,
                "custodian_id": custodians[custodian_name].id if custodian_name else False,
            })
        self._raise_errors(errors)
        assets = self.env["lighting.asset"].create(vals_list)
        return {
            "type": "ir.actions.act_window", "name": _("Imported Assets"), "res_model": "lighting.asset",
            "view_mode": "list,form", "domain": [("id", "in", assets.ids)],
        }
