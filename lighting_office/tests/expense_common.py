import base64

from odoo import Command

from .common import LightingOfficeCase


class ExpenseCase(LightingOfficeCase):
    """Employees of office A and B, a department of office A headed by the
    support user, an expense category, and a report of any employee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employees = cls._employees(("sales", "support", "manager"))
        cls.department_a = cls.env["hr.department"].create(
            {
                "name": "Sales A",
                "company_id": cls.office_a.id,
                "manager_id": cls.employees["support", "a"].id,
            }
        )
        (cls.employees["sales", "a"] | cls.employees["manager", "a"]).department_id = cls.department_a
        cls.category = cls.env["product.product"].create(
            {
                "name": "Travel",
                "type": "service",
                "can_be_expensed": True,
                "standard_price": 0.0,
            }
        )

    def _sheet(self, role="sales", key="a", amount=300.0, receipt=True, preapproval=None):
        user = self.users[role, key]
        expense = (
            self.env["hr.expense"]
            .with_user(user)
            .create(
                {
                    "name": f"Train ticket of {role} {key}",
                    "employee_id": self.employees[role, key].id,
                    "product_id": self.category.id,
                    "total_amount_currency": amount,
                    "company_id": user.company_id.id,
                    "lighting_preapproval_id": preapproval.id if preapproval else False,
                }
            )
        )
        if receipt:
            self.env["ir.attachment"].with_user(user).create(
                {
                    "name": "receipt.txt",
                    "datas": base64.b64encode(b"receipt"),
                    "res_model": "hr.expense",
                    "res_id": expense.id,
                }
            )
        return (
            self.env["hr.expense.sheet"]
            .with_user(user)
            .create(
                {
                    "name": f"Report of {role} {key}",
                    "employee_id": self.employees[role, key].id,
                    "company_id": user.company_id.id,
                    "expense_line_ids": [Command.set(expense.ids)],
                }
            )
        )

    def _step_reviewers(self, sheet):
        return [review.reviewer_ids for review in sheet.sudo().review_ids.sorted("sequence")]
