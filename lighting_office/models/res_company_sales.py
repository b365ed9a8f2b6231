from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Office settings of the sales-to-cash flow (R3.1)."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    lighting_followup_days_a = fields.Integer(string="Follow-up of A Prospects (days)", default=7)
    lighting_followup_days_b = fields.Integer(string="Follow-up of B Prospects (days)", default=14)
    lighting_followup_days_c = fields.Integer(string="Follow-up of C Prospects (days)", default=30)
    lighting_filing_due_days = fields.Integer(
        string="Contract Filing Period (days)",
        default=7,
        help="Days after signing within which head office must have filed the contract copy.",
    )
    lighting_collection_escalation_days = fields.Integer(
        string="Escalate Overdue Invoices After (days)",
        default=60,
    )
    lighting_contract_terms = fields.Html(
        string="Default Contract Terms",
        translate=True,
        help="Printed on quotations and contracts of the office unless changed on the order.",
    )

    @api.constrains(
        "lighting_followup_days_a",
        "lighting_followup_days_b",
        "lighting_followup_days_c",
        "lighting_filing_due_days",
        "lighting_collection_escalation_days",
    )
    def _check_office_periods(self):
        for company in self:
            for name in (
                "lighting_followup_days_a",
                "lighting_followup_days_b",
                "lighting_followup_days_c",
                "lighting_filing_due_days",
                "lighting_collection_escalation_days",
            ):
                if company[name] < 1:
                    raise ValidationError(
                        _(
                            "%(office)s: the field %(field)s must be at least one day.",
                            office=company.name,
                            field=company._fields[name].string,
                        )
                    )

    def _followup_interval(self, prospect_class):
        self.ensure_one()
        return self[f"lighting_followup_days_{prospect_class}"]
