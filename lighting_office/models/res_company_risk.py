from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# What turns a risk's likelihood and impact into its score and level.
RISK_SETTINGS = {"risk_score_rule", "risk_medium_threshold", "risk_high_threshold"}


class ResCompany(models.Model):
    """Office settings of risk assessment (R7.1.2)."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    risk_score_rule = fields.Selection(
        [
            ("product", "Likelihood × Impact"),
            ("sum", "Likelihood + Impact"),
            ("max", "Higher of Likelihood and Impact"),
        ],
        default="product",
        required=True,
        help="How a risk's likelihood and impact make its score (R7.1.2).",
    )
    risk_medium_threshold = fields.Integer(
        string="Medium Risk from Score",
        default=5,
        help="A risk whose score reaches this is at least medium.",
    )
    risk_high_threshold = fields.Integer(
        string="High Risk from Score",
        default=12,
        help="A risk whose score reaches this is high.",
    )

    def write(self, vals):
        if not RISK_SETTINGS.intersection(vals):
            return super().write(vals)
        # sudo: the office's open risks follow the settings this user may change,
        # whether or not they work in the risk register themselves.
        risks = self.env["lighting.risk"].sudo().search([("company_id", "in", self.ids), ("state", "!=", "closed")])
        assessed_before = {risk: risk._assessed_as() for risk in risks}
        res = super().write(vals)
        risks.filtered(lambda risk: risk._assessed_as() != assessed_before[risk])._rescored_by_office_settings()
        return res

    @api.constrains("risk_medium_threshold", "risk_high_threshold")
    def _check_risk_thresholds(self):
        for company in self:
            if not 0 < company.risk_medium_threshold < company.risk_high_threshold:
                raise ValidationError(
                    _(
                        "Office %(office)s: the field High Risk from Score must be above "
                        "Medium Risk from Score, and both above zero.",
                        office=company.name,
                    )
                )

    def _risk_score(self, likelihood, impact):
        """The score of an assessment under this company's rule (0 when not assessed)."""
        self.ensure_one()
        if not likelihood or not impact:
            return 0
        if self.risk_score_rule == "sum":
            return likelihood + impact
        if self.risk_score_rule == "max":
            return max(likelihood, impact)
        return likelihood * impact

    def _risk_level(self, score):
        """The level of a score under this company's thresholds."""
        self.ensure_one()
        if not score:
            return False
        if score >= self.risk_high_threshold:
            return "high"
        if score >= self.risk_medium_threshold:
            return "medium"
        return "low"
