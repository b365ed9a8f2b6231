from odoo import fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    lighting_plan_id = fields.Many2one(
        "lighting.recruitment.plan",
        string="Recruitment Plan",
        readonly=True,
        index=True,
        copy=False,
        help="The approved office recruitment plan this position was opened from (R5.1).",
    )
