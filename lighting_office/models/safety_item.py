from odoo import fields, models


class LightingSafetyItem(models.Model):
    """A safety rule every installation job checks before it closes (R3.3.4)."""

    _name = "lighting.safety.item"
    _description = "Installation Safety Rule"
    _order = "sequence, id"

    name = fields.Char(string="Safety Rule", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
