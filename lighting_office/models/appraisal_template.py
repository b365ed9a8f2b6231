from odoo import api, fields, models

ROLES = [
    ("sales", "Sales"),
    ("support", "Technical Support"),
    ("aftersales", "After-sales"),
    ("manager", "Office Manager"),
]


class LightingAppraisalTemplate(models.Model):
    """The indicators an appraisal of one role uses (R5.3): results, ability
    and attitude, weighted to 100, each with its standard."""

    _name = "lighting.appraisal.template"
    _description = "Appraisal Template"
    _order = "role, name"

    name = fields.Char(required=True, translate=True)
    role = fields.Selection(ROLES, help="The role whose appraisals use this template.")
    active = fields.Boolean(default=True)
    line_ids = fields.One2many("lighting.appraisal.template.line", "template_id", string="Indicators", copy=True)
    total_weight = fields.Float(compute="_compute_total_weight")

    @api.depends("line_ids.weight")
    def _compute_total_weight(self):
        for template in self:
            template.total_weight = sum(template.line_ids.mapped("weight"))

    @api.constrains("line_ids")
    def _check_indicators(self):
        for template in self:
            template.line_ids._check_weights(template.name)

    def _indicator_values(self):
        """The template's indicators, as values of appraisal lines."""
        self.ensure_one()
        return [
            {
                "name": line.name,
                "dimension": line.dimension,
                "weight": line.weight,
                "standard": line.standard,
                "sequence": line.sequence,
            }
            for line in self.line_ids
        ]
