from odoo import models


class SaleOrderLine(models.Model):
    _name = "sale.order.line"
    _inherit = ["sale.order.line", "lighting.approval.line.mixin"]

    def _approval_checked_lines(self):
        # Sections, notes and the down payments of invoicing leave the
        # approved quantities and prices as they are.
        return self.filtered(lambda line: not line.display_type and not line.is_downpayment)
