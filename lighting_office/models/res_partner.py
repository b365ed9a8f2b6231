from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_competitor = fields.Boolean(
        string="Competitor", help="A competing lighting company, followed in market intelligence."
    )
