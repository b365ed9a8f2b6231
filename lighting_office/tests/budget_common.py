from datetime import date

from odoo import Command

from .common import LightingOfficeCase


class BudgetCase(LightingOfficeCase):
    """Offices A and B with a sales department, revenue, cost and expense
    accounts and a journal, and helpers to post entries and approve budgets."""

    YEAR = 2026

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accounts = {office: cls._office_accounts(office) for office in (cls.office_a, cls.office_b)}
        Department = cls.env["hr.department"]
        cls.sales_dept = {
            office: Department.create({"name": f"Sales {office.office_code}", "company_id": office.id})
            for office in (cls.office_a, cls.office_b)
        }
        cls.sales_job = cls.env["hr.job"].create({"name": "Sales Engineer", "company_id": cls.office_a.id})

    @classmethod
    def _office_accounts(cls, office):
        Account = cls.env["account.account"].with_company(office)
        accounts = {
            kind: Account.create(
                {
                    "name": f"{kind} {office.office_code}",
                    "code": f"9{index}{office.office_code}",
                    "account_type": account_type,
                    "company_ids": [Command.set(office.ids)],
                }
            )
            for index, (kind, account_type) in enumerate(
                [
                    ("revenue", "income"),
                    ("cost", "expense_direct_cost"),
                    ("expense", "expense"),
                    ("counterpart", "asset_current"),
                ]
            )
        }
        accounts["journal"] = cls.env["account.journal"].create(
            {
                "name": f"Budget bench {office.office_code}",
                "code": f"B{office.office_code}",
                "type": "general",
                "company_id": office.id,
            }
        )
        return accounts

    @classmethod
    def _post(cls, office, category, amount, month=1, department=None, post=True):
        """A journal entry of `amount` on the office's `category` account."""
        accounts = cls.accounts[office]
        debit_account, credit_account = (
            (accounts["counterpart"], accounts[category])
            if category == "revenue"
            else (accounts[category], accounts["counterpart"])
        )
        department_id = department.id if department else False
        move = (
            cls.env["account.move"]
            .with_company(office)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": accounts["journal"].id,
                    "date": date(cls.YEAR, month, 15),
                    "line_ids": [
                        Command.create(
                            {"account_id": debit_account.id, "debit": amount, "lighting_department_id": department_id}
                        ),
                        Command.create(
                            {"account_id": credit_account.id, "credit": amount, "lighting_department_id": department_id}
                        ),
                    ],
                }
            )
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _budget(cls, office, lines, user=None):
        """A draft budget of the office drawn up by its manager; lines are (category, month, amount)."""
        department = cls.sales_dept[office]
        return (
            cls.env["lighting.budget"]
            .with_user(user or office.office_manager_id)
            .create(
                {
                    "company_id": office.id,
                    "year": cls.YEAR,
                    "line_ids": [
                        Command.create(
                            {
                                "category": category,
                                "date": date(cls.YEAR, month, 1),
                                "amount": amount,
                                "department_id": department.id,
                            }
                        )
                        for category, month, amount in lines
                    ],
                }
            )
        )

    def _put_in_force(self, budget):
        budget.request_validation()
        budget.with_user(self.hq_finance).validate_tier()
        budget.action_approve()
        return budget
