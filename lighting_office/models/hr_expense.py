from odoo import fields, models


class HrExpense(models.Model):
    _inherit = "hr.expense"

    lighting_preapproval_id = fields.Many2one(
        "lighting.expense.preapproval", string="Pre-approval", copy=False,
        domain="[('employee_id', '=', employee_id), ('state', '=', 'approved')]",
        help="Head office's approval beforehand, needed when the amount is above the office's threshold (R4.2.2).",
    )
