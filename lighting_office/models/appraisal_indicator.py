from odoo import _, fields, models
from odoo.exceptions import ValidationError

DIMENSIONS = [("results", "Work Results"), ("ability", "Work Ability"), ("attitude", "Work Attitude")]


class LightingAppraisalIndicatorMixin(models.AbstractModel):
    """What an indicator is, on a template and on an appraisal."""

    _name = "lighting.appraisal.indicator.mixin"
    _description = "Appraisal Indicator"

    name = fields.Char(string="Indicator", required=True)
    dimension = fields.Selection(DIMENSIONS, required=True, default="results")
    weight = fields.Float(
        required=True, help="Share of the final score, in percent; an appraisal's weights add up to 100."
    )
    standard = fields.Text(help="What meets the indicator, and what excels.")

    def _check_weights(self, document):
        """The indicators of one template or appraisal weigh 100 in all and
        cover results, ability and attitude."""
        total = sum(self.mapped("weight"))
        if any(weight < 0 for weight in self.mapped("weight")) or abs(total - 100) > 0.01:
            raise ValidationError(
                _(
                    "%(document)s: the field Weight of its indicators adds up to %(total)s, not 100.",
                    document=document,
                    total=round(total, 2),
                )
            )
        labels = dict(self._fields["dimension"]._description_selection(self.env))
        missing = [labels[key] for key, _label in DIMENSIONS if key not in self.mapped("dimension")]
        if missing:
            raise ValidationError(
                _(
                    "%(document)s: the field Dimension of its indicators lacks %(missing)s.",
                    document=document,
                    missing=", ".join(missing),
                )
            )
