import base64
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .vehicle_trip_common import VehicleTripCase


@tagged("post_install", "-at_install")
class TestBusinessTrip(VehicleTripCase):
    """R6.4.2, R6.4.3: business trips approved before departure, reported after the
    return, their expense report linked and their cost held against the estimate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office_a.lighting_trip_hq_threshold = 5000.0
        cls.travel = cls.env["product.product"].create(
            {
                "name": "Travel",
                "type": "service",
                "can_be_expensed": True,
                "standard_price": 0.0,
            }
        )

    def _trip(self, cost=2000.0, role="sales", key="a", start=None, end=None):
        start = start or date.today() + timedelta(days=3)
        return (
            self.env["lighting.business.trip"]
            .with_user(self.users[role, key])
            .create(
                {
                    "employee_id": self.employees[role, key].id,
                    "company_id": self.users[role, key].company_id.id,
                    "destination": "Shenzhen trade show",
                    "purpose": "Meet distributors",
                    "date_from": start,
                    "date_to": end or start + timedelta(days=2),
                    "estimated_cost": cost,
                }
            )
        )

    def _approve(self, trip):
        trip.request_validation()
        trip.with_user(self.users["manager", "a"]).validate_tier()

    def _sheet(self, trip, amount):
        user = self.users["sales", "a"]
        expense = (
            self.env["hr.expense"]
            .with_user(user)
            .create(
                {
                    "name": "Train",
                    "employee_id": trip.employee_id.id,
                    "product_id": self.travel.id,
                    "total_amount_currency": amount,
                    "company_id": self.office_a.id,
                }
            )
        )
        self.env["ir.attachment"].with_user(user).create(
            {
                "name": "ticket.txt",
                "datas": base64.b64encode(b"ticket"),
                "res_model": "hr.expense",
                "res_id": expense.id,
            }
        )
        return (
            self.env["hr.expense.sheet"]
            .with_user(user)
            .create(
                {
                    "name": f"Expenses of {trip.name}",
                    "employee_id": trip.employee_id.id,
                    "company_id": self.office_a.id,
                    "expense_line_ids": [Command.set(expense.ids)],
                    "lighting_trip_id": trip.id,
                }
            )
        )

    def test_approved_by_office_manager_before_departure(self):
        """R6.4.2: below the office's threshold the office manager alone approves; the traveller cannot."""
        trip = self._trip()
        trip.request_validation()
        self.assertEqual(trip.sudo().review_ids.reviewer_ids, self.users["manager", "a"])
        trip.with_user(self.users["sales", "a"]).validate_tier()
        with self.assertRefused(ValidationError, trip.name):
            trip.with_user(self.users["sales", "a"]).write({"state": "approved"})
        trip.with_user(self.users["manager", "a"]).validate_tier()
        self.assertEqual(trip.state, "approved")
        with self.assertRefused(UserError, trip.name, "Estimated Cost"):
            trip.with_user(self.users["sales", "a"]).estimated_cost = 9000.0

    def test_group_step_to_do_by_in_chinese(self):
        """R6.4.2: the review table's "to do by" of the HQ Management step reads 用户组：… for a Chinese office,
        not base_tier_validation's untranslated "Group …"."""
        self.env["res.lang"]._activate_lang("zh_CN")
        trip = self._trip(cost=8000.0).with_context(lang="zh_CN")
        trip.request_validation()
        review = trip.sudo().review_ids.filtered(lambda review: review.definition_id.review_type == "group")
        self.assertEqual(review.todo_by, f"用户组：{review.reviewer_group_id.with_context(lang='zh_CN').name}")

    def test_hq_approves_above_threshold(self):
        """R6.4.2: above the office's threshold HQ Management approves after the office manager."""
        trip = self._trip(cost=8000.0)
        self.assertTrue(trip.needs_hq_approval)
        trip.request_validation()
        reviews = {review.definition_id.review_type: review.reviewer_ids for review in trip.sudo().review_ids}
        self.assertEqual(reviews["office_manager"], self.users["manager", "a"])
        self.assertIn(self.hq_management, reviews["group"])
        # Out of turn: HQ Management cannot decide before the office manager.
        trip.with_user(self.hq_management).with_context(allowed_company_ids=self.all_offices).validate_tier()
        self.assertEqual(trip.sudo().review_ids.mapped("status").count("approved"), 0)
        trip.with_user(self.users["manager", "a"]).validate_tier()
        self.assertEqual(trip.state, "draft")
        trip.with_user(self.hq_management).with_context(allowed_company_ids=self.all_offices).validate_tier()
        self.assertEqual(trip.state, "approved")
        self.assertFalse(self._trip(cost=8000.0, key="b").needs_hq_approval)  # office B has no threshold

    def test_return_before_departure_refused(self):
        """R6.4.2: a trip ending before it starts is refused naming the trip and the field; nothing is written."""
        Trip = self.env["lighting.business.trip"]
        before = Trip.search_count([])
        with self.assertRefused(ValidationError, "BT/", "Return", "Departure"):
            self._trip(start=date.today() + timedelta(days=10), end=date.today() + timedelta(days=9))
        self.assertEqual(Trip.search_count([]), before)
        with self.assertRefused(ValidationError, "Estimated Cost"):
            self._trip(cost=-1.0)

    def test_approved_before_departure_only(self):
        """R6.4.2: once the departure date has passed the trip can no longer be approved."""
        trip = self._trip()
        trip.request_validation()
        with (
            freeze_time(trip.date_from + timedelta(days=1)),
            self.assertRefused(UserError, trip.name, "Departure", "before departure"),
        ):
            trip.with_user(self.users["manager", "a"]).validate_tier()
        self.assertEqual(trip.state, "draft")

    def test_report_after_return_then_expenses(self):
        """R6.4.3: the report is filed after the return; the trip's expense report waits for it; cost against
        estimate."""
        trip = self._trip(cost=2000.0)
        self._approve(trip)
        traveller_trip = trip.with_user(self.users["sales", "a"])
        traveller_trip.report = "<p>Signed two distributors.</p>"
        with self.assertRefused(UserError, trip.name, "after the return"):
            traveller_trip.action_file_report()
        sheet = self._sheet(trip, 1200.0)
        self._sheet(trip, 1100.0)
        with self.assertRefused(UserError, sheet.name, trip.name, "Business Trip"):
            sheet.action_submit_sheet()
        self.assertEqual(sheet.state, "draft")
        back = trip.date_to + timedelta(days=1)
        with freeze_time(back):
            traveller_trip.report = "<p><br></p>"
            with self.assertRefused(UserError, trip.name, "Trip Report"):
                traveller_trip.action_file_report()
            traveller_trip.report = "<p>Signed two distributors.</p>"
            traveller_trip.action_file_report()
        self.assertEqual((trip.state, trip.report_date), ("reported", back))
        sheet.action_submit_sheet()
        self.assertEqual(sheet.state, "submit")
        self.assertEqual((trip.actual_cost, trip.cost_variance), (2300.0, 300.0))
        cost = (
            self.env["lighting.business.trip"]
            .with_user(self.users["manager", "a"])
            ._read_group([("state", "=", "reported")], ["employee_id"], ["estimated_cost:sum", "actual_cost:sum"])
        )
        self.assertEqual(cost, [(self.employees["sales", "a"], 2000.0, 2300.0)])

    def test_report_reminder(self):
        """R6.4.3: after the return the traveller gets one to-do to file the trip report."""
        trip = self._trip()
        self._approve(trip)
        Trip = self.env["lighting.business.trip"]
        Trip._cron_remind_reports()
        self.assertFalse(trip.activity_ids)
        with freeze_time(trip.date_to + timedelta(days=1)):
            Trip._cron_remind_reports()
            Trip._cron_remind_reports()
        self.assertEqual(trip.activity_ids.user_id, self.users["sales", "a"])
        self.assertEqual(trip.activity_ids.summary, "File the trip report")

    def test_expense_of_another_travellers_trip_refused(self):
        """R6.4.3: an expense report links only a trip of its own employee."""
        trip = self._trip(role="support")
        self._approve(trip)
        with self.assertRefused(ValidationError, "Business Trip", trip.name):
            self.env["hr.expense.sheet"].create(
                {
                    "name": "Wrong trip",
                    "employee_id": self.employees["sales", "a"].id,
                    "company_id": self.office_a.id,
                    "lighting_trip_id": trip.id,
                }
            )

    def test_roles_and_offices(self):
        """R6.4.2: staff request and see their own trips; the office manager and HQ see the office's; office B none."""
        trip = self._trip(role="support")
        Trip = self.env["lighting.business.trip"]
        self.assertFalse(Trip.with_user(self.users["sales", "a"]).search([("id", "=", trip.id)]))
        with self.assertRaises(AccessError):
            Trip.with_user(self.users["sales", "a"]).create(
                {
                    "employee_id": self.employees["support", "a"].id,
                    "destination": "X",
                    "purpose": "Y",
                    "date_from": date.today() + timedelta(days=30),
                    "date_to": date.today() + timedelta(days=31),
                    "estimated_cost": 1.0,
                }
            )
        self.assertEqual(Trip.with_user(self.users["manager", "a"]).search([("id", "=", trip.id)]), trip)
        for user in (self.users["sales", "b"], self.users["manager", "b"]):
            self.assertFalse(Trip.with_user(user).search([("id", "=", trip.id)]))
        for user in (self.hq_finance, self.hq_management):
            found = (
                Trip.with_user(user).with_context(allowed_company_ids=self.all_offices).search([("id", "=", trip.id)])
            )
            self.assertEqual(found, trip)
        with self.assertRaises(AccessError):
            trip.with_user(self.hq_finance).with_context(allowed_company_ids=self.all_offices).write(
                {"destination": "Elsewhere"}
            )
