import base64
import datetime
import io
import math

import openpyxl
import xlrd

from odoo import _, fields, models
from odoo.exceptions import UserError


class LightingExcelImport(models.AbstractModel):
    """Read an .xls (xlrd) or .xlsx (openpyxl) sheet whose first row names the
    columns; the wizards built on it import all rows or none."""

    _name = "lighting.excel.import"
    _description = "Excel Import"

    file = fields.Binary(required=True)
    filename = fields.Char()

    def _read_rows(self, required_columns):
        """[(row number, {column: value})] of the first sheet, empty rows left out."""
        data = base64.b64decode(self.file or b"")
        name = (self.filename or "").lower()
        try:
            if name.endswith(".xlsx"):
                rows = self._xlsx_rows(data)
            elif name.endswith(".xls"):
                rows = self._xls_rows(data)
            else:
                raise UserError(_("%(file)s: only .xls and .xlsx files can be imported.", file=self.filename))
        except UserError:
            raise
        except Exception as error:  # noqa: BLE001 - any parser failure means an unreadable file
            raise UserError(_("%(file)s cannot be read as a spreadsheet: %(error)s",
                              file=self.filename, error=error)) from error
        if not rows:
            raise UserError(_("%(file)s is empty.", file=self.filename))
        header = [str(cell or "").strip().lower() for cell in rows[0]]
        missing = [column for column in required_columns if column not in header]
        if missing:
            raise UserError(_("%(file)s: the first row lacks the columns %(columns)s.",
                              file=self.filename, columns=", ".join(missing)))
        return [
            (number, dict(zip(header, row)))
            for number, row in enumerate(rows[1:], start=2)
            if any(cell not in (None, "") for cell in row)
        ]

    @staticmethod
    def _xlsx_rows(data):
        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    @staticmethod
    def _xls_rows(data):
        book = xlrd.open_workbook(file_contents=data)
        sheet = book.sheet_by_index(0)
        rows = []
        for index in range(sheet.nrows):
            rows.append([
                xlrd.xldate_as_datetime(cell.value, book.datemode) if cell.ctype == xlrd.XL_CELL_DATE else cell.value
                for cell in sheet.row(index)
            ])
        return rows

    @staticmethod
    def _text(value):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip() if value not in (None, "") else ""

    @staticmethod
    def _number(value):
        """The cell as a float, or None when it is not a number."""
        try:
            number = float(value) if value not in (None, "") else None
        except (TypeError, ValueError, OverflowError):
            return None
        return number if number is None or math.isfinite(number) else None

    @staticmethod
    def _date(value):
        """The cell as a date (date cells, or text YYYY-MM-DD / YYYY-MM), or None."""
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value or "").strip()
        for pattern in ("%Y-%m-%d", "%Y-%m"):
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        return None

    def _by_name(self, model, names, company):
        """{name: record} for the given names in the office, in one query."""
        records = self.env[model].search([("name", "in", list(names)), ("company_id", "in", (company.id, False))])
        return {record.name: record for record in records}

    def _raise_errors(self, errors):
        if errors:
            raise UserError(_("%(file)s was not imported; nothing was written:\n%(errors)s",
                              file=self.filename, errors="\n".join(errors)))
