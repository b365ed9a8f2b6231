from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Office settings of after-sales service (R3.3.1, revisits §二(二)4)."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    lighting_response_hours_minor = fields.Float(string="Response Target, Minor (h)", default=24.0)
    lighting_response_hours_major = fields.Float(string="Response Target, Major (h)", default=8.0)
    lighting_response_hours_critical = fields.Float(string="Response Target, Critical (h)", default=2.0)
    lighting_resolution_hours_minor = fields.Float(string="Resolution Target, Minor (h)", default=168.0)
    lighting_resolution_hours_major = fields.Float(string="Resolution Target, Major (h)", default=72.0)
    lighting_resolution_hours_critical = fields.Float(string="Resolution Target, Critical (h)", default=24.0)
    lighting_revisit_first_months = fields.Integer(string="First Revisit After (months)", default=3)
    lighting_revisit_second_months = fields.Integer(string="Second Revisit After (months)", default=12)

    @api.constrains(
        "lighting_response_hours_minor",
        "lighting_response_hours_major",
        "lighting_response_hours_critical",
        "lighting_resolution_hours_minor",
        "lighting_resolution_hours_major",
        "lighting_resolution_hours_critical",
        "lighting_revisit_first_months",
        "lighting_revisit_second_months",
    )
    def _check_aftersales_targets(self):
        for company in self:
            for name in (
                "lighting_response_hours_minor",
                "lighting_response_hours_major",
                "lighting_response_hours_critical",
                "lighting_resolution_hours_minor",
                "lighting_resolution_hours_major",
                "lighting_resolution_hours_critical",
            ):
                if company[name] <= 0:
                    raise ValidationError(
                        _(
                            "%(office)s: the field %(field)s must be above zero.",
                            office=company.name,
                            field=company._fields[name].string,
                        )
                    )
            if company.lighting_revisit_first_months < 0 or company.lighting_revisit_second_months < 0:
                raise ValidationError(
                    _("%(office)s: revisit months cannot be negative (0: no revisit).", office=company.name)
                )

    def _lighting_severity_targets(self, severity):
        """(response hours, resolution hours) of feedback of this severity."""
        self.ensure_one()
        return self[f"lighting_response_hours_{severity}"], self[f"lighting_resolution_hours_{severity}"]

    def _lighting_revisit_months(self):
        self.ensure_one()
        return [
            months for months in (self.lighting_revisit_first_months, self.lighting_revisit_second_months) if months
        ]
