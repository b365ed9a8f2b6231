from odoo import fields, models

from .risk import LEVELS


class LightingRiskAssessment(models.Model):
    """One (re-)assessment of a risk, kept as history: who, when, what (R7.1.2)."""

    _name = "lighting.risk.assessment"
    _description = "Risk Assessment"
    _check_company_auto = True
    _order = "assessed_on desc, id desc"

    risk_id = fields.Many2one("lighting.risk", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="risk_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [("assessment", "Assessment"), ("residual", "Residual Assessment")],
        required=True,
        default="assessment",
    )
    likelihood = fields.Integer(required=True)
    impact = fields.Integer(required=True)
    score = fields.Integer()
    level = fields.Selection(LEVELS)
    user_id = fields.Many2one("res.users", string="Assessed by", required=True, default=lambda self: self.env.user)
    assessed_on = fields.Datetime(required=True, default=fields.Datetime.now)
    note = fields.Char()
