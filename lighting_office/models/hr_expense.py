from odoo import fields, models

from ..approval_flows import without_forged_keys


class HrExpense(models.Model):
    _inherit = "hr.expense"

    lighting_preapproval_id = fields.Many2one(
        "lighting.expense.preapproval", string="Pre-approval", copy=False,
        domain="[('employee_id', '=', employee_id), ('state', '=', 'approved')]",
        help="Head office's approval beforehand, needed when the amount is above the office's threshold (R4.2.2).",
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
