from odoo import fields, models


class LightingRoomStandard(models.Model):
    """Target illuminance and lighting power density limit of a room type
    (GB 50034-2013, shipped as editable data) used by solution rooms (R3.2.2)."""

    _name = "lighting.room.standard"
    _description = "Room Type Lighting Standard"
    _order = "name"

    name = fields.Char(string="Room Type", required=True, translate=True)
    target_illuminance = fields.Float(string="Target Illuminance (lx)", required=True)
    power_density_limit = fields.Float(
        string="Power Density Limit (W/m2)", required=True, help="Current value (现行值) of GB 50034-2013."
    )
    reference_plane = fields.Char(translate=True)
    active = fields.Boolean(default=True)
