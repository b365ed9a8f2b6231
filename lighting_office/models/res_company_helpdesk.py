from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Office settings of after-sales revisits (§二(二)4); response and resolution targets are SLAs."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    lighting_revisit_first_months = fields.Integer(string="First Revisit After (months)", default=3)
    lighting_revisit_second_months = fields.Integer(string="Second Revisit After (months)", default=12)

    @api.constrains("lighting_revisit_first_months", "lighting_revisit_second_months")
    def _check_revisit_months(self):
        for company in self:
            if company.lighting_revisit_first_months < 0 or company.lighting_revisit_second_months < 0:
                raise ValidationError(
                    _("%(office)s: revisit months cannot be negative (0: no revisit).", office=company.name)
                )

    def _lighting_revisit_months(self):
        self.ensure_one()
        return [
            months for months in (self.lighting_revisit_first_months, self.lighting_revisit_second_months) if months
        ]
