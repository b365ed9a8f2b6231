from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class StockPicking(models.Model):
    """Return receipts and deliveries back of after-sales feedback (R3.3.1, R3.3.3)."""

    _inherit = "stock.picking"

    lighting_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Feedback Ticket", index=True, readonly=True, copy=False, check_company=True
    )
    lighting_carrier = fields.Char(string="Carrier", help="The carrier taking the product back to the customer.")
    lighting_tracking_ref = fields.Char(string="Tracking Number", copy=False)
    lighting_expected_arrival = fields.Date(string="Expected Arrival", copy=False)
    lighting_date_received = fields.Date(
        string="Received by Customer",
        copy=False,
        tracking=True,
        help="When the customer got the product back: confirmed by the customer or recorded by after-sales.",
    )
    lighting_arrival_overdue = fields.Boolean(
        string="Arrival Overdue",
        compute="_compute_lighting_arrival_overdue",
        search="_search_lighting_arrival_overdue",
        help="Shipped back, past its expected arrival and not yet confirmed as received.",
    )

    @api.depends("state", "lighting_expected_arrival", "lighting_date_received")
    @api.depends_context("tz")
    def _compute_lighting_arrival_overdue(self):
        today = fields.Date.context_today(self)
        for picking in self:
            picking.lighting_arrival_overdue = (
                picking.state == "done"
                and not picking.lighting_date_received
                and bool(picking.lighting_expected_arrival)
                and picking.lighting_expected_arrival < today
            )

    def _search_lighting_arrival_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Arrival Overdue can only be searched as true or false."))
        domain = [
            ("state", "=", "done"),
            ("lighting_date_received", "=", False),
            ("lighting_expected_arrival", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", "&", "&", *domain]

    @api.constrains("lighting_date_received", "date_done")
    def _check_lighting_date_received(self):
        for picking in self.filtered("lighting_date_received"):
            if picking.state != "done" or picking.lighting_date_received < picking.date_done.date():
                raise ValidationError(
                    _(
                        "%(picking)s: Received by Customer can only be set once the product is shipped, "
                        "on or after its shipping date.",
                        picking=picking.name,
                    )
                )

    def action_lighting_confirm_received(self):
        """R3.3.3: after-sales record that the customer has the product back."""
        self.write({"lighting_date_received": fields.Date.context_today(self)})

    def _lighting_shipments_back(self):
        return self.filtered(lambda picking: picking.lighting_ticket_id and picking.picking_type_code == "outgoing")

    def _action_done(self):
        shipments = self._lighting_shipments_back()
        for picking in shipments:
            missing = [
                picking._fields[name].string
                for name in ("lighting_carrier", "lighting_tracking_ref", "lighting_expected_arrival")
                if not picking[name]
            ]
            if missing:
                raise UserError(
                    _(
                        "%(picking)s: set %(fields)s before shipping the product back.",
                        picking=picking.name,
                        fields=", ".join(missing),
                    )
                )
        res = super()._action_done()
        for picking in shipments:
            picking.lighting_ticket_id.message_post_with_source(
                "lighting_office.mail_template_shipped_back", subtype_xmlid="mail.mt_comment"
            )
        return res
