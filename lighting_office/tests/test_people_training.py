import base64
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestTraining(LightingOfficeCase):
    """R5.2: training records, personal training plans, industry events, and
    training hours and cost per office and employee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Training = cls.env["lighting.training"]
        cls.TrainingPlan = cls.env["lighting.training.plan"]
        Employee = cls.env["hr.employee"]
        cls.employees = {
            (role, key): Employee.create(
                {
                    "name": f"Employee {role} {key}",
                    "user_id": cls.users[role, key].id,
                    "company_id": cls.users[role, key].company_id.id,
                }
            )
            for role in ("sales", "support", "manager")
            for key in ("a", "b")
        }
        cls.today = date.today()

    def _training(self, employee_key=("sales", "a"), user=None, **values):
        employee = self.employees[employee_key]
        user = user or employee.company_id.office_manager_id
        return self.Training.with_user(user).create(
            {
                "name": "LED driver basics",
                "employee_id": employee.id,
                "training_type": "technical",
                "training_form": "internal",
                "date_start": self.today,
                "date_end": self.today,
                "hours": 8,
                "cost": 500,
                "provider": "HQ technical centre",
                **values,
            }
        )

    def test_training_record(self):
        """R5.2: a training record keeps course, type, form, dates, hours, provider, cost, result and certificate."""
        certificate = base64.b64encode(b"%PDF-1.4 certificate")
        training = self._training(
            training_form="external", result="passed", certificate=certificate, certificate_name="cert.pdf"
        )
        self.assertEqual(training.company_id, self.office_a)
        self.assertEqual(training.certificate, certificate)
        self.assertTrue(
            self.env["ir.attachment"].search_count(
                [
                    ("res_model", "=", "lighting.training"),
                    ("res_id", "=", training.id),
                    ("res_field", "=", "certificate"),
                ]
            )
        )
        training.action_done()
        self.assertEqual(training.state, "done")

    def test_done_needs_hours_and_result(self):
        """R5.2: a training is done only with its hours and result filled in."""
        training = self._training(name="Course Without Result")
        with self.assertRefused(UserError, "Course Without Result", "Result"):
            training.action_done()
        training.write({"hours": 0, "result": "attended"})
        with self.assertRefused(UserError, "Course Without Result", "Hours"):
            training.action_done()
        self.assertEqual(training.state, "planned")

    def test_personal_plan_completion(self):
        """R5.2: an employee's plan of the year lists courses; a done training completes its course."""
        plan = self.TrainingPlan.with_user(self.users["manager", "a"]).create(
            {
                "employee_id": self.employees["sales", "a"].id,
                "year": self.today.year,
                "goal": "Become a key-account salesperson",
                "line_ids": [
                    Command.create(
                        {
                            "name": "Negotiation",
                            "training_type": "communication",
                            "training_form": "external",
                            "planned_hours": 16,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Lighting design",
                            "training_type": "technical",
                            "training_form": "online",
                            "planned_hours": 8,
                        }
                    ),
                ],
            }
        )
        self.assertEqual(plan.company_id, self.office_a)
        self.assertEqual((plan.course_count, plan.done_count, plan.completion_rate), (2, 0, 0.0))
        negotiation = plan.line_ids.filtered(lambda line: line.name == "Negotiation")
        training = self._training(name="Negotiation", plan_line_id=negotiation.id, result="passed")
        self.assertFalse(negotiation.is_done)
        training.action_done()
        self.assertTrue(negotiation.is_done)
        self.assertEqual((plan.done_count, plan.completion_rate), (1, 50.0))
        with self.assertRefused(ValidationError, "Someone Else's", "Planned Course"):
            self._training(employee_key=("support", "a"), name="Someone Else's", plan_line_id=negotiation.id)
        with self.assertRefused(ValidationError, plan.name, "Year"):
            self.TrainingPlan.create({"employee_id": self.employees["sales", "a"].id, "year": self.today.year})

    def test_industry_events(self):
        """R5.2: industry events attended are recorded beside courses and can be told apart."""
        event = self._training(
            name="Guangzhou International Lighting Exhibition",
            kind="event",
            training_form="external",
            hours=16,
            cost=1200,
        )
        course = self._training()
        self.assertEqual(self.Training.search([("kind", "=", "event"), ("id", "in", (event | course).ids)]), event)

    def test_hours_and_cost_per_employee_and_office(self):
        """R5.2: done training hours and cost add up per employee (one query) and per office."""
        for key, hours in ((("sales", "a"), 8), (("sales", "a"), 4), (("support", "a"), 6), (("sales", "b"), 10)):
            self._training(employee_key=key, hours=hours, result="passed").action_done()
        self._training(hours=100)  # planned, not done: not counted
        # The web client sends the reader's time zone, which "this year" is counted in.
        employees = (
            self.env["hr.employee"].with_context(tz="Asia/Shanghai").browse([e.id for e in self.employees.values()])
        )
        employees.invalidate_recordset()
        with self.assertQueryCount(1):
            employees.mapped("lighting_training_hours")
        self.assertEqual(self.employees["sales", "a"].lighting_training_hours, 12)
        self.assertEqual(self.employees["sales", "a"].lighting_training_cost, 1000)
        self.assertEqual(self.employees["manager", "a"].lighting_training_hours, 0)
        per_office = dict(
            self.Training._read_group(
                [("state", "=", "done"), ("company_id", "in", (self.office_a | self.office_b).ids)],
                ["company_id"],
                ["hours:sum"],
            )
        )
        self.assertEqual(per_office, {self.office_a: 18, self.office_b: 10})

    def test_bad_input_refused(self):
        """R5.2: an end before the start, negative hours or cost are refused with the training and field named."""
        with self.assertRefused(ValidationError, "Backwards Course", "End is before Start"):
            self._training(
                name="Backwards Course", date_start=date(2026, 5, 2), date_end=date(2026, 5, 1)
            )  # fixed date: compared with no today
        with self.assertRefused(ValidationError, "Negative Course", "Hours"):
            self._training(name="Negative Course", hours=-1)
        with self.assertRefused(ValidationError, "Negative Course", "Cost"):
            self._training(name="Negative Course", cost=-1)
        with self.assertRefused(ValidationError, "Negative Hours Plan", "Planned Hours"):
            self.TrainingPlan.create(
                {
                    "employee_id": self.employees["support", "a"].id,
                    "year": 2026,
                    "line_ids": [Command.create({"name": "Negative Hours Plan", "planned_hours": -2})],
                }
            )
        self.assertFalse(self.Training.search([("name", "in", ("Backwards Course", "Negative Course"))]))

    def test_who_sees_which_training(self):
        """R5.2: staff read only their own trainings and change none; managers run their office only; HQ reads all."""
        own = self._training()
        colleague = self._training(employee_key=("support", "a"))
        other_office = self._training(employee_key=("sales", "b"))
        sales_a = self.users["sales", "a"]
        self.assertEqual(self.Training.with_user(sales_a).search([]), own)
        with self.assertRaises(AccessError):
            colleague.with_user(sales_a).read(["name"])
        with self.assertRaises(AccessError):
            own.with_user(sales_a).write({"hours": 80})
        with self.assertRaises(AccessError):
            self._training(user=sales_a)
        manager_a = self.users["manager", "a"]
        self.assertEqual(self.Training.with_user(manager_a).search([]), own | colleague)
        with self.assertRaises(AccessError):
            other_office.with_user(manager_a).write({"hours": 1})
        with self.assertRaises(AccessError):
            self._training(employee_key=("sales", "b"), user=manager_a)
        all_three = own | colleague | other_office
        self.assertEqual(self.Training.with_user(self.hq_finance).search([("id", "in", all_three.ids)]), all_three)
        with self.assertRaises(AccessError):
            own.with_user(self.hq_finance).write({"cost": 1})
        other_office.with_user(self.hq_management).write({"cost": 600})
        self.assertEqual(other_office.cost, 600)

    def test_who_sees_which_plan(self):
        """R5.2: staff read their own training plan only; office B's plans stay in office B."""
        plans = self.TrainingPlan.create(
            [
                {"employee_id": self.employees[key].id, "year": 2026, "line_ids": [Command.create({"name": "Course"})]}
                for key in (("sales", "a"), ("support", "a"), ("sales", "b"))
            ]
        )
        sales_a = self.users["sales", "a"]
        self.assertEqual(self.TrainingPlan.with_user(sales_a).search([]), plans[0])
        self.assertEqual(self.env["lighting.training.plan.line"].with_user(sales_a).search([]), plans[0].line_ids)
        with self.assertRaises(AccessError):
            plans[0].with_user(sales_a).write({"goal": "x"})
        self.assertEqual(self.TrainingPlan.with_user(self.users["manager", "b"]).search([]), plans[2])
        with self.assertRaises(AccessError):
            plans[2].line_ids.with_user(self.users["manager", "a"]).read(["name"])
        self.assertEqual(self.TrainingPlan.with_user(self.hq_management).search([("id", "in", plans.ids)]), plans)
