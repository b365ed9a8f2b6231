from odoo import _, fields, models

from ..models.budget import CATEGORIES


class LightingBudgetImport(models.TransientModel):
    """Budget lines of a draft budget from a spreadsheet with the columns Month,
    Category, Department, Post, Amount and Description (R4.1)."""

    _name = "lighting.budget.import"
    _inherit = "lighting.excel.import"
    _description = "Import Budget Lines"

    budget_id = fields.Many2one("lighting.budget", required=True, domain="[('state', '=', 'draft')]")

    def action_import(self):
        self.ensure_one()
        self.budget_id._check_draft()
        rows = self._read_rows(("month", "category", "amount"))
        company = self.budget_id.company_id
        departments = self._by_name("hr.department", {self._text(r.get("department")) for _n, r in rows}, company)
        jobs = self._by_name("hr.job", {self._text(r.get("post")) for _n, r in rows}, company)
        categories = {key: key for key, _label in CATEGORIES} | {
            label.lower(): key for key, label in CATEGORIES
        }
        errors, vals_list, seen = [], [], {}
        for number, row in rows:
            row_errors = []
            month = self._date(row.get("month"))
            if not month:
                row_errors.append(_("Month “%s” is not a date", row.get("month")))
            elif month.year != self.budget_id.year:
                row_errors.append(_("Month %(month)s is outside the budget year %(year)s",
                                    month=month.strftime("%Y-%m"), year=self.budget_id.year))
            category = categories.get(self._text(row.get("category")).lower())
            if not category:
                row_errors.append(_("Category “%s” is not Sales Revenue, Cost or Expense", row.get("category")))
            amount = self._number(row.get("amount"))
            if amount is None:
                row_errors.append(_("Amount “%s” is not a number", row.get("amount")))
            elif amount < 0:
                row_errors.append(_("Amount %s is negative", amount))
            department_name, job_name = self._text(row.get("department")), self._text(row.get("post"))
            if department_name and department_name not in departments:
                row_errors.append(_("Department “%s” does not exist in the office", department_name))
            if job_name and job_name not in jobs:
                row_errors.append(_("Post “%s” does not exist in the office", job_name))
            key = (month and month.replace(day=1), category, department_name, job_name)
            if not row_errors and key in seen:
                row_errors.append(_("the same month, category, department and post as row %s", seen[key]))
            seen.setdefault(key, number)
            if row_errors:
                errors.append(_("Row %(row)s: %(reasons)s", row=number, reasons="; ".join(row_errors)))
                continue
            vals_list.append({
                "budget_id": self.budget_id.id, "date": month, "category": category, "amount": amount,
                "department_id": departments[department_name].id if department_name else False,
                "job_id": jobs[job_name].id if job_name else False,
                "name": self._text(row.get("description")),
            })
        self._raise_errors(errors)
        self._update_or_create_lines(vals_list)
        return {"type": "ir.actions.act_window_close"}

    def _update_or_create_lines(self, vals_list):
        """A line the budget already has for the month, category, department and post gets the
        file's amount; importing the same file again changes nothing (R4.1.2)."""
        # Lock the budget so that concurrent imports into it run one after the other.
        self.env.cr.execute("SELECT id FROM lighting_budget WHERE id = %s FOR UPDATE", [self.budget_id.id])
        existing = {
            (line.date, line.category, line.department_id.id, line.job_id.id): line
            for line in self.budget_id.line_ids
        }
        new = []
        for vals in vals_list:
            month = vals["date"].replace(day=1)
            line = existing.get((month, vals["category"], vals["department_id"], vals["job_id"]))
            if line:
                line.write({"amount": vals["amount"], "name": vals["name"] or line.name})
            else:
                new.append(vals)
        self.env["lighting.budget.line"].create(new)
