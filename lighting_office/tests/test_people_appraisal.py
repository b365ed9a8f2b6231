from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestAppraisal(LightingOfficeCase):
    """R5.3: appraisal periods, weighted indicators of results, ability and
    attitude, self and manager scores, a final rating and its outcomes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Appraisal = cls.env["lighting.appraisal"]
        cls.template = cls.env.ref("lighting_office.appraisal_template_sales")
        cls.employees = cls._employees(("sales", "support"))
        cls.periods = {
            key: cls.env["lighting.appraisal.period"].create(
                {
                    "name": "2026 H1",
                    "company_id": office.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 6, 30),  # fixed date: compared with no today
                }
            )
            for key, office in (("a", cls.office_a), ("b", cls.office_b))
        }

    def _appraisal(self, role="sales", key="a"):
        return self.Appraisal.with_user(self.users["manager", key]).create(
            {
                "employee_id": self.employees[role, key].id,
                "period_id": self.periods[key].id,
                "template_id": self.template.id,
            }
        )

    def _score(self, appraisal, manager_scores, self_score=80):
        """The employee scores every indicator, then the manager does; then the appraisal closes."""
        appraisal.action_start()
        employee_user = appraisal.employee_id.user_id
        for line in appraisal.line_ids:
            line.with_user(employee_user).self_score = self_score
        for line, score in zip(appraisal.line_ids, manager_scores, strict=True):
            line.manager_score = score
        appraisal.action_done()
        return appraisal

    def test_template_indicators_and_weights(self):
        """R5.3: a role's template covers results, ability and attitude with weights adding up to 100."""
        appraisal = self._appraisal()
        self.assertEqual(appraisal.company_id, self.office_a)
        self.assertEqual(appraisal.appraiser_id, self.users["manager", "a"])
        self.assertEqual(len(appraisal.line_ids), 4)
        self.assertEqual(sum(appraisal.line_ids.mapped("weight")), 100)
        self.assertEqual(set(appraisal.line_ids.mapped("dimension")), {"results", "ability", "attitude"})
        Template = self.env["lighting.appraisal.template"]
        with self.assertRefused(ValidationError, "Uneven", "Weight", "90"):
            Template.create(
                {
                    "name": "Uneven",
                    "line_ids": [
                        Command.create({"name": n, "dimension": d, "weight": 30})
                        for n, d in (("R", "results"), ("A", "ability"), ("T", "attitude"))
                    ],
                }
            )
        with self.assertRefused(ValidationError, "No attitude", "Dimension", "Work Attitude"):
            Template.create(
                {
                    "name": "No attitude",
                    "line_ids": [
                        Command.create({"name": "R", "dimension": "results", "weight": 60}),
                        Command.create({"name": "A", "dimension": "ability", "weight": 40}),
                    ],
                }
            )

    def test_excellent_rating_leads_to_approved_commendation(self):
        """R5.3: self and manager scores make the final score; excellent leads to a commendation HQ approves."""
        appraisal = self._score(self._appraisal(), [95, 92, 90, 90], self_score=70)
        self.assertAlmostEqual(appraisal.self_score, 70)
        self.assertAlmostEqual(appraisal.score, 0.4 * 95 + 0.2 * 92 + 0.2 * 90 + 0.2 * 90)
        self.assertEqual(appraisal.rating, "excellent")
        outcome = appraisal.outcome_ids
        self.assertEqual(outcome.outcome_type, "commendation")
        self.assertFalse(appraisal.training_ids)
        with self.assertRefused(ValidationError, appraisal.name, "Outcome", "Dismissal Proposal"):
            outcome.outcome_type = "dismissal"
        manager = self.users["manager", "a"]
        with self.assertRefused(ValidationError, "cannot be confirmed before it is approved"):
            outcome.with_user(manager).action_confirm()
        outcome.with_user(manager).request_validation()
        self.assertFalse(outcome.with_user(manager).can_review)
        outcome.with_user(self.hq_management).validate_tier()
        outcome.with_user(manager).action_confirm()
        self.assertEqual(outcome.state, "approved")
        self.assertEqual(self.employees["sales", "a"].lighting_appraisal_ids, appraisal)

    def test_unsatisfactory_leads_to_warning_and_follow_up_training(self):
        """R5.3: unsatisfactory leads to a warning talk proposal; weak indicators become planned follow-up trainings."""
        appraisal = self._score(self._appraisal(), [40, 50, 70, 80])
        self.assertEqual(appraisal.rating, "unsatisfactory")
        self.assertEqual(appraisal.outcome_ids.outcome_type, "warning_talk")
        appraisal.outcome_ids.outcome_type = "transfer"
        with self.assertRefused(ValidationError, "Reward"):
            appraisal.outcome_ids.outcome_type = "reward"
        self.assertIn("Sales against target (40)", appraisal.training_suggestion)
        trainings = appraisal.training_ids
        self.assertEqual(len(trainings), 2)
        self.assertEqual(set(trainings.mapped("state")), {"planned"})
        self.assertEqual(trainings.employee_id, self.employees["sales", "a"])
        self.assertIn("Follow-up: Collection of receivables", trainings.mapped("name"))

    def test_good_rating_has_no_outcome(self):
        """R5.3: a rating between the two ends calls for no outcome, and none can be recorded."""
        appraisal = self._score(self._appraisal(), [80, 80, 80, 80])
        self.assertEqual(appraisal.rating, "good")
        self.assertFalse(appraisal.outcome_ids)
        with self.assertRefused(ValidationError, appraisal.name, "Outcome"):
            self.env["lighting.appraisal.outcome"].create({"appraisal_id": appraisal.id, "outcome_type": "reward"})

    def test_who_scores_what(self):
        """R5.3: the employee enters only their self scores; only the manager sets manager scores; done is final."""
        appraisal = self._appraisal()
        appraisal.action_start()
        line = appraisal.line_ids[0]
        employee_user = self.users["sales", "a"]
        with self.assertRaises(AccessError):
            line.with_user(employee_user).manager_score = 100
        with self.assertRaises(AccessError):
            line.with_user(self.users["support", "a"]).self_score = 10
        with self.assertRaises(AccessError):
            appraisal.with_user(employee_user).write({"state": "done"})
        line.with_user(employee_user).self_score = 85
        with self.assertRaises(AccessError):
            line.with_user(self.users["manager", "a"]).self_score = 10
        self.assertEqual(line.self_score, 85)

    def test_bad_input_refused(self):
        """R5.3: weights not adding to 100, scores above 100, unscored indicators, a period ending early are refused."""
        appraisal = self._appraisal()
        appraisal.line_ids[0].weight = 10
        with self.assertRefused(ValidationError, appraisal.name, "Weight", "70"):
            appraisal.action_start()
        self.assertEqual(appraisal.state, "draft")
        appraisal.line_ids[0].weight = 40
        appraisal.action_start()
        with self.assertRefused(ValidationError, appraisal.name, "Sales against target", "Manager Score"):
            appraisal.line_ids[0].manager_score = 120
        with self.assertRefused(UserError, appraisal.name, "Manager Score"):
            appraisal.action_done()
        with self.assertRefused(ValidationError, "Backwards", "End is before Start"):
            self.env["lighting.appraisal.period"].create(
                {
                    "name": "Backwards",
                    "company_id": self.office_a.id,
                    "date_start": date(2026, 6, 1),
                    "date_end": date(2026, 1, 1),
                }
            )  # fixed date: compared with no today

    def test_who_sees_which_appraisal(self):
        """R5.3: staff read their own appraisal only; office A never sees office B's; HQ Management reads both."""
        own, colleague, other = self._appraisal(), self._appraisal(role="support"), self._appraisal(key="b")
        sales_a = self.users["sales", "a"]
        self.assertEqual(self.Appraisal.with_user(sales_a).search([]), own)
        with self.assertRaises(AccessError):
            colleague.with_user(sales_a).read(["score"])
        with self.assertRaises(AccessError):
            colleague.line_ids.with_user(sales_a).read(["manager_score"])
        manager_a = self.users["manager", "a"]
        self.assertEqual(self.Appraisal.with_user(manager_a).search([]), own | colleague)
        with self.assertRaises(AccessError):
            other.with_user(manager_a).read(["score"])
        with self.assertRaises(AccessError):
            self.Appraisal.with_user(manager_a).create(
                {"employee_id": self.employees["sales", "b"].id, "period_id": self.periods["b"].id}
            )
        everything = own | colleague | other
        self.assertEqual(
            self.Appraisal.with_user(self.hq_management).search([("id", "in", everything.ids)]), everything
        )
        with self.assertRaises(AccessError):
            own.with_user(self.hq_finance).read(["score"])
