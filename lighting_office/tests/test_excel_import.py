import base64
import io
from datetime import date, datetime

import openpyxl
import xlwt

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .budget_common import BudgetCase

BUDGET_HEADER = ["Month", "Category", "Department", "Post", "Amount", "Description"]
ASSET_HEADER = ["Name", "Ledger", "Category", "Location", "Custodian", "Value", "Quantity", "Purchase Date"]


def xlsx(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return base64.b64encode(stream.getvalue())


def xls(rows):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for row_index, row in enumerate(rows):
        for col_index, value in enumerate(row):
            if isinstance(value, (date, datetime)):
                sheet.write(row_index, col_index, value, date_style)
            else:
                sheet.write(row_index, col_index, value)
    stream = io.BytesIO()
    book.save(stream)
    return base64.b64encode(stream.getvalue())


@tagged("post_install", "-at_install")
class TestExcelImport(BudgetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.users["manager", "a"]
        cls.custodian = cls.env["hr.employee"].create({"name": "Custodian A", "company_id": cls.office_a.id})

    def _import_budget(self, budget, content, filename):
        wizard = self.env["lighting.budget.import"].with_user(self.manager).create(
            {"budget_id": budget.id, "file": content, "filename": filename}
        )
        return wizard.action_import()

    def _import_assets(self, content, filename, user=None):
        wizard = self.env["lighting.asset.import"].with_user(user or self.manager).create(
            {"company_id": self.office_a.id, "file": content, "filename": filename}
        )
        return wizard.action_import()

    def test_budget_from_xlsx_and_xls(self):
        """R4.1: budget lines are imported from .xlsx (openpyxl) and .xls (xlrd)."""
        budget = self._budget(self.office_a, [])
        rows = [BUDGET_HEADER,
                [datetime(self.YEAR, 3, 1), "Sales Revenue", "Sales TA", "Sales Engineer", 1200, "Q1 projects"],
                [f"{self.YEAR}-04", "expense", "", "", 300.5, ""]]
        self._import_budget(budget, xlsx(rows), "budget.xlsx")
        self._import_budget(budget, xls(rows), "budget.xls")
        self.assertEqual(len(budget.line_ids), 2, "the second import updates the lines of the first (R4.1.2)")
        march = budget.line_ids.filtered(lambda line: line.date == date(self.YEAR, 3, 1))
        self.assertEqual(march.mapped("category"), ["revenue"])
        self.assertEqual(march.department_id, self.sales_dept[self.office_a])
        self.assertEqual(march.job_id, self.sales_job)
        self.assertEqual((budget.revenue_amount, budget.expense_amount), (1200.0, 300.5))

    def test_bad_budget_file_refused_with_every_row(self):
        """R4.1: a bad file is refused with each bad row and reason; nothing is imported."""
        budget = self._budget(self.office_a, [])
        rows = [BUDGET_HEADER,
                [f"{self.YEAR}-01", "revenue", "", "", 100, "good row"],
                [f"{self.YEAR + 1}-01", "revenue", "", "", 100, ""],
                [f"{self.YEAR}-02", "profit", "", "", -5, ""],
                [f"{self.YEAR}-02", "cost", "Nowhere", "", "a lot", ""]]
        for content, filename in ((xlsx(rows), "bad.xlsx"), (xls(rows), "bad.xls")):
            with self.assertRefused(UserError, filename, "Row 3: Month", "Row 4: Category", "Amount -5.0 is negative",
                                    "Department “Nowhere”", "“a lot” is not a number"):
                self._import_budget(budget, content, filename)
        self.assertFalse(budget.line_ids)
        with self.assertRefused(UserError, "notes.txt", ".xls"):
            self._import_budget(budget, xlsx(rows), "notes.txt")
        with self.assertRefused(UserError, "broken.xlsx", "cannot be read"):
            self._import_budget(budget, base64.b64encode(b"not a workbook"), "broken.xlsx")
        with self.assertRefused(UserError, "short.xlsx", "amount"):
            self._import_budget(budget, xlsx([["Month", "Category"]]), "short.xlsx")

    def test_asset_ledger_import(self):
        """R4.3.1: an office's asset ledger is imported all or nothing, by its manager only."""
        rows = [ASSET_HEADER,
                ["Projector", "Fixed Asset", "Office equipment", "Meeting room", "Custodian A", 4500, 1,
                 datetime(2024, 5, 2)],  # fixed date: compared with no today
                ["Stapler", "consumable", "Stationery", "", "", 12, 20, ""]]
        self._import_assets(xls(rows), "ledger.xls")
        assets = self.env["lighting.asset"].search([("company_id", "=", self.office_a.id)])
        projector = assets.filtered(lambda asset: asset.name == "Projector")
        self.assertEqual((projector.custodian_id, projector.value, projector.purchase_date, projector.ledger),
                         (self.custodian, 4500.0, date(2024, 5, 2), "fixed"))  # fixed date: compared with no today
        self.assertEqual(assets.filtered(lambda asset: asset.name == "Stapler").quantity, 20)
        bad = rows + [["", "furniture", "", "", "Nobody", -3, 1.5, "someday"]]
        with self.assertRefused(UserError, "Row 4: Name is empty", "Category is empty", "Ledger “furniture”",
                                "Value “-3”", "Quantity “1.5”", "Purchase Date “someday”", "Custodian “Nobody”"):
            self._import_assets(xlsx(bad), "ledger.xlsx")
        self.assertEqual(self.env["lighting.asset"].search_count([("company_id", "=", self.office_a.id)]), 2)
        with self.assertRaises(AccessError):
            self._import_assets(xlsx(rows), "ledger.xlsx", user=self.users["sales", "a"])
