from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Office settings of expense control (R4.2.2)."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    lighting_expense_threshold = fields.Monetary(
        string="Expense Pre-approval Threshold",
        currency_field="currency_id",
        help="A single expense above this amount needs head office's approval beforehand (R4.2.2); 0: no control.",
    )

    @api.constrains("lighting_expense_threshold")
    def _check_expense_threshold(self):
        for company in self:
            if company.lighting_expense_threshold < 0:
                raise ValidationError(
                    _(
                        "Office %(office)s: the field Expense Pre-approval Threshold cannot be negative.",
                        office=company.name,
                    )
                )
