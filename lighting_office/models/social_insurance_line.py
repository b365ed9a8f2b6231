from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .social_insurance import INSURANCE_KINDS


class LightingSocialInsuranceLine(models.Model):
    """One of the five insurances or the housing fund: base and rates (R5.4)."""

    _name = "lighting.social.insurance.line"
    _description = "Social Insurance Contribution"
    _check_company_auto = True
    _order = "insurance_id, id"

    insurance_id = fields.Many2one(
        "lighting.social.insurance", string="Insurance Record", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(related="insurance_id.employee_id", store=True)
    company_id = fields.Many2one(related="insurance_id.company_id", store=True, string="Office")
    kind = fields.Selection(INSURANCE_KINDS, string="Insurance", required=True)
    currency_id = fields.Many2one(related="insurance_id.currency_id")
    base = fields.Monetary(string="Contribution Base")
    employer_rate = fields.Float(string="Employer Rate (%)", digits=(5, 2))
    employee_rate = fields.Float(string="Employee Rate (%)", digits=(5, 2))
    employer_amount = fields.Monetary(compute="_compute_amounts", store=True)
    employee_amount = fields.Monetary(compute="_compute_amounts", store=True)

    @api.depends("base", "employer_rate", "employee_rate")
    def _compute_amounts(self):
        for line in self:
            line.employer_amount = line.base * line.employer_rate / 100
            line.employee_amount = line.base * line.employee_rate / 100

    @api.constrains("base", "employer_rate", "employee_rate")
    def _check_base_and_rates(self):
        labels = dict(INSURANCE_KINDS)
        for line in self:
            if line.base < 0:
                raise ValidationError(
                    _(
                        "%(name)s, %(kind)s: the field Contribution Base cannot be negative.",
                        name=line.insurance_id.name,
                        kind=labels[line.kind],
                    )
                )
            for field in ("employer_rate", "employee_rate"):
                if not 0 <= line[field] <= 100:
                    raise ValidationError(
                        _(
                            "%(name)s, %(kind)s: the field %(field)s must be between 0 and 100.",
                            name=line.insurance_id.name,
                            kind=labels[line.kind],
                            field=line._fields[field].get_description(self.env)["string"],
                        )
                    )
