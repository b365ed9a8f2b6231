from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .applicant_check import SELECTION_STEPS


class HrApplicant(models.Model):
    _inherit = "hr.applicant"

    lighting_check_ids = fields.One2many(
        "lighting.applicant.check",
        "applicant_id",
        string="Selection Steps",
        help="Interview, written test and background check (R5.1): an office hires "
        "only an applicant who passed all three.",
    )
    lighting_selection_passed = fields.Boolean(
        string="Selection Passed",
        compute="_compute_lighting_selection_passed",
    )

    @api.depends("lighting_check_ids.step", "lighting_check_ids.result")
    def _compute_lighting_selection_passed(self):
        for applicant in self:
            applicant.lighting_selection_passed = not applicant._selection_problems()

    def _selection_problems(self):
        """Names of the steps missing or not passed, in the user's language."""
        labels = dict(self.env["lighting.applicant.check"]._fields["step"]._description_selection(self.env))
        passed = set(self.lighting_check_ids.filtered(lambda c: c.result == "passed").mapped("step"))
        return [labels[step] for step, _label in SELECTION_STEPS if step not in passed]

    @api.constrains("stage_id", "lighting_check_ids")
    def _check_selection_complete(self):
        for applicant in self:
            if not (applicant.stage_id.hired_stage and applicant.company_id.is_lighting_office):
                continue
            problems = applicant._selection_problems()
            if problems:
                raise ValidationError(
                    _(
                        "Applicant %(applicant)s cannot be hired: the field Selection Steps "
                        "lacks a passed step: %(steps)s (missing, pending or failed).",
                        applicant=applicant.partner_name or applicant.display_name,
                        steps=", ".join(problems),
                    )
                )
