from odoo import _, fields, models
from odoo.exceptions import UserError


class LightingContractFilingWizard(models.TransientModel):
    """Head office records that it filed the copy of a signed contract (R3.1.4)."""

    _name = "lighting.contract.filing.wizard"
    _description = "Record HQ Filing of a Contract"

    sale_order_id = fields.Many2one("sale.order", string="Order", required=True, readonly=True)
    filing_number = fields.Char(string="HQ Filing Number", required=True)

    def action_file(self):
        self.ensure_one()
        order = self.sale_order_id
        if order.contract_state != "signed":
            raise UserError(
                _("%(order)s: only a signed contract can be filed (field Contract is not “Signed”).", order=order.name)
            )
        order.write(
            {
                "contract_state": "filed",
                "hq_filing_number": self.filing_number,
                "hq_filed_by_id": self.env.uid,
                "hq_filed_date": fields.Datetime.now(),
            }
        )
        return {"type": "ir.actions.act_window_close"}
