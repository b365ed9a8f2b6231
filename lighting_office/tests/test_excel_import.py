import io
from collections import defaultdict
from datetime import date

import openpyxl
import xlwt

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import file_open

from .budget_common import BudgetCase

BUDGET_HEADER = ["Month", "Category", "Department", "Position", "Amount", "Description"]
ASSET_HEADER = ["Name", "Ledger", "Category", "Location", "Custodian", "Value", "Quantity", "Purchase Date"]
MIMETYPES = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
    ".txt": "text/plain",
}
OPTIONS = {
    "has_headers": True,
    "advanced": False,
    "keep_matches": False,
    "sheet": "",
    "encoding": "",
    "quoting": '"',
    "separator": ",",
    "date_format": "%Y-%m-%d",
    "datetime_format": "%Y-%m-%d %H:%M:%S",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "skip": 0,
    "limit": 2000,
    "fallback_values": {},
    "name_create_enabled_fields": {},
    "import_set_empty_fields": [],
    "import_skip_records": [],
}


def xlsx(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def xls(rows):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for row_index, row in enumerate(rows):
        for col_index, value in enumerate(row):
            sheet.write(
                row_index, col_index, value, date_style if isinstance(value, date) else xlwt.Style.default_style
            )
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


class ImportCase(BudgetCase):
    """Files run through Odoo's importer (base_import) as its dialog does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.users["manager", "a"]
        cls.custodian = cls.env["hr.employee"].create({"name": "Custodian A", "company_id": cls.office_a.id})

    def _wizard(self, model, content, filename, user=None, context=None):
        self.env.flush_all()  # what the dialog imports into was saved by an earlier request
        return (
            self.env["base_import.import"]
            .with_user(user or self.manager)
            .with_context(**(context or {}))
            .create(
                {
                    "res_model": model,
                    "file": content,
                    "file_name": filename,
                    "file_type": MIMETYPES[filename[filename.rindex(".") :]],
                }
            )
        )

    def _import(self, model, content, filename, user=None, context=None, dryrun=False):
        """Map the columns as the importer suggests, then import: the messages, or [] when all rows went in."""
        wizard = self._wizard(model, content, filename, user, context)
        preview = wizard.parse_preview(dict(OPTIONS))
        self.assertNotIn("error", preview, filename)
        fields = ["/".join(preview["matches"].get(index, [])) or False for index in range(len(preview["headers"]))]
        result = wizard.execute_import(fields, [h.lower() for h in preview["headers"]], dict(OPTIONS), dryrun=dryrun)
        return result["messages"]

    def _import_budget(self, budget, content, filename, dryrun=False):
        return self._import(
            "lighting.budget.line", content, filename, context={"default_budget_id": budget.id}, dryrun=dryrun
        )

    def assertMessages(self, messages, *fragments):
        text = "\n".join(message["message"] for message in messages)
        self.assertTrue(messages, "the import should have been refused")
        for fragment in fragments:
            self.assertIn(fragment, text)


@tagged("post_install", "-at_install")
class TestExcelImport(ImportCase):
    """The ledgers go through Odoo's importer; the models refuse bad rows, so an
    import, an RPC create and the form refuse the same."""

    def test_budget_from_xlsx_and_xls(self):
        """R4.1: budget lines are imported from .xlsx and .xls into the budget whose form opened the importer;
        the Test run (dry run) writes nothing."""
        budget = self._budget(self.office_a, [])
        action = budget.with_user(self.manager).action_import_lines()
        self.assertEqual((action["tag"], action["params"]["context"]), ("import", {"default_budget_id": budget.id}))
        rows = [
            BUDGET_HEADER,
            [date(self.YEAR, 3, 1), "Sales Revenue", "Sales TA", "Sales Engineer", 1200, "Q1 projects"],
            [f"{self.YEAR}-04-20", "expense", "", "", 300.5, ""],
        ]
        later = [
            BUDGET_HEADER,
            [date(self.YEAR, 5, 1), "Sales Revenue", "Sales TA", "Sales Engineer", 1200, "Q2 projects"],
            [f"{self.YEAR}-06-20", "expense", "", "", 300.5, ""],
        ]
        for content, filename in ((xlsx(rows), "budget.xlsx"), (xls(later), "budget.xls")):
            self.assertEqual(self._import_budget(budget, content, filename, dryrun=True), [])
            self.env.invalidate_all()
            self.assertEqual(len(budget.line_ids), 2 if filename == "budget.xls" else 0)
            self.assertEqual(self._import_budget(budget, content, filename), [])
        self.assertEqual(len(budget.line_ids), 4)
        # Issue 14 item 9 (R4.1): the same file imported again is refused, nothing doubled.
        self.assertMessages(self._import_budget(budget, xls(rows), "budget.xls"), "already exist")
        self.env.invalidate_all()
        self.assertEqual(len(budget.line_ids), 4)
        march = budget.line_ids.filtered(lambda line: line.date == date(self.YEAR, 3, 1))
        self.assertEqual(march.mapped("category"), ["revenue"])
        self.assertEqual(march.department_id, self.sales_dept[self.office_a])
        self.assertEqual(march.job_id, self.sales_job)
        self.assertEqual(
            set(budget.line_ids.mapped("date")), {date(self.YEAR, month, 1) for month in (3, 4, 5, 6)}
        )  # fixed date: no today
        self.assertEqual((budget.revenue_amount, budget.expense_amount), (2400.0, 601.0))
        budget.action_cancel()
        with self.assertRefused(UserError, budget.name, "no longer a draft"):
            budget.with_user(self.manager).action_import_lines()

    def test_bad_budget_rows_refused_with_every_row(self):
        """R4.1: a file with bad rows is refused with each bad row and reason, the same message a create gets;
        nothing is imported, in the Test run or the import."""
        budget = self._budget(self.office_a, [])
        rows = [
            BUDGET_HEADER,
            [f"{self.YEAR}-01-01", "revenue", "", "", 100, "good row"],
            [f"{self.YEAR + 1}-01-01", "revenue", "", "", 100, ""],
            [f"{self.YEAR}-02-01", "profit", "", "", 5, ""],
            [f"{self.YEAR}-02-01", "cost", "", "", -5, ""],
            [f"{self.YEAR}-02-01", "cost", "Nowhere", "", 5, ""],
        ]
        for content, filename in ((xlsx(rows), "bad.xlsx"), (xls(rows), "bad.xls")):
            for dryrun in (True, False):
                by_row = defaultdict(str)
                for message in self._import_budget(budget, content, filename, dryrun=dryrun):
                    by_row[message["record"]] += message["message"]
                self.assertIn(f"Month ({self.YEAR + 1}-01) is outside the budget year {self.YEAR}", by_row[1])
                self.assertIn("'profit' not found in selection field 'Category'", by_row[2])
                self.assertIn(f"{budget.name}, line Cost: the field Amount cannot be negative", by_row[3])
                self.assertIn("No matching record found for name 'Nowhere' in field 'Department'", by_row[4])
                self.env.invalidate_all()
                self.assertFalse(budget.line_ids)
        with self.assertRefused(ValidationError, budget.name, "Amount cannot be negative"):
            self.env["lighting.budget.line"].with_user(self.manager).create(
                {"budget_id": budget.id, "category": "cost", "date": date(self.YEAR, 2, 1), "amount": -5}
            )
        with self.assertRefused(ValidationError, budget.name, "Department", "Sales TB", "another office"):
            self.env["lighting.budget.line"].create(
                {
                    "budget_id": budget.id,
                    "category": "cost",
                    "amount": 5,
                    "date": date(self.YEAR, 2, 1),
                    "department_id": self.sales_dept[self.office_b].id,
                }
            )

    def test_bad_cells_and_files_refused(self):
        """R4.1: "nan", "inf" and words in a number column, a file that is no spreadsheet, an empty sheet and
        a sheet lacking a required column are refused with a message saying so; nothing is imported."""
        budget = self._budget(self.office_a, [])
        for cell in ("nan", "inf", "a lot"):
            rows = [
                BUDGET_HEADER,
                [f"{self.YEAR}-01-01", "revenue", "", "", 100, ""],
                [f"{self.YEAR}-02-01", "cost", "", "", cell, ""],
            ]
            self.assertMessages(
                self._import_budget(budget, xlsx(rows), "cells.xlsx"), f"contains incorrect values (value: {cell})"
            )
        self.assertMessages(
            self._import_budget(budget, xlsx([["Month", "Category"], [f"{self.YEAR}-01-01", "cost"]]), "short.xlsx"),
            "Missing required value for the field 'Amount'",
        )
        self.assertFalse(budget.line_ids)
        for content, filename, message in (
            (b"a few notes", "notes.txt", "Unsupported file format"),
            (b"not a workbook", "broken.xlsx", "Unable to read file 'broken.xlsx'"),
            (xlsx([]), "empty.xlsx", "empty.xlsx holds no rows"),
        ):
            preview = self._wizard("lighting.budget.line", content, filename).parse_preview(dict(OPTIONS))
            self.assertIn(message, preview.get("error", ""))

    def test_asset_ledger_import(self):
        """R4.3.1: an office's asset ledger is imported all or nothing, by its manager only; the custodian is an
        employee of the office whether imported or created."""
        rows = [
            ASSET_HEADER,
            [
                "Projector",
                "Fixed Asset",
                "Office equipment",
                "Meeting room",
                "Custodian A",
                4500,
                1,
                date(2024, 5, 2),
            ],  # fixed date: compared with no today
            ["Stapler", "consumable", "Stationery", "", "", 12, 20, ""],
        ]
        bad = rows + [
            ["", "furniture", "", "", "Nobody", -3, 1, ""],
            ["Desk", "fixed", "Furniture", "", "", 10, 1.5, ""],
        ]
        messages = self._import("lighting.asset", xlsx(bad), "ledger.xlsx")
        self.assertMessages(
            messages,
            "'furniture' not found in selection field",
            "No matching record found for name 'Nobody'",
            "'1.5' does not seem to be an integer",
        )
        self.assertFalse(self.env["lighting.asset"].search_count([("company_id", "=", self.office_a.id)]))
        self.assertMessages(
            self._import("lighting.asset", xlsx(rows), "ledger.xlsx", user=self.users["sales", "a"]),
            "not allowed to create",
        )
        self.assertEqual(self._import("lighting.asset", xls(rows), "ledger.xls"), [])
        assets = self.env["lighting.asset"].search([("company_id", "=", self.office_a.id)])
        projector = assets.filtered(lambda asset: asset.name == "Projector")
        self.assertEqual(
            (projector.custodian_id, projector.value, projector.purchase_date, projector.ledger),
            (self.custodian, 4500.0, date(2024, 5, 2), "fixed"),
        )  # fixed date: compared with no today
        self.assertEqual(assets.filtered(lambda asset: asset.name == "Stapler").quantity, 20)
        outsider = self.env["hr.employee"].create({"name": "Custodian B", "company_id": self.office_b.id})
        with self.assertRefused(ValidationError, "Projector", "Custodian B", "not an employee of the office"):
            projector.custodian_id = outsider
        with self.assertRefused(ValidationError, "Projector", "Quantity and Value cannot be negative"):
            projector.value = -3


@tagged("post_install", "-at_install")
class TestImportTemplates(ImportCase):
    """The import templates, read by an office manager working in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["lighting_office"], ["zh_CN"])
        cls.manager.lang = "zh_CN"

    def test_chinese_templates(self):
        """R4.1, R4.3.1, R7.1.1, R3.1.2 (import of existing ledgers): each ledger offers a template with
        Chinese headers that the importer maps by itself; imported from a budget's form, the template's line
        lands in that budget; an imported prospect gets the follow-up of its class."""
        budget = self._budget(self.office_a, [])
        prospects_before = self.env["crm.lead"].search_count([])
        for model, context in (
            ("lighting.budget.line", {"default_budget_id": budget.id}),
            ("lighting.asset", {}),
            ("lighting.risk", {}),
            ("crm.lead", {}),
        ):
            template = self.env[model].get_import_templates()[-1]["template"]
            with file_open(template.lstrip("/"), "rb") as stream:
                content = stream.read()
            preview = self._wizard(model, content, "template.xlsx").parse_preview(dict(OPTIONS))
            self.assertEqual(len(preview["matches"]), len(preview["headers"]), f"{model}: a header is not mapped")
            self.assertEqual(self._import(model, content, "template.xlsx", context=context), [], model)
        self.assertEqual((budget.line_ids.category, budget.line_ids.amount), ("revenue", 10000.0))
        lead = self.env["crm.lead"].search([], order="id desc", limit=1)
        self.assertEqual(self.env["crm.lead"].search_count([]), prospects_before + 1)
        self.assertEqual(lead.prospect_class, "b")
        self.assertEqual(
            lead.activity_ids.activity_type_id, self.env.ref("lighting_office.mail_activity_prospect_followup")
        )
