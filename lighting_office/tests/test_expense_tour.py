from odoo.tests import HttpCase, tagged

from .expense_common import ExpenseCase


class ExpenseTourCase(ExpenseCase, HttpCase):
    """R4.2.1 in the browser, each step by its own user."""

    def _expense_four_steps_tour(self):
        sheet = self._sheet()
        url = f"/odoo/action-lighting_office.action_lighting_expense_sheet/{sheet.id}"
        cids = "-".join(str(cid) for cid in (self.hq | self.office_a | self.office_b).ids)
        self.start_tour(url, "lighting_office_expense_submit", login=self.users["sales", "a"].login)
        self.assertEqual(sheet.approval_state, "submit")
        for done, user in enumerate((self.users["support", "a"], self.users["manager", "a"], self.hq_finance), 1):
            self.start_tour(
                f"{url}?cids={cids}" if user == self.hq_finance else url,
                "lighting_office_expense_review",
                login=user.login,
            )
            sheet.invalidate_recordset()
            self.assertEqual(sheet.sudo().review_ids.mapped("status").count("approved"), done)
            self.assertEqual(sheet.state, "approve" if user == self.hq_finance else "submit")
        self.start_tour(f"{url}?cids={cids}", "lighting_office_expense_approved", login=self.hq_finance.login)
        self.assertEqual(sheet.state, "approve")


@tagged("post_install", "-at_install")
class TestExpenseTour(ExpenseTourCase):
    def test_expense_four_steps_tour(self):
        """R4.2.1: the claimant submits; the department head, the office manager and HQ Finance approve."""
        self._expense_four_steps_tour()


@tagged("post_install", "-at_install")
class TestExpenseTourPhone(ExpenseTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_expense_four_steps_tour_phone(self):
        """R4.2.1: the same submission, three reviews and HQ Finance approval on a phone (390x844)."""
        self._expense_four_steps_tour()
