from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    """Consultation categories carry the office's answer targets (R3.2.1)."""

    _inherit = "helpdesk.ticket.category"

    lighting_response_target_hours = fields.Float(
        string="First Response Target (hours)",
        default=4.0,
        help="A consultation of this category not answered within this time is late.",
    )
    lighting_resolution_target_hours = fields.Float(
        string="Resolution Target (hours)",
        default=48.0,
        help="A consultation of this category not closed within this time is late.",
    )
