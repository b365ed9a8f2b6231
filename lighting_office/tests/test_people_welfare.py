from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestWelfare(LightingOfficeCase):
    """R5.4: 五险一金 with base and rates, paid annual leave through Time Off,
    holiday and birthday benefits with a reminder, team activities."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employees = cls._employees(("sales", "support"))

    def _insurance(self, key=("sales", "a"), user=None):
        employee = self.employees[key]
        return (
            self.env["lighting.social.insurance"]
            .with_user(user or employee.company_id.office_manager_id)
            .create(
                {"employee_id": employee.id, "date_from": date(2026, 1, 1)}  # fixed date: compared with no today
            )
        )

    def test_social_insurance_base_and_rates(self):
        """R5.4: the five insurances and the housing fund, each with base and rates, add up per month."""
        insurance = self._insurance()
        self.assertEqual(len(insurance.line_ids), 6)
        pension = insurance.line_ids.filtered(lambda line: line.kind == "pension")
        pension.write({"base": 8000, "employer_rate": 16, "employee_rate": 8})
        fund = insurance.line_ids.filtered(lambda line: line.kind == "housing_fund")
        fund.write({"base": 8000, "employer_rate": 7, "employee_rate": 7})
        self.assertAlmostEqual(insurance.employer_amount, 1280 + 560)
        self.assertAlmostEqual(insurance.employee_amount, 640 + 560)
        with self.assertRefused(ValidationError, insurance.name, "Pension Insurance", "Employer Rate (%)"):
            pension.employer_rate = 120
        with self.assertRefused(ValidationError, insurance.name, "Contribution Base"):
            pension.base = -1
        with self.assertRefused(ValidationError, "Housing Provident Fund"):
            insurance.line_ids = [Command.unlink(fund.id)]

    def test_paid_annual_leave_through_time_off(self):
        """R5.4: the office manager allocates paid annual leave and approves the employee's request in Time Off."""
        annual = self.env.ref("lighting_office.leave_type_annual")
        employee, manager = self.employees["sales", "a"], self.users["manager", "a"]
        today = date.today()
        monday = today - timedelta(days=today.weekday() + 7)  # taken leave counts once it is past
        allocation = (
            self.env["hr.leave.allocation"]
            .with_user(manager)
            .create(
                {
                    "name": "Annual leave 2026",
                    "holiday_status_id": annual.id,
                    "employee_id": employee.id,
                    "number_of_days": 5,
                    "date_from": monday - timedelta(days=30),
                }
            )
        )
        allocation.action_approve()
        self.assertEqual(allocation.state, "validate")
        leave = (
            self.env["hr.leave"]
            .with_user(manager)
            .create(
                {
                    "holiday_status_id": annual.id,
                    "employee_id": employee.id,
                    "request_date_from": monday,
                    "request_date_to": monday + timedelta(days=1),
                }
            )
        )
        leave.action_approve()
        self.assertEqual(leave.state, "validate")
        self.assertEqual(leave.number_of_days, 2)
        allocation.invalidate_recordset(["leaves_taken"])
        self.assertEqual(allocation.leaves_taken, 2)

    def test_birthday_reminder(self):
        """R5.4: a week before a birthday the benefit is planned once and the office manager reminded."""
        today = date(2026, 3, 10)  # fixed date: the job is given its day
        employee = self.employees["support", "a"]
        employee.birthday = date(1990, 3, 15)  # fixed date: the job is given its day
        self.employees["sales", "a"].birthday = date(1991, 5, 1)  # fixed date: too far ahead of the job's day
        Benefit = self.env["lighting.welfare.benefit"]
        benefits = Benefit._cron_plan_birthday_benefits(today=today)
        self.assertEqual(benefits.employee_id, employee)
        self.assertEqual(
            (benefits.occasion, benefits.date, benefits.company_id), ("birthday", date(2026, 3, 15), self.office_a)
        )  # fixed date: the job is given its day
        self.assertEqual(benefits.activity_ids.user_id, self.users["manager", "a"])
        self.assertEqual(benefits.activity_ids.date_deadline, date(2026, 3, 14))  # fixed date: the job is given its day
        self.assertFalse(Benefit._cron_plan_birthday_benefits(today=today + timedelta(days=1)))
        benefits.with_user(self.users["manager", "a"]).action_given()
        self.assertEqual(benefits.state, "given")
        self.assertFalse(benefits.activity_ids)
        holiday = Benefit.with_user(self.users["manager", "a"]).create(
            {
                "name": "Mooncakes",
                "occasion": "mid_autumn",
                "employee_id": employee.id,
                "date": date(2026, 9, 25),
                "amount": 200,  # fixed date: compared with no today
            }
        )
        with self.assertRefused(ValidationError, "Mooncakes", "Amount"):
            holiday.amount = -5

    def test_team_activity(self):
        """R5.4: a team activity has its plan, date, budget and attendees of its office only."""
        Activity = self.env["lighting.team.activity"].with_user(self.users["manager", "a"])
        activity = Activity.create(
            {
                "name": "Spring outing",
                "company_id": self.office_a.id,
                "date": date(2026, 4, 18),  # fixed date: compared with no today
                "plan": "Hike and dinner",
                "budget": 3000,
                "attendee_ids": [Command.set((self.employees["sales", "a"] | self.employees["support", "a"]).ids)],
            }
        )
        self.assertEqual(activity.attendee_count, 2)
        with self.assertRefused(ValidationError, "Spring outing", "Attendees", "Employee sales b"):
            activity.attendee_ids = [Command.link(self.employees["sales", "b"].id)]
        with self.assertRefused(ValidationError, "Spring outing", "Budget"):
            activity.budget = -1
        self.assertEqual(self.env["lighting.team.activity"].with_user(self.users["sales", "a"]).search([]), activity)
        with self.assertRaises(AccessError):
            activity.with_user(self.users["sales", "a"]).write({"budget": 1})
        with self.assertRaises(AccessError):
            activity.with_user(self.users["manager", "b"]).read(["name"])

    def test_who_sees_which_welfare_record(self):
        """R5.4: staff read their own 五险一金 only; office B's stay in office B; HQ Finance reads both and writes
        none."""
        own, colleague, other = self._insurance(), self._insurance(("support", "a")), self._insurance(("sales", "b"))
        Insurance = self.env["lighting.social.insurance"]
        sales_a = self.users["sales", "a"]
        self.assertEqual(Insurance.with_user(sales_a).search([]), own)
        with self.assertRaises(AccessError):
            colleague.with_user(sales_a).read(["employer_amount"])
        with self.assertRaises(AccessError):
            own.line_ids[0].with_user(sales_a).write({"base": 1})
        with self.assertRaises(AccessError):
            other.with_user(self.users["manager", "a"]).read(["name"])
        with self.assertRaises(AccessError):
            self._insurance(("sales", "b"), user=self.users["manager", "a"])
        everything = own | colleague | other
        self.assertEqual(Insurance.with_user(self.hq_finance).search([("id", "in", everything.ids)]), everything)
        with self.assertRaises(AccessError):
            other.line_ids[0].with_user(self.hq_finance).write({"base": 1})
        other.line_ids[0].with_user(self.hq_management).write({"base": 9000})
        self.assertEqual(other.line_ids[0].base, 9000)
