import xmlrpc.client
from datetime import date, timedelta

import psycopg2

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_excel_import import BUDGET_HEADER, ImportCase, xlsx


@tagged("post_install", "-at_install")
class TestWallsIntegrity(ImportCase):
    """No duplicate budget lines, no number the database cannot hold, no input
    that makes no sense, and report ids that travel over XML-RPC."""

    def _import_rows(self, budget, rows):
        """The rows imported into the budget through Odoo's importer: its messages, [] when all went in."""
        return self._import_budget(budget, xlsx([BUDGET_HEADER, *rows]), "budget.xlsx")

    def test_budget_line_unique(self):
        """R4.1.2: a budget has one line per month, category, department and post, also without department."""
        budget = self._budget(self.office_a, [("revenue", 3, 100.0)])
        Line = self.env["lighting.budget.line"].with_user(self.users["manager", "a"])
        for department in (self.sales_dept[self.office_a], self.env["hr.department"]):
            if not department:
                Line.create({"budget_id": budget.id, "category": "cost", "date": date(self.YEAR, 4, 1), "amount": 1})
            with (
                self.subTest(department=department.name),
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.UniqueViolation),
                self.env.cr.savepoint(),
            ):
                Line.create(
                    {
                        "budget_id": budget.id,
                        "category": "revenue" if department else "cost",
                        "date": date(self.YEAR, 3 if department else 4, 9),
                        "amount": 50.0,
                        "department_id": department.id,
                    }
                )
        self.assertEqual(len(budget.line_ids), 2)

    def test_import_twice_refused(self):
        """R4.1.2: importing the same budget file twice is refused the second time: one line per key."""
        budget = self._budget(self.office_a, [])
        rows = [
            [f"{self.YEAR}-03-01", "revenue", "Sales TA", "Sales Engineer", 1200, "Q1"],
            [f"{self.YEAR}-04-01", "expense", "", "", 300.5, ""],
        ]
        self.assertEqual(self._import_rows(budget, rows), [])
        self.assertMessages(self._import_rows(budget, rows), "already exist")
        self.env.invalidate_all()
        self.assertEqual(len(budget.line_ids), 2)
        self.assertEqual((budget.revenue_amount, budget.expense_amount), (1200.0, 300.5))

    def test_import_refuses_duplicate_rows(self):
        """R4.1.2: a file naming the same line twice is refused; nothing is written."""
        budget = self._budget(self.office_a, [])
        rows = [
            [f"{self.YEAR}-03-01", "revenue", "", "", 1, ""],
            [f"{self.YEAR}-03-20", "Sales Revenue", "", "", 2, ""],
        ]
        self.assertMessages(self._import_rows(budget, rows), "already exist")
        self.env.invalidate_all()
        self.assertFalse(budget.line_ids)

    def test_import_non_finite_numbers(self):
        """R4.1: cells nan, inf, 1e400 are refused as row errors, not a raw ValueError or OverflowError."""
        budget = self._budget(self.office_a, [])
        for value in ("nan", "inf", "1e400", "-inf"):
            with self.subTest(value=value):
                self.assertTrue(self._import_rows(budget, [[f"{self.YEAR}-01-01", "revenue", "", "", value, ""]]))
                self.env.invalidate_all()
                self.assertFalse(budget.line_ids)

    def test_numbers_the_database_cannot_hold(self):
        """R4.1: a budget year of 99999999999 or an amount of inf is refused by field, not by the database."""
        Budget = self.env["lighting.budget"].with_user(self.users["manager", "a"])
        with self.assertRefused(ValidationError, "Year", "too large"):
            Budget.create({"company_id": self.office_a.id, "year": 99999999999})
        budget = self._budget(self.office_a, [("revenue", 1, 10.0)])
        with self.assertRefused(ValidationError, budget.name, "Year", "too large"):
            budget.with_user(self.users["manager", "a"]).write({"year": -(2**40)})
        with self.assertRefused(ValidationError, "Amount", "not a number"):
            budget.line_ids.with_user(self.users["manager", "a"]).write({"amount": float("inf")})
        self.assertEqual((budget.year, budget.line_ids.amount), (self.YEAR, 10.0))

    def test_solution_room_refuses_negative_inputs(self):
        """R3.2.2: negative target illuminance, luminaire power, count or height is refused, naming room and field."""
        lead = self.env["crm.lead"].create(
            {"name": "Mall", "type": "opportunity", "partner_id": self.customer.id, "company_id": self.office_a.id}
        )
        solution = (
            self.env["lighting.solution"]
            .with_user(self.users["support", "a"])
            .create({"title": "Ground floor", "lead_id": lead.id, "company_id": self.office_a.id})
        )
        room = {"name": "Hall", "area": 60, "luminaire_flux": 3600, "target_illuminance": 300, "luminaire_power": 36}
        for fname, label in (
            ("target_illuminance", "Target Illuminance"),
            ("luminaire_power", "Luminaire Power"),
            ("luminaire_count", "Planned Luminaires"),
            ("ceiling_height", "Ceiling Height"),
        ):
            with (
                self.subTest(field=fname),
                self.assertRefused(ValidationError, solution.name, "Hall", label, "cannot be negative"),
            ):
                solution.write({"room_ids": [Command.create(dict(room, **{fname: -6}))]})
        self.assertFalse(solution.room_ids)

    def test_loan_not_due_in_the_past(self):
        """R6.2.3: a loan due yesterday is refused with the record, field and problem."""
        archive = self.env["lighting.archive.file"].create(
            {
                "name": "Lease",
                "company_id": self.office_a.id,
                "confidentiality": "internal",
                "location": "Cabinet 1",
                "class_id": self.env["lighting.document.class"].search([], limit=1).id,
            }
        )
        Loan = self.env["lighting.archive.loan"].with_user(self.users["sales", "a"])
        yesterday = fields.Date.today() - timedelta(days=1)
        with self.assertRefused(ValidationError, "Due Date", "in the past"):
            Loan.create({"file_id": archive.id, "purpose": "Audit", "date_due": yesterday})
        loan = Loan.create({"file_id": archive.id, "purpose": "Audit"})
        with self.assertRefused(ValidationError, loan.name, "Due Date", "in the past"):
            loan.write({"date_due": yesterday})

    def test_budget_analysis_ids_fit_xmlrpc(self):
        """R4.1.3: every row of the budget analysis has an id XML-RPC can carry, and ids are unique."""
        budget = self._budget(self.office_a, [("revenue", 1, 100.0), ("cost", 1, 50.0), ("revenue", 2, 10.0)])
        self._put_in_force(budget)
        self._post(self.office_a, "revenue", 80.0, month=1, department=self.sales_dept[self.office_a])
        self._post(self.office_b, "expense", 30.0, month=2)
        self.env.flush_all()
        rows = self.env["lighting.budget.analysis"].search_read([], ["company_id", "category"])
        self.assertGreaterEqual(len(rows), 4)
        ids = [row["id"] for row in rows]
        self.assertEqual(len(ids), len(set(ids)))
        xmlrpc.client.dumps((rows,), allow_none=True)  # raises OverflowError on an id over 2**31 - 1
