from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    lighting_office_code = fields.Char(related="company_id.office_code", readonly=False, string="Office Code")
    lighting_office_manager_id = fields.Many2one(
        related="company_id.office_manager_id", readonly=False, string="Office Manager"
    )
    lighting_is_office = fields.Boolean(related="company_id.is_lighting_office")
    lighting_followup_days_a = fields.Integer(related="company_id.lighting_followup_days_a", readonly=False)
    lighting_followup_days_b = fields.Integer(related="company_id.lighting_followup_days_b", readonly=False)
    lighting_followup_days_c = fields.Integer(related="company_id.lighting_followup_days_c", readonly=False)
    lighting_filing_due_days = fields.Integer(related="company_id.lighting_filing_due_days", readonly=False)
    lighting_collection_escalation_days = fields.Integer(
        related="company_id.lighting_collection_escalation_days", readonly=False
    )
    lighting_contract_terms = fields.Html(related="company_id.lighting_contract_terms", readonly=False)
    lighting_expense_threshold = fields.Monetary(
        related="company_id.lighting_expense_threshold", readonly=False, currency_field="currency_id"
    )
    lighting_suggestion_answer_days = fields.Integer(
        related="company_id.lighting_suggestion_answer_days", readonly=False
    )
    lighting_revisit_first_months = fields.Integer(related="company_id.lighting_revisit_first_months", readonly=False)
    lighting_revisit_second_months = fields.Integer(related="company_id.lighting_revisit_second_months", readonly=False)
    lighting_trip_hq_threshold = fields.Monetary(
        related="company_id.lighting_trip_hq_threshold", readonly=False, currency_field="currency_id"
    )
