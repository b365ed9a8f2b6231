from odoo import _, fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    """Return receipts and deliveries back of after-sales feedback (R3.3.1, R3.3.3)."""

    _inherit = "stock.picking"

    lighting_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Feedback Ticket", index=True, readonly=True, copy=False, check_company=True)
    lighting_carrier = fields.Char(string="Carrier", help="The carrier taking the product back to the customer.")
    lighting_tracking_ref = fields.Char(string="Tracking Number", copy=False)
    lighting_expected_arrival = fields.Date(string="Expected Arrival", copy=False)

    def _lighting_shipments_back(self):
        return self.filtered(lambda picking: picking.lighting_ticket_id and picking.picking_type_code == "outgoing")

    def _action_done(self):
        shipments = self._lighting_shipments_back()
        for picking in shipments:
            missing = [picking._fields[name].string for name in
                       ("lighting_carrier", "lighting_tracking_ref", "lighting_expected_arrival") if not picking[name]]
            if missing:
                raise UserError(_("%(picking)s: set %(fields)s before shipping the product back.",
                                  picking=picking.name, fields=", ".join(missing)))
        res = super()._action_done()
        for picking in shipments:
            picking.lighting_ticket_id.message_post_with_source(
                "lighting_office.mail_template_shipped_back", subtype_xmlid="mail.mt_comment")
        return res
