from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Office settings of business trips (R6.4.2)."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    lighting_trip_hq_threshold = fields.Monetary(
        string="Business Trip HQ Threshold",
        currency_field="currency_id",
        help="A business trip estimated above this amount is approved by HQ Management after the "
        "office manager (R6.4.2); 0: the office manager alone.",
    )

    @api.constrains("lighting_trip_hq_threshold")
    def _check_trip_hq_threshold(self):
        for company in self:
            if company.lighting_trip_hq_threshold < 0:
                raise ValidationError(
                    _(
                        "Office %(office)s: the field Business Trip HQ Threshold cannot be negative.",
                        office=company.name,
                    )
                )
