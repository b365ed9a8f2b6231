from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .expense_common import ExpenseCase


@tagged("post_install", "-at_install")
class TestWallsRoles(ExpenseCase):
    """Rights end with the role that gave them; the superuser writes only what the
    author may write; a pre-approval is its claimant's and is spent once."""

    def test_replaced_manager_loses_the_role(self):
        """R1.2: the replaced office manager loses the manager role and what it brought."""
        old = self.users["manager", "a"]
        new = new_test_user(
            self.env,
            login="new_mgr_a",
            groups="base.group_user",
            company_id=self.office_a.id,
            company_ids=[Command.set(self.office_a.ids)],
        )
        self.office_a.office_manager_id = new
        self.assertTrue(new.has_group("lighting_office.group_lighting_manager"))
        self.assertFalse(old.has_group("lighting_office.group_lighting_manager"))
        self.assertFalse(old.has_group("hr.group_hr_user"))
        self.assertFalse(old.has_group("sales_team.group_sale_salesman_all_leads"))
        self.assertTrue(old.has_group("base.group_user"))
        self.assertEqual(old.company_ids, self.office_a, "the old manager's own office stays theirs")
        with self.assertRaises(AccessError):
            self.env["lighting.office.target"].with_user(old).create(
                {"name": "Self-set target", "company_id": self.office_a.id}
            )

    def test_manager_of_two_offices_keeps_the_role(self):
        """R1.2: a manager replaced in one office but managing another keeps the role, not the office."""
        manager = self.users["manager", "b"]
        self.office_a.office_manager_id = manager
        self.assertIn(self.office_a, manager.company_ids)
        self.office_a.office_manager_id = self.users["manager", "a"]
        self.assertTrue(manager.has_group("lighting_office.group_lighting_manager"))
        self.assertEqual(manager.company_ids, self.office_b)

    def test_leaving_head_office_loses_the_offices(self):
        """R1.2: a user who loses an HQ role loses the offices and the groups the role gave."""
        for user, group in (
            (self.hq_finance, "group_lighting_hq_finance"),
            (self.hq_management, "group_lighting_hq_management"),
        ):
            with self.subTest(group=group):
                self.assertIn(self.office_b, user.company_ids)
                user.write({"groups_id": [Command.unlink(self.env.ref(f"lighting_office.{group}").id)]})
                self.assertEqual(user.company_ids, self.hq)
                self.assertFalse(user.has_group("lighting_office.group_lighting_manager"))
                self.assertFalse(user.has_group("hr_expense.group_hr_expense_user"))
                self.assertFalse(self.env["lighting.office.target"].with_user(user).has_access("read"))

    def test_suggestion_author_writes_only_the_suggestion(self):
        """R5.4: an author cannot create a suggestion already answered, closed or backdated."""
        Suggestion = self.env["lighting.suggestion"].with_user(self.users["sales", "a"])
        base = {"name": "Coffee", "description": "A better machine", "company_id": self.office_a.id}
        for vals in (
            {"state": "closed"},
            {"state": "answered", "answer": "Yes"},
            {"answered_by_id": self.users["manager", "a"].id},
            {"submit_date": "2020-01-01"},
        ):  # fixed date: a backdating attempt
            with self.subTest(vals=vals), self.assertRefused(AccessError, "Coffee", "the author writes only"):
                Suggestion.create(dict(base, **vals))
        suggestion = Suggestion.create(dict(base, state="submitted", answer=False))
        self.assertEqual(suggestion.state, "submitted")
        self.assertFalse(suggestion.answer)

    def _preapproval(self, role="sales"):
        request = (
            self.env["lighting.expense.preapproval"]
            .with_user(self.users[role, "a"])
            .create({"employee_id": self.employees[role, "a"].id, "purpose": "Trade fair", "amount": 2000.0})
        )
        request.request_validation()
        request.with_user(self.hq_finance).validate_tier()
        request.action_confirm()
        return request

    def test_preapproval_is_the_claimants(self):
        """R4.2.2: another employee's pre-approval does not cover an expense."""
        request = self._preapproval("manager")
        with self.assertRefused(ValidationError, "Train ticket of sales a", request.name, "not of the claimant"):
            self._sheet(amount=1500.0, preapproval=request)

    def test_preapproval_covers_one_report(self):
        """R4.2.2: a pre-approval used by one expense report is used up."""
        self.office_a.lighting_expense_threshold = 1000.0
        request = self._preapproval()
        self._sheet(amount=1500.0, preapproval=request).action_submit_sheet()
        with self.assertRefused(ValidationError, request.name, "already used by", "Report of sales a"):
            self._sheet(amount=1500.0, preapproval=request)
        self.assertEqual(len(request.expense_ids), 1)
