from datetime import date, timedelta

from dateutil.relativedelta import MO, relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase

# The cron is given its day; the schedule starts on the first Monday of a month half a year ahead
# (days 1-7), so that the weekly Friday and the monthly 20th fall after it in the same month.
MONDAY = date.today() + relativedelta(months=6, day=1, weekday=MO(1))
WEDNESDAY = MONDAY + timedelta(days=2)
FRIDAY = MONDAY + timedelta(days=4)
TWENTIETH = MONDAY.replace(day=20)


@tagged("post_install", "-at_install")
class TestCleaningSchedule(LightingOfficeCase):
    """R6.1: cleaning and disinfection schedule per office, done or missed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employees = cls._employees(("sales", "support"))
        cls.area_a = cls._area(cls.office_a, "a")
        cls.area_b = cls._area(cls.office_b, "b")
        cls.Task = cls.env["lighting.cleaning.task"]

    @classmethod
    def _area(cls, office, key):
        return cls.env["lighting.cleaning.area"].create(
            {
                "name": f"Showroom {key}",
                "company_id": office.id,
                "plan_ids": [
                    Command.create(
                        {
                            "name": "Mop the floor",
                            "employee_id": cls.employees["sales", key].id,
                            "frequency": "daily",
                            "date_start": MONDAY,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Disinfect door handles",
                            "task_type": "disinfection",
                            "employee_id": cls.employees["support", key].id,
                            "frequency": "weekly",
                            "weekday": "4",
                            "date_start": MONDAY,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Clean the lamps on display",
                            "frequency": "monthly",
                            "month_day": 20,
                            "employee_id": cls.employees["sales", key].id,
                            "date_start": MONDAY,
                        }
                    ),
                ],
            }
        )

    def _tasks(self, area):
        return self.Task.search([("area_id", "=", area.id)]).sorted(lambda task: (task.date_due, task.name))

    def test_schedule_per_period(self):
        """R6.1: the schedule creates each recurring task once per period, with who and when."""
        self.Task._cron_schedule(today=MONDAY)
        self.Task._cron_schedule(today=MONDAY)
        tasks = self._tasks(self.area_a)
        self.assertEqual(
            [(task.name, task.date_due, task.employee_id) for task in tasks],
            [
                ("Mop the floor", MONDAY, self.employees["sales", "a"]),
                ("Disinfect door handles", FRIDAY, self.employees["support", "a"]),
                ("Clean the lamps on display", TWENTIETH, self.employees["sales", "a"]),
            ],
        )
        self.Task._cron_schedule(today=WEDNESDAY)
        self.assertEqual(len(self._tasks(self.area_a)), 4)  # one more daily task only
        self.assertEqual(self._tasks(self.area_b).company_id, self.office_b)

    def test_done_or_missed(self):
        """R6.1: a task not done by its due date is missed automatically; a done one stays done."""
        self.Task._cron_schedule(today=MONDAY)
        mop, handles, lamps = self._tasks(self.area_a)
        handles.with_user(self.users["support", "a"]).action_done()
        self.assertEqual(handles.state, "done")
        self.Task._cron_schedule(today=MONDAY + timedelta(days=5))
        self.assertEqual((mop.state, handles.state, lamps.state), ("missed", "done", "todo"))
        with self.assertRefused(UserError, "Mop the floor", "Missed"):
            mop.action_done()

    def test_staff_mark_only_their_own(self):
        """R6.1: staff see the office's schedule and mark their own tasks; they cannot change or plan it."""
        self.Task._cron_schedule(today=MONDAY)
        mop, handles, _lamps = self._tasks(self.area_a)
        sales = self.users["sales", "a"]
        self.assertEqual(
            self.Task.with_user(sales).search([("area_id", "=", self.area_a.id)]), self._tasks(self.area_a)
        )
        with self.assertRaises(AccessError):
            handles.with_user(sales).action_done()
        with self.assertRefused(AccessError, "Mop the floor"):
            mop.with_user(sales).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.env["lighting.cleaning.area"].with_user(sales).create({"name": "Kitchen"})
        mop.with_user(sales).action_done()
        self.assertEqual(mop.state, "done")
        mop.with_user(self.users["manager", "a"]).write({"note": "Checked"})

    def test_offices_apart(self):
        """R6.1: office B does not see office A's areas or tasks; HQ reads every office's schedule."""
        self.Task._cron_schedule(today=MONDAY)
        for user in (self.users["sales", "b"], self.users["manager", "b"]):
            self.assertFalse(self.Task.with_user(user).search([("area_id", "=", self.area_a.id)]))
            self.assertFalse(self.env["lighting.cleaning.area"].with_user(user).search([("id", "=", self.area_a.id)]))
        offices = (self.hq | self.office_a | self.office_b).ids
        for user in (self.hq_finance, self.hq_management):
            seen = self.Task.with_user(user).with_context(allowed_company_ids=offices).search([])
            self.assertEqual(seen.company_id, self.office_a | self.office_b)

    def test_bad_plan_refused(self):
        """R6.1: a monthly task needs a day of the month from 1 to 28, naming the area, task and field."""
        with self.assertRefused(ValidationError, "Showroom a", "Mop the floor", "Day of the Month"):
            self.area_a.plan_ids[0].write({"frequency": "monthly", "month_day": 31})

    def test_schedule_queries_do_not_grow(self):
        """R6.1: the schedule runs in the same number of queries for 3 or 30 recurring tasks."""
        self.Task._cron_schedule(today=MONDAY)
        with self.assertQueryCount(__system__=7):
            self.Task._cron_schedule(today=WEDNESDAY)
        for index in range(9):
            self._area(self.office_a, "a").name = f"Area {index}"
        with self.assertQueryCount(__system__=7):
            self.Task._cron_schedule(today=MONDAY + timedelta(days=3))
