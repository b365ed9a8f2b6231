from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..approval_flows import without_forged_keys


class HrExpense(models.Model):
    _inherit = "hr.expense"

    lighting_preapproval_id = fields.Many2one(
        "lighting.expense.preapproval",
        check_company=True,
        string="Pre-approval",
        copy=False,
        domain="[('employee_id', '=', employee_id), ('state', '=', 'approved')]",
        help="Head office's approval beforehand, needed when the amount is above the office's threshold (R4.2.2).",
    )

    @api.constrains("lighting_preapproval_id", "employee_id", "sheet_id")
    def _check_preapproval_claimant(self):
        """R4.2.2: a pre-approval covers its own claimant's expenses of one expense report."""
        for expense in self.filtered("lighting_preapproval_id"):
            preapproval = expense.lighting_preapproval_id
            if preapproval.employee_id != expense.employee_id:
                raise ValidationError(
                    _(
                        "%(expense)s: the field Pre-approval names %(preapproval)s of %(employee)s, "
                        "not of the claimant.",
                        expense=expense.name,
                        preapproval=preapproval.name,
                        employee=preapproval.employee_id.name,
                    )
                )
            # sudo: every expense on the pre-approval counts, also those the user may not read.
            others = preapproval.sudo().expense_ids - expense
            if others.filtered(lambda other: not other.sheet_id or other.sheet_id != expense.sheet_id):
                raise ValidationError(
                    _(
                        "%(expense)s: the pre-approval %(preapproval)s is already used by %(other)s; "
                        "one pre-approval covers one expense report.",
                        expense=expense.name,
                        preapproval=preapproval.name,
                        other=others[0].sheet_id.name or others[0].name,
                    )
                )

    def write(self, vals):
        # hr_expense_tier_validation's check of a submitted report's expenses
        # is switched off by skip_validation_check: only for the superuser.
        return super(HrExpense, without_forged_keys(self)).write(vals)

    def _prepare_move_lines_vals(self):
        # The expense counts against its claimant's department in the budget (R4.1.3).
        # sudo: like hr_expense reading the claimant's contact, the poster may
        # not read employees; only the department id is copied.
        vals = super()._prepare_move_lines_vals()
        vals["lighting_department_id"] = self.employee_id.sudo().department_id.id
        return vals
