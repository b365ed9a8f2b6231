from odoo import fields, models


class LightingRecruitmentChannel(models.Model):
    """Where an office looks for candidates (R5.1): job sites, talent fairs,
    campus, internal referral."""

    _name = "lighting.recruitment.channel"
    _description = "Recruitment Channel"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
