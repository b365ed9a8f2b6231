from odoo import fields, models


class FleetVehicle(models.Model):
    """R6.4.1: a Fleet vehicle shows the office's requests to use it."""

    _inherit = "fleet.vehicle"

    lighting_request_count = fields.Integer(compute="_compute_lighting_request_count", string="Vehicle Requests")

    def _compute_lighting_request_count(self):
        # as the user reads them (the office's bookings); a Fleet user outside the
        # Lighting Office roles reads none
        requests = self.env["lighting.vehicle.request"]
        counts = (
            dict(requests._read_group([("vehicle_id", "in", self.ids)], ["vehicle_id"], ["__count"]))
            if requests.has_access("read")
            else {}
        )
        for vehicle in self:
            vehicle.lighting_request_count = counts.get(vehicle, 0)

    def action_view_lighting_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lighting_office.action_vehicle_request")
        action["domain"] = [("vehicle_id", "=", self.id)]
        action["context"] = {"default_vehicle_id": self.id, "default_company_id": self.company_id.id or False}
        return action
