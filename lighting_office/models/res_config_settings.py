from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    lighting_office_code = fields.Char(
        related="company_id.office_code", readonly=False, string="Office Code"
    )
    lighting_office_manager_id = fields.Many2one(
        related="company_id.office_manager_id", readonly=False, string="Office Manager"
    )
    lighting_is_office = fields.Boolean(related="company_id.is_lighting_office")
    lighting_suggestion_answer_days = fields.Integer(
        related="company_id.lighting_suggestion_answer_days", readonly=False
    )
