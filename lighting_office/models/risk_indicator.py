from collections import defaultdict

from odoo import _, api, fields, models


class LightingRiskIndicator(models.Model):
    """A measure watched for a risk: crossing its threshold raises the risk's
    likelihood (R7.1.2)."""

    _name = "lighting.risk.indicator"
    _description = "Risk Indicator"
    _check_company_auto = True
    _order = "risk_id, id"

    name = fields.Char(string="Measure", required=True)
    risk_id = fields.Many2one("lighting.risk", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="risk_id.company_id", store=True, index=True)
    direction = fields.Selection(
        [("above", "Above"), ("below", "Below")],
        required=True,
        default="above",
        help="Whether the indicator is crossed when the current value goes above or below the threshold.",
    )
    threshold = fields.Float(required=True)
    current_value = fields.Float()
    likelihood_step = fields.Integer(
        string="Raises Likelihood by",
        default=1,
        help="How many steps the risk's likelihood rises when the indicator is crossed.",
    )
    is_crossed = fields.Boolean(string="Crossed", compute="_compute_is_crossed", store=True)

    @api.depends("direction", "threshold", "current_value")
    def _compute_is_crossed(self):
        for indicator in self:
            if indicator.direction == "above":
                indicator.is_crossed = indicator.current_value > indicator.threshold
            else:
                indicator.is_crossed = indicator.current_value < indicator.threshold

    @api.model_create_multi
    def create(self, vals_list):
        indicators = super().create(vals_list)
        indicators.filtered("is_crossed")._raise_likelihood()
        return indicators

    def write(self, vals):
        was_crossed = self.filtered("is_crossed")
        res = super().write(vals)
        (self.filtered("is_crossed") - was_crossed)._raise_likelihood()
        return res

    def _raise_likelihood(self):
        """Raise the likelihood of the assessed risks whose indicators were just crossed,
        with one write per new likelihood value."""
        top = max(self.env["lighting.risk.scale"]._steps()["likelihood"], default=0)
        by_value = defaultdict(lambda: (self.env["lighting.risk"], self.browse()))
        for risk, indicators in self.grouped("risk_id").items():
            raised = min(top, risk.likelihood + max(indicators.mapped("likelihood_step")))
            if risk.likelihood and raised > risk.likelihood:
                risks, crossed = by_value[raised]
                by_value[raised] = (risks | risk, crossed | indicators)
        for likelihood, (risks, crossed) in by_value.items():
            note = _("Indicator crossed: %(names)s", names=", ".join(crossed.mapped("name")))
            risks.with_context(risk_assessment_note=note).write({"likelihood": likelihood})
