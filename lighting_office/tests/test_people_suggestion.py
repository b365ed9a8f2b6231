from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestSuggestion(LightingOfficeCase):
    """R5.4: the employee suggestion channel, answered by the office manager
    within the office's answer time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Suggestion = cls.env["lighting.suggestion"]
        cls.office_a.lighting_suggestion_answer_days = 5

    def _submit(self, role="sales", key="a", **values):
        user = self.users[role, key]
        return self.Suggestion.with_user(user).create(
            {
                "name": "Showroom lights",
                "description": "Half of the showroom spots are off.",
                "company_id": user.company_id.id,
                **values,
            }
        )

    def test_submit_sets_deadline_and_asks_manager(self):
        """R5.4: a suggestion must be answered within the office's days; its manager gets the to-do."""
        suggestion = self._submit()
        self.assertEqual(suggestion.deadline, date.today() + timedelta(days=5))
        self.assertEqual(suggestion.author_name, self.users["sales", "a"].name)
        activity = suggestion.activity_ids
        self.assertEqual(activity.user_id, self.users["manager", "a"])
        self.assertEqual(activity.date_deadline, suggestion.deadline)
        answer = suggestion.with_user(self.users["manager", "a"])
        with self.assertRefused(UserError, "Showroom lights", "Answer"):
            answer.action_answer()
        answer.answer = "Fixed on Monday."
        answer.action_answer()
        self.assertEqual((suggestion.state, suggestion.answered_by_id), ("answered", self.users["manager", "a"]))
        self.assertFalse(suggestion.activity_ids)
        self.assertFalse(suggestion.is_late)
        self.assertEqual(suggestion.with_user(self.users["sales", "a"]).answer, "Fixed on Monday.")

    def test_anonymous_to_the_office(self):
        """R5.4: an anonymous suggestion names no author to the office, but its author still sees it and HQ knows."""
        author = self.users["support", "a"]
        suggestion = self._submit(role="support", anonymous=True, name="Overtime", kind="concern")
        as_manager = suggestion.with_user(self.users["manager", "a"])
        self.assertEqual(as_manager.author_name, "Anonymous")
        with self.assertRaises(AccessError):
            as_manager.read(["user_id"])
        self.assertNotEqual(as_manager.create_uid, author)
        self.assertNotIn(author.partner_id, suggestion.message_partner_ids)
        self.assertNotIn(author.partner_id, suggestion.message_ids.author_id)
        self.assertEqual(self.Suggestion.with_user(author).search([]), suggestion)
        self.assertEqual(suggestion.with_user(self.hq_management).user_id, author)

    def test_late_answers_stand_out(self):
        """R5.4: unanswered past the deadline, or answered after it, is late and found by the Late filter."""
        overdue, answered_late, on_time = (
            self._submit(name="Overdue"),
            self._submit(name="Answered late"),
            self._submit(name="On time"),
        )
        (overdue | answered_late).with_env(self.env).write({"submit_date": date.today() - timedelta(days=10)})
        for suggestion in (answered_late, on_time):
            suggestion = suggestion.with_user(self.users["manager", "a"])
            suggestion.answer = "Done."
            suggestion.action_answer()
        self.assertEqual([s.is_late for s in (overdue, answered_late, on_time)], [True, True, False])
        mine = (overdue | answered_late | on_time).ids
        self.assertEqual(self.Suggestion.search([("is_late", "=", True), ("id", "in", mine)]), overdue | answered_late)
        self.assertEqual(self.Suggestion.search([("is_late", "=", False), ("id", "in", mine)]), on_time)

    def test_answer_days_setting(self):
        """R5.4: the answer time is a setting per office, at least one day."""
        settings = self.env["res.config.settings"].with_company(self.office_b).create({})
        settings.lighting_suggestion_answer_days = 2
        settings.execute()
        self.assertEqual(self.office_b.lighting_suggestion_answer_days, 2)
        self.assertEqual(self._submit(key="b").deadline, date.today() + timedelta(days=2))
        with self.assertRefused(ValidationError, "Office B", "Suggestion Answer Days"):
            self.office_b.lighting_suggestion_answer_days = 0

    def test_who_sees_which_suggestion(self):
        """R5.4: staff see their own only and answer none; office A never sees office B's; HQ Management sees both."""
        own, colleague, other_office = self._submit(), self._submit(role="aftersales"), self._submit(key="b")
        sales_a = self.users["sales", "a"]
        self.assertEqual(self.Suggestion.with_user(sales_a).search([]), own)
        with self.assertRaises(AccessError):
            colleague.with_user(sales_a).read(["name"])
        with self.assertRaises(AccessError):
            own.with_user(sales_a).write({"answer": "I answer myself"})
        with self.assertRaises(AccessError):
            self.Suggestion.with_user(sales_a).create(
                {"name": "To B", "description": "x", "company_id": self.office_b.id}
            )
        manager_a = self.users["manager", "a"]
        self.assertEqual(self.Suggestion.with_user(manager_a).search([]), own | colleague)
        with self.assertRaises(AccessError):
            other_office.with_user(manager_a).write({"answer": "x"})
        everything = own | colleague | other_office
        self.assertEqual(
            self.Suggestion.with_user(self.hq_management).search([("id", "in", everything.ids)]), everything
        )
        with self.assertRaises(AccessError):
            own.with_user(self.hq_finance).read(["name"])
