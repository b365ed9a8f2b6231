from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..approval_flows import flow_step

OUTCOMES_OF_RATING = {
    "excellent": ("reward", "commendation"),
    "unsatisfactory": ("warning_talk", "transfer", "dismissal"),
}


class LightingAppraisalOutcome(models.Model):
    """What an appraisal's rating leads to (R5.3): a reward or commendation
    for excellent, a warning talk, transfer or dismissal proposal for
    unsatisfactory; approved by head office before it takes effect."""

    _name = "lighting.appraisal.outcome"
    _description = "Appraisal Outcome"
    _check_company_auto = True
    _inherit = ["tier.validation", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    _state_from = ["draft"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False

    appraisal_id = fields.Many2one("lighting.appraisal", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(related="appraisal_id.employee_id", store=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True, string="Office")
    rating = fields.Selection(related="appraisal_id.rating", string="Final Rating")
    outcome_type = fields.Selection(
        [
            ("reward", "Reward"),
            ("commendation", "Commendation"),
            ("warning_talk", "Warning Talk"),
            ("transfer", "Transfer Proposal"),
            ("dismissal", "Dismissal Proposal"),
        ],
        string="Outcome",
        required=True,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(string="Reward Amount", tracking=True)
    description = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.depends("appraisal_id.name", "outcome_type")
    def _compute_display_name(self):
        labels = dict(self._fields["outcome_type"]._description_selection(self.env))
        for outcome in self:
            outcome.display_name = f"{outcome.appraisal_id.name}: {labels.get(outcome.outcome_type, '')}"

    @api.constrains("outcome_type", "amount", "appraisal_id")
    def _check_outcome_fits_rating(self):
        labels = dict(self._fields["outcome_type"]._description_selection(self.env))
        for outcome in self:
            if outcome.outcome_type not in OUTCOMES_OF_RATING.get(outcome.rating, ()):
                raise ValidationError(
                    _(
                        "%(appraisal)s: the field Outcome “%(outcome)s” does not follow from its final rating.",
                        appraisal=outcome.appraisal_id.name,
                        outcome=labels[outcome.outcome_type],
                    )
                )
            if outcome.amount < 0:
                raise ValidationError(
                    _("%(appraisal)s: the field Reward Amount cannot be negative.", appraisal=outcome.appraisal_id.name)
                )

    @flow_step
    def action_confirm(self):
        self.write({"state": "approved"})

    @flow_step
    def action_cancel(self):
        self.write({"state": "cancel"})
