from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .appraisal import MANAGER_GROUP


class LightingAppraisalLine(models.Model):
    """One indicator of an appraisal with the employee's and the manager's score (R5.3)."""

    _name = "lighting.appraisal.line"
    _description = "Appraisal Indicator Score"
    _check_company_auto = True
    _inherit = "lighting.appraisal.indicator.mixin"
    _order = "appraisal_id, sequence, id"

    appraisal_id = fields.Many2one("lighting.appraisal", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(related="appraisal_id.employee_id", store=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True, string="Office")
    sequence = fields.Integer(default=10)
    self_score = fields.Float(help="The employee's own score, 0 to 100.")
    manager_score = fields.Float(help="The manager's score, 0 to 100; it makes the final score.")

    @api.constrains("self_score", "manager_score", "weight")
    def _check_scores(self):
        for line in self:
            for field in ("self_score", "manager_score"):
                if not 0 <= line[field] <= 100:
                    raise ValidationError(
                        _(
                            "%(appraisal)s, indicator %(indicator)s: the field %(field)s must be between 0 and 100.",
                            appraisal=line.appraisal_id.name,
                            indicator=line.name,
                            field=line._fields[field].get_description(self.env)["string"],
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_scoring_rights({"appraisal_id"})
        return lines

    def write(self, vals):
        self._check_scoring_rights(set(vals))
        return super().write(vals)

    def unlink(self):
        self._check_scoring_rights({"appraisal_id"})
        return super().unlink()

    def _check_scoring_rights(self, field_names):
        """The employee enters only their own self score while scoring; the
        office manager sets everything else; a done appraisal is final."""
        if self.env.su:
            return
        is_manager = self.env.user.has_group(MANAGER_GROUP)
        for line in self:
            appraisal = line.appraisal_id
            if appraisal.state == "done":
                raise UserError(_("%(appraisal)s is done: its scores are final.", appraisal=appraisal.name))
            if field_names - {"self_score"} and not is_manager:
                raise AccessError(
                    _(
                        "%(appraisal)s: only the office manager sets the indicators and the field Manager Score.",
                        appraisal=appraisal.name,
                    )
                )
            if "self_score" in field_names and (
                appraisal.state != "scoring" or appraisal.employee_id.user_id != self.env.user
            ):
                raise AccessError(
                    _(
                        "%(appraisal)s: only the appraised employee enters the field Self Score, while it is scored.",
                        appraisal=appraisal.name,
                    )
                )
