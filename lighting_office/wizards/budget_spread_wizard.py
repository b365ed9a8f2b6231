from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.budget import CATEGORIES


class LightingBudgetSpreadWizard(models.TransientModel):
    """An annual figure of the budget split evenly into its twelve months (R4.1.2)."""

    _name = "lighting.budget.spread.wizard"
    _description = "Spread an Annual Amount over the Months"

    budget_id = fields.Many2one("lighting.budget", required=True, readonly=True)
    company_id = fields.Many2one(related="budget_id.company_id")
    currency_id = fields.Many2one(related="budget_id.currency_id")
    category = fields.Selection(CATEGORIES, required=True, default="revenue")
    department_id = fields.Many2one("hr.department", domain="[('company_id', 'in', (company_id, False))]")
    job_id = fields.Many2one("hr.job", domain="[('company_id', 'in', (company_id, False))]", string="Post")
    name = fields.Char(string="Description")
    annual_amount = fields.Monetary(required=True)

    @api.constrains("annual_amount")
    def _check_annual_amount(self):
        for wizard in self.filtered(lambda wizard: wizard.annual_amount <= 0):
            raise ValidationError(
                _(
                    "%(budget)s: the field Annual Amount must be above zero.",
                    budget=wizard.budget_id.name,
                )
            )

    def _monthly_amounts(self):
        """Twelve amounts in the currency's precision; December takes what rounding leaves."""
        monthly = self.currency_id.round(self.annual_amount / 12)
        return [monthly] * 11 + [self.currency_id.round(self.annual_amount - monthly * 11)]

    def action_spread(self):
        """One line a month, through the budget lines' own checks (draft, not under review, office)."""
        self.ensure_one()
        budget = self.budget_id
        budget._check_lines_editable()
        existing = budget.line_ids.filtered(
            lambda line: (
                (line.category, line.department_id, line.job_id) == (self.category, self.department_id, self.job_id)
            )
        )
        if existing:
            raise UserError(
                _(
                    "%(budget)s already has monthly lines for %(line)s: change them instead of spreading again.",
                    budget=budget.name,
                    line=existing[0]._describe(),
                )
            )
        self.env["lighting.budget.line"].create(
            [
                {
                    "budget_id": budget.id,
                    "category": self.category,
                    "department_id": self.department_id.id,
                    "job_id": self.job_id.id,
                    "name": self.name,
                    "date": date(budget.year, month, 1),
                    "amount": amount,
                }
                for month, amount in enumerate(self._monthly_amounts(), start=1)
            ]
        )
        return {"type": "ir.actions.act_window_close"}
