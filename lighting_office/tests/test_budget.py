from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .budget_common import BudgetCase

LINES = [("revenue", 1, 1000.0), ("cost", 1, 400.0), ("expense", 1, 200.0), ("revenue", 4, 500.0)]


@tagged("post_install", "-at_install")
class TestBudget(BudgetCase):
    def test_manager_drafts_hq_finance_approves(self):
        """R4.1.1, R4.1.2: the office manager drafts revenue, cost, expense and
        profit; it is in force only once HQ Finance has approved it, whether by
        button, write or create, and its status moves only along its flow."""
        budget = self._budget(self.office_a, LINES)
        self.assertEqual(
            (budget.revenue_amount, budget.cost_amount, budget.expense_amount, budget.profit_amount),
            (1500.0, 400.0, 200.0, 900.0),
        )
        with self.assertRefused(ValidationError, budget.name):
            budget.action_approve()
        budget.request_validation()
        with self.assertRefused(UserError, budget.name, "review"):
            budget.line_ids[0].amount = 1.0
        self.assertEqual(
            budget.review_ids.reviewer_ids, self.env.ref("lighting_office.group_lighting_hq_finance").users
        )
        with self.assertRefused(ValidationError, budget.name):
            budget.with_user(self.users["manager", "a"]).action_approve()
        with self.assertRefused(ValidationError, budget.name):
            budget.write({"state": "approved"})
        with self.assertRefused(UserError, budget.name, "Status"):
            budget.write({"state": "superseded"})
        with self.assertRefused(ValidationError):
            self.env["lighting.budget"].with_user(self.users["manager", "a"]).create(
                {"company_id": self.office_a.id, "year": self.YEAR + 1, "state": "approved"}
            )
        budget.with_user(self.hq_finance).validate_tier()
        budget.with_user(self.users["manager", "a"]).action_approve()
        self.assertEqual(budget.state, "approved")

    def test_rejected_budget_edited_goes_back_to_review(self):
        """R4.1.2: a budget HQ rejects is corrected and reviewed again from the start."""
        budget = self._budget(self.office_a, LINES)
        budget.request_validation()
        budget.with_user(self.hq_finance).reject_tier()
        self.assertEqual(budget.validation_status, "rejected")
        budget.line_ids[0].amount = 700.0
        self.assertEqual(budget.validation_status, "no")
        with self.assertRefused(ValidationError, budget.name):
            budget.action_approve()
        self._put_in_force(budget)
        self.assertEqual(budget.state, "approved")

    def test_revision_goes_back_to_hq_and_keeps_versions(self):
        """R4.1.3: a change to an approved budget is a new version approved by HQ;
        every version stays readable and the approved one cannot be edited."""
        manager = self.users["manager", "a"]
        first = self._put_in_force(self._budget(self.office_a, LINES))
        with self.assertRefused(UserError, first.name, "revise"):
            first.line_ids[0].with_user(manager).amount = 5000.0
        with self.assertRefused(UserError, first.name):
            first.with_user(manager).write({"year": self.YEAR + 1})
        revision = self.env["lighting.budget"].browse(first.with_user(manager).action_revise()["res_id"])
        self.assertEqual((revision.version, revision.previous_id, revision.state), (2, first, "draft"))
        self.assertEqual(len(revision.line_ids), len(LINES))
        revision.line_ids.filtered(lambda line: line.category == "revenue" and line.date.month == 1).amount = 1200.0
        self.assertEqual(first.state, "approved", "the approved version stays in force until HQ approves the revision")
        with self.assertRefused(ValidationError, revision.name):
            revision.action_approve()
        self._put_in_force(revision)
        self.assertEqual((first.state, revision.state), ("superseded", "approved"))
        self.assertEqual(revision.version_ids, first | revision)
        self.assertEqual(first.revenue_amount, 1500.0, "the superseded version keeps its figures")
        self.assertEqual(revision.revenue_amount, 1700.0)

    def test_annual_amount_spread_over_months(self):
        """R4.1.2: the office manager splits an annual figure of a department and post into twelve
        monthly lines, December taking the rounding; not on a budget under review, nor a zero
        amount, nor into another office's budget."""
        manager = self.users["manager", "a"]
        budget = self._budget(self.office_a, [("cost", 1, 400.0)])
        wizard = (
            self.env["lighting.budget.spread.wizard"]
            .with_user(manager)
            .with_context(**budget.with_user(manager).action_spread_annual_amount()["context"])
            .create(
                {
                    "category": "revenue",
                    "annual_amount": 100000.0,
                    "department_id": self.sales_dept[self.office_a].id,
                    "job_id": self.sales_job.id,
                    "name": "Hotel projects",
                }
            )
        )
        wizard.action_spread()
        spread = budget.line_ids.filtered(lambda line: line.category == "revenue").sorted("date")
        self.assertEqual(spread.mapped("date"), [date(self.YEAR, month, 1) for month in range(1, 13)])
        self.assertEqual(spread.mapped("amount"), [8333.33] * 11 + [8333.37])
        self.assertEqual(
            (set(spread.department_id), set(spread.job_id), set(spread.mapped("name"))),
            ({self.sales_dept[self.office_a]}, {self.sales_job}, {"Hotel projects"}),
        )
        self.assertEqual(budget.revenue_amount, 100000.0)
        with self.assertRefused(UserError, budget.name, "Sales Revenue / Sales TA / Sales Engineer"):
            wizard.action_spread()
        with self.assertRefused(ValidationError, budget.name, "Annual Amount"):
            wizard.copy({"annual_amount": 0.0})
        budget.request_validation()
        with self.assertRefused(UserError, budget.name, "review"):
            budget.with_user(manager).action_spread_annual_amount()
        with self.assertRefused(UserError, budget.name, "review"):
            wizard.action_spread()
        budget.with_user(self.hq_finance).validate_tier()
        budget.with_user(manager).action_approve()
        with self.assertRefused(UserError, budget.name, "no longer a draft"):
            wizard.copy({"category": "expense"}).action_spread()
        self.assertEqual(len(budget.line_ids), 13)
        with self.assertRaises(AccessError):
            self.env["lighting.budget.spread.wizard"].with_user(self.users["manager", "b"]).create(
                {
                    "budget_id": self.env["lighting.budget"]
                    .create({"company_id": self.office_a.id, "year": self.YEAR + 1})
                    .id,
                    "annual_amount": 12.0,
                }
            ).action_spread()

    def test_bad_input_refused(self):
        """R4.1: a negative amount or a month outside the budget year is refused,
        naming the budget and the field; nothing is written."""
        budget = self._budget(self.office_a, LINES)
        revenue = budget.line_ids.filtered(lambda line: line.category == "revenue")[0]
        with self.assertRefused(ValidationError, budget.name, "Amount"):
            revenue.amount = -1.0
        with self.assertRefused(ValidationError, budget.name, "Month", str(self.YEAR)):
            budget.write(
                {"line_ids": [Command.create({"category": "cost", "date": date(self.YEAR + 1, 1, 1), "amount": 10.0})]}
            )
        self.assertEqual(len(budget.line_ids), len(LINES))
        self.assertEqual(revenue.amount, 1000.0)

    def test_roles(self):
        """R4.1: the office manager drafts budgets, a salesperson cannot read them,
        office B cannot read office A's, HQ Finance reads all and approves."""
        budget_a = self._budget(self.office_a, LINES)
        budget_b = self._budget(self.office_b, LINES)
        with self.assertRaises(AccessError):
            self.env["lighting.budget"].with_user(self.users["sales", "a"]).search([])
        with self.assertRaises(AccessError):
            self.env["lighting.budget.analysis"].with_user(self.users["sales", "a"]).search([])
        self.assertEqual(self.env["lighting.budget"].with_user(self.users["manager", "b"]).search([]), budget_b)
        with self.assertRaises(AccessError):
            budget_a.with_user(self.users["manager", "b"]).read(["name"])
        with self.assertRaises(AccessError):
            self.env["lighting.budget"].with_user(self.users["manager", "b"]).create(
                {"company_id": self.office_a.id, "year": self.YEAR + 1}
            )
        with self.assertRaises(AccessError):
            self.env["lighting.budget"].with_user(self.hq_finance).create({"company_id": self.office_a.id})
        self.assertEqual(self.env["lighting.budget"].with_user(self.hq_finance).search([]), budget_a | budget_b)
        self._put_in_force(budget_b)
        self.assertEqual(budget_b.state, "approved")

    def test_invoice_counts_against_salesperson_department(self):
        """R4.1.3: revenue actuals by department: an invoice's journal items take
        the department of its salesperson's employee in the office, and an
        invoice of a salesperson without one stays without a department."""
        salesperson = self.users["sales", "a"]
        self.env["hr.employee"].create(
            {
                "name": "Sales A",
                "user_id": salesperson.id,
                "company_id": self.office_a.id,
                "department_id": self.sales_dept[self.office_a].id,
            }
        )

        def invoice(user):
            return (
                self.env["account.move"]
                .with_company(self.office_a)
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": self.customer.id,
                        "invoice_user_id": user.id,
                        "invoice_date": date(self.YEAR, 3, 1),
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "name": "LED panels",
                                    "quantity": 1,
                                    "price_unit": 700.0,
                                    "tax_ids": [Command.clear()],
                                    "account_id": self.accounts[self.office_a]["revenue"].id,
                                }
                            )
                        ],
                    }
                )
            )

        revenue_line = invoice(salesperson).invoice_line_ids
        self.assertEqual(revenue_line.lighting_department_id, self.sales_dept[self.office_a])
        self.assertFalse(invoice(self.users["support", "a"]).invoice_line_ids.lighting_department_id)

    def test_expense_posts_with_department(self):
        """R4.2, R4.1.3: an expense's journal item counts against its claimant's department."""
        employee = self.env["hr.employee"].create(
            {"name": "Claimant", "company_id": self.office_a.id, "department_id": self.sales_dept[self.office_a].id}
        )
        expense = (
            self.env["hr.expense"]
            .with_company(self.office_a)
            .create({"name": "Taxi", "employee_id": employee.id, "total_amount_currency": 30.0})
        )
        self.assertEqual(
            expense._prepare_move_lines_vals()["lighting_department_id"], self.sales_dept[self.office_a].id
        )
