from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

AXES = [("likelihood", "Likelihood"), ("impact", "Impact")]


class LightingRiskScale(models.Model):
    """One step of the likelihood or impact scale, with what it means (R7.1.2)."""

    _name = "lighting.risk.scale"
    _description = "Risk Scale Step"
    _order = "axis, value"

    axis = fields.Selection(AXES, required=True)
    value = fields.Integer(required=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("axis_value_unique", "unique(axis, value)", "Each value appears once on a scale."),
    ]

    @api.constrains("value")
    def _check_value(self):
        for step in self:
            if not 1 <= step.value <= 5:
                raise ValidationError(_("Scale step %(name)s: the field Value must be from 1 to 5.", name=step.name))

    @api.model
    def _steps(self):
        """{axis: {value: name}} of both scales, in one query."""
        steps = {axis: {} for axis, _label in AXES}
        for step in self.search([]):
            steps[step.axis][step.value] = step.name
        return steps
