from odoo import fields, models


class FleetVehicleOdometer(models.Model):
    _inherit = "fleet.vehicle.odometer"

    lighting_vehicle_request_id = fields.Many2one(
        "lighting.vehicle.request",
        string="Vehicle Request",
        readonly=True,
        index="btree_not_null",
        help="The use of the vehicle whose return recorded this reading (R6.4.1).",
    )
