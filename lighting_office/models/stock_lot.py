from odoo import fields, models


class StockLot(models.Model):
    """After-sales history of a serial number (R3.3.2 traceability): its
    feedback tickets, its repairs and the parts replaced in them."""

    _inherit = "stock.lot"

    lighting_ticket_ids = fields.One2many("helpdesk.ticket", "lot_id", string="Feedback Tickets")
    lighting_repair_ids = fields.One2many("repair.order", "lot_id", string="Repairs")
    lighting_part_move_ids = fields.Many2many(
        "stock.move", string="Replaced Parts", compute="_compute_lighting_part_move_ids"
    )

    def _compute_lighting_part_move_ids(self):
        parts = self.env["stock.move"].search(
            [("repair_id.lot_id", "in", self.ids), ("repair_line_type", "=", "add"), ("state", "!=", "cancel")]
        )
        by_lot = parts.grouped(lambda move: move.repair_id.lot_id)
        for lot in self:
            lot.lighting_part_move_ids = by_lot.get(lot, parts.browse())

    def action_lighting_traceability(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.lot",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("lighting_office.view_stock_lot_traceability_form").id, "form")],
        }
