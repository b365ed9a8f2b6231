from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .office_compliance import CHECK_SELECTION


class LightingComplianceWeight(models.Model):
    """How much a rule of the regulation counts in the offices' compliance
    score; set by HQ Management (issue 18, item 2)."""

    _name = "lighting.compliance.weight"
    _description = "Compliance Rule Weight"
    _order = "check_key"
    _rec_name = "check_key"

    check_key = fields.Selection(CHECK_SELECTION, string="Rule", required=True)
    weight = fields.Float(
        required=True, default=1.0, help="0 leaves the rule out of the score; 2 counts it twice as much as a rule of 1."
    )

    _sql_constraints = [
        ("check_key_unique", "unique(check_key)", "Each rule has one weight."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        weights = super().create(vals_list)
        self.env["lighting.office.compliance"]._apply_weights()
        return weights

    def write(self, vals):
        result = super().write(vals)
        self.env["lighting.office.compliance"]._apply_weights()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["lighting.office.compliance"]._apply_weights()
        return result

    @api.constrains("weight")
    def _check_weight(self):
        for line in self.filtered(lambda line: line.weight < 0):
            raise ValidationError(
                _(
                    "Weight of %(rule)s: the field Weight cannot be negative (%(weight)s).",
                    rule=line.display_name,
                    weight=line.weight,
                )
            )
