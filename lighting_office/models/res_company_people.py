from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Office settings of employee suggestions (R5.4)."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    lighting_suggestion_answer_days = fields.Integer(
        string="Suggestion Answer Days",
        default=3,
        help="Days the office manager has to answer an employee's suggestion or concern (R5.4).",
    )

    @api.constrains("lighting_suggestion_answer_days")
    def _check_suggestion_answer_days(self):
        for company in self:
            if company.lighting_suggestion_answer_days < 1:
                raise ValidationError(
                    _("Office %(office)s: the field Suggestion Answer Days must be at least 1.", office=company.name)
                )
