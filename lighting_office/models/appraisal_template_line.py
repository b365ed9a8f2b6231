from odoo import fields, models


class LightingAppraisalTemplateLine(models.Model):
    _name = "lighting.appraisal.template.line"
    _description = "Appraisal Template Indicator"
    _inherit = "lighting.appraisal.indicator.mixin"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one("lighting.appraisal.template", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    # Templates are shared by every office: their wording follows the user's language.
    name = fields.Char(translate=True)
    standard = fields.Text(translate=True)
