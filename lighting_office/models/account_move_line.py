from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    lighting_department_id = fields.Many2one(
        "hr.department", string="Department", index="btree_not_null",
        help="The office department the amount counts against in budget versus actual (R4.1.3).",
    )
