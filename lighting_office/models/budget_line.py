from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .budget import CATEGORIES


class LightingBudgetLine(models.Model):
    """One month's amount of a budget for a category, department and post (R4.1.2)."""

    _name = "lighting.budget.line"
    _inherit = ["lighting.approval.line.mixin"]
    _description = "Office Budget Line"
    _check_company_auto = True
    _order = "budget_id, date, category, department_id"

    budget_id = fields.Many2one("lighting.budget", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="budget_id.company_id", store=True, string="Office")
    category = fields.Selection(CATEGORIES, required=True, default="revenue")
    date = fields.Date(string="Month", required=True, help="Any day of the month: stored as its first day.")
    department_id = fields.Many2one(
        "hr.department", check_company=True, domain="[('company_id', 'in', (company_id, False))]"
    )
    job_id = fields.Many2one(
        "hr.job", check_company=True, string="Position", domain="[('company_id', 'in', (company_id, False))]"
    )
    name = fields.Char(string="Description")
    currency_id = fields.Many2one(related="budget_id.currency_id")
    amount = fields.Monetary(required=True)

    _sql_constraints = [
        (
            "line_unique",
            "unique nulls not distinct (budget_id, date, category, department_id, job_id)",
            "A budget has one line per month, category, department and post: change the existing line instead.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._first_of_month(vals)
        lines = super().create(vals_list)
        lines.budget_id._check_lines_editable()
        return lines

    def write(self, vals):
        self.budget_id._check_lines_editable()
        result = super().write(self._first_of_month(vals))
        self.budget_id._check_lines_editable()
        return result

    def unlink(self):
        self.budget_id._check_lines_editable()
        return super().unlink()

    @staticmethod
    def _first_of_month(vals):
        if vals.get("date"):
            vals["date"] = fields.Date.to_date(vals["date"]).replace(day=1)
        return vals

    @api.constrains("amount", "date")
    def _check_amount_and_month(self):
        for line in self:
            if line.amount < 0:
                raise ValidationError(
                    _(
                        "%(budget)s, line %(line)s: the field Amount cannot be negative.",
                        budget=line.budget_id.name,
                        line=line._describe(),
                    )
                )
            if line.date.year != line.budget_id.year:
                raise ValidationError(
                    _(
                        "%(budget)s, line %(line)s: the field Month (%(month)s) is outside the budget year %(year)s.",
                        budget=line.budget_id.name,
                        line=line._describe(),
                        month=line.date.strftime("%Y-%m"),
                        year=line.budget_id.year,
                    )
                )

    @api.constrains("department_id", "job_id", "budget_id")
    def _check_office(self):
        for line in self:
            for field in ("department_id", "job_id"):
                if line[field].company_id not in (line.company_id, line.env["res.company"]):
                    raise ValidationError(
                        _(
                            "%(budget)s, line %(line)s: the field %(field)s (%(value)s) belongs to another office.",
                            budget=line.budget_id.name,
                            line=line._describe(),
                            value=line[field].name,
                            field=line._fields[field]._description_string(line.env),
                        )
                    )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for Budget Lines"),
                "template": "/lighting_office/static/xls/lighting_budget_line.xlsx",
            }
        ]

    def _describe(self):
        labels = dict(self._fields["category"]._description_selection(self.env))
        return " / ".join(filter(None, [labels[self.category], self.department_id.name, self.job_id.name]))
