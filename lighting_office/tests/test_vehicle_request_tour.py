from odoo.tests import HttpCase, tagged

from .vehicle_trip_common import VehicleTripCase


@tagged("post_install", "-at_install")
class TestVehicleRequestTour(VehicleTripCase, HttpCase):
    """R6.4.1 in the browser: the salesperson books, the office manager approves."""

    def test_book_and_approve(self):
        """R6.4.1: a vehicle booked by the salesperson is approved by the office manager before the trip."""
        Request = self.env["lighting.vehicle.request"]
        self.start_tour(
            "/odoo/action-lighting_office.action_vehicle_request",
            "lighting_office_vehicle_book",
            login=self.users["sales", "a"].login,
        )
        booking = Request.search([("employee_id", "=", self.employees["sales", "a"].id)])
        self.assertEqual((booking.vehicle_id, booking.validation_status), (self.van_a, "pending"))
        self.assertEqual(booking.usage_hours, 3.0)
        self.start_tour(
            f"/odoo/action-lighting_office.action_vehicle_request/{booking.id}",
            "lighting_office_vehicle_approve",
            login=self.users["manager", "a"].login,
        )
        self.assertEqual(booking.state, "approved")
