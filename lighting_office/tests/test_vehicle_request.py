import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .vehicle_trip_common import VehicleTripCase, trip_time


@tagged("post_install", "-at_install")
class TestVehicleRequest(VehicleTripCase):
    """R6.4.1: office vehicles used on requests approved by the office manager, never booked twice."""

    def test_approved_by_office_manager_before_the_trip(self):
        """R6.4.1: the salesperson books for themselves; only the office manager's approval books the vehicle."""
        booking = self._booking(9, 12)
        sales = self.users["sales", "a"]
        booking.request_validation()
        self.assertEqual(booking.sudo().review_ids.reviewer_ids, self.users["manager", "a"])
        booking.with_user(sales).validate_tier()
        self.assertEqual(booking.validation_status, "pending")
        with self.assertRefused(ValidationError, booking.name):
            booking.with_user(sales).action_confirm()
        with self.assertRefused(ValidationError, booking.name):
            booking.with_user(sales).write({"state": "ongoing"})
        with self.assertRefused(AccessError, booking.name):
            booking.sudo().review_ids.with_user(sales).write({"status": "approved"})
        self.assertEqual(booking.state, "draft")
        booking.with_user(self.users["manager", "a"]).validate_tier()
        self.assertEqual(booking.state, "approved")
        with self.assertRefused(UserError, booking.name, "To"):
            booking.with_user(sales).write({"date_to": trip_time(1, 18)})

    def test_vehicle_form_lists_its_requests(self):
        """R6.4.1: Fleet's vehicle form counts and opens the vehicle's requests, those of its office
        (staff see the office's bookings, to find the vehicle free), each van its own; a Fleet manager
        outside the Lighting Office roles counts none and is not refused."""
        self._booking(9, 12)
        self._booking(13, 15, role="support")
        self._booking(9, 12, key="b", vehicle=self.van_b)
        manager, sales = self.users["manager", "a"], self.users["sales", "a"]
        self.assertEqual(self.van_a.with_user(manager).lighting_request_count, 2)
        self.assertEqual(self.van_a.with_user(sales).lighting_request_count, 2)
        action = self.van_a.with_user(manager).action_view_lighting_requests()
        requests = self.env["lighting.vehicle.request"].with_user(manager).search(action["domain"])
        self.assertEqual((len(requests), requests.vehicle_id), (2, self.van_a))
        self.assertEqual(action["context"]["default_vehicle_id"], self.van_a.id)
        self.assertEqual(self.van_b.with_user(self.users["manager", "b"]).lighting_request_count, 1)
        fleet_manager = new_test_user(
            self.env,
            login="fleet_only",
            groups="base.group_user,fleet.fleet_group_manager",
            company_id=self.office_a.id,
        )
        self.assertEqual(self.van_a.with_user(fleet_manager).lighting_request_count, 0)

    def test_approved_before_the_trip_only(self):
        """R6.4.1: once the trip's start has passed the request can no longer be approved."""
        booking = self._booking(9, 12)
        booking.request_validation()
        with freeze_time(trip_time(1, 10)), self.assertRefused(UserError, booking.name, "From", "before the trip"):
            booking.with_user(self.users["manager", "a"]).validate_tier()
        self.assertEqual(booking.state, "draft")

    def test_no_double_booking(self):
        """R6.4.1: an overlapping booking of the vehicle is refused naming the vehicle, the other request and the
        times."""
        first = self._approved_booking(9, 12)
        Request = self.env["lighting.vehicle.request"]
        before = Request.search_count([])
        with self.assertRefused(ValidationError, self.van_a.name, first.name, "From", "To"):
            self._booking(11, 13, role="support")
        self.assertEqual(Request.search_count([]), before)
        adjacent = self._approved_booking(12, 14, role="support")
        self.assertEqual(adjacent.state, "approved")
        self.assertEqual(self._approved_booking(9, 12, vehicle=self.van_b, key="b").state, "approved")
        # Two drafts may compete for the same time; approving the second is refused.
        rival_1, rival_2 = self._booking(15, 17), self._booking(16, 18, role="support")
        (rival_1 | rival_2).request_validation()
        rival_1.with_user(self.users["manager", "a"]).validate_tier()
        with self.assertRefused(ValidationError, rival_1.name):
            rival_2.with_user(self.users["manager", "a"]).validate_tier()
        self.assertEqual(rival_2.state, "draft")

    def test_overlap_check_in_one_query(self):
        """R6.4.1: the overlap check of 20 requests finds their clashes in one search."""
        booked = self._approved_booking(9, 12)
        drafts = [self._booking(13, 14, role="support", day=day) for day in range(1, 21)]
        self.env.cr.execute(
            "UPDATE lighting_vehicle_request SET date_to = %s WHERE id = %s", (trip_time(1, 13, 30), booked.id)
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=3):  # read the requests, search the bookings, read them
            clashes = self.env["lighting.vehicle.request"].concat(*drafts)._find_booked_clashes()
        self.assertEqual(clashes, {drafts[0]: booked})
        self.assertEqual(drafts[0]._find_booked_clashes(), {drafts[0]: booked})
        self.assertEqual(drafts[1]._find_booked_clashes(), {})

    def test_database_refuses_double_booking(self):
        """R6.4.1: PostgreSQL's exclusion constraint refuses an overlap even past the ORM (concurrent approvals)."""
        self._approved_booking(9, 12)
        rival = self._booking(14, 16, role="support")
        with self.assertRaises(psycopg2.errors.ExclusionViolation), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE lighting_vehicle_request SET state = 'approved', date_from = %s WHERE id = %s",
                (trip_time(1, 10), rival.id),
            )

    def test_return_before_start_refused(self):
        """R6.4.1: a booking whose To is not after its From is refused; nothing is written."""
        Request = self.env["lighting.vehicle.request"]
        before = Request.search_count([])
        with self.assertRefused(ValidationError, "VR/", "the field To"):
            self._booking(12, 9)
        self.assertEqual(Request.search_count([]), before)

    def test_out_and_return_with_odometer_and_fuel(self):
        """R6.4.1: out reads the odometer, return records odometer and fuel into Fleet; a lower reading is refused."""
        booking = self._approved_booking(9, 12).with_user(self.users["sales", "a"])
        booking.action_start()
        self.assertEqual((booking.state, booking.odometer_start), ("ongoing", 1000.0))
        booking.write({"odometer_end": 950.0, "fuel_level": "half"})
        with self.assertRefused(UserError, booking.name, "Odometer Back", "Odometer Out"):
            booking.action_return()
        self.assertEqual(booking.state, "ongoing")
        self.assertFalse(booking.odometer_ids)
        booking.odometer_end = 1120.0
        booking.action_return()
        self.assertEqual((booking.state, booking.distance), ("returned", 120.0))
        self.assertEqual(booking.sudo().odometer_ids.value, 1120.0)
        self.assertEqual(self.van_a.odometer, 1120.0)

    def test_vehicle_not_returned_stands_out_and_reminds_the_driver(self):
        """R6.4.1: a vehicle still out after its booking is flagged Return Overdue and
        its driver gets one reminder; a returned one is neither."""
        out = self._approved_booking(9, 12).with_user(self.users["sales", "a"])
        out.action_start()
        back = self._approved_booking(12, 14, role="support").with_user(self.users["support", "a"])
        back.action_start()
        back.write({"odometer_end": 1010.0, "fuel_level": "full"})
        back.action_return()
        Request = self.env["lighting.vehicle.request"].with_user(self.users["manager", "a"])
        with freeze_time(trip_time(1, 11)):
            self.assertFalse(out.is_return_overdue)
            self.assertFalse(Request._cron_remind_overdue_returns())
        with freeze_time(trip_time(1, 15)):
            out.invalidate_recordset(["is_return_overdue"])
            self.assertTrue(out.is_return_overdue)
            self.assertEqual(Request.search([("is_return_overdue", "=", True)]), out)
            self.assertEqual(Request.sudo()._cron_remind_overdue_returns(), out)
            self.assertEqual(out.activity_ids.user_id, self.users["sales", "a"])
            self.assertFalse(Request.sudo()._cron_remind_overdue_returns(), "one reminder")
        self.assertFalse(back.activity_ids)

    def test_use_per_vehicle_and_employee(self):
        """R6.4.1: distance and hours of returned trips grouped per vehicle and per driver."""
        for start, end, role, km in ((8, 10, "sales", 40.0), (10, 14, "support", 60.0), (14, 15, "sales", 15.0)):
            booking = self._approved_booking(start, end, role=role)
            booking.action_start()
            booking.write({"odometer_end": booking.odometer_start + km, "fuel_level": "full"})
            booking.action_return()
        use = (
            self.env["lighting.vehicle.request"]
            .with_user(self.users["manager", "a"])
            ._read_group([("state", "=", "returned")], ["employee_id"], ["distance:sum", "usage_hours:sum"])
        )
        self.assertEqual(
            {employee: (km, hours) for employee, km, hours in use},
            {self.employees["sales", "a"]: (55.0, 3.0), self.employees["support", "a"]: (60.0, 4.0)},
        )

    def test_roles_and_offices(self):
        """R6.4.1: staff book only for themselves and see the office's bookings; other offices see nothing; HQ
        reads all."""
        booking = self._approved_booking(9, 12, role="support")
        sales = self.users["sales", "a"]
        with self.assertRaises(AccessError):
            self.env["lighting.vehicle.request"].with_user(sales).create(
                {
                    "vehicle_id": self.van_a.id,
                    "employee_id": self.employees["support", "a"].id,
                    "purpose": "For a colleague",
                    "destination": "Site",
                    "company_id": self.office_a.id,
                    "date_from": trip_time(2, 9),
                    "date_to": trip_time(2, 10),
                }
            )
        self.assertEqual(booking.with_user(sales).read(["state"])[0]["state"], "approved")
        with self.assertRaises(AccessError):
            booking.with_user(sales).action_cancel()
        for user in (self.users["sales", "b"], self.users["manager", "b"]):
            Request = self.env["lighting.vehicle.request"].with_user(user)
            self.assertFalse(Request.search([("id", "=", booking.id)]))
            self.assertFalse(self.env["fleet.vehicle"].with_user(user).search([("id", "=", self.van_a.id)]))
            self.assertFalse(
                self.env["fleet.vehicle.odometer"].with_user(user).search([("vehicle_id", "=", self.van_a.id)])
            )
        for user in (self.hq_finance, self.hq_management):
            Request = (
                self.env["lighting.vehicle.request"].with_user(user).with_context(allowed_company_ids=self.all_offices)
            )
            self.assertEqual(Request.search([("id", "=", booking.id)]), booking)
        with self.assertRaises(AccessError):
            booking.with_user(self.hq_finance).with_context(allowed_company_ids=self.all_offices).action_cancel()
