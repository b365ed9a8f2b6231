from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LightingCustomerTrainingAttendee(models.Model):
    """One of the customer's people at a training, with the assessment score (R3.2.4)."""

    _name = "lighting.customer.training.attendee"
    _description = "Customer Training Attendee"
    _check_company_auto = True
    _order = "training_id, id"

    training_id = fields.Many2one("lighting.customer.training", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="training_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Attendee", required=True, help="A contact of the trained customer."
    )
    attended = fields.Boolean(default=True)
    score = fields.Float(help="Assessment score, 0 to 100.")
    assessed = fields.Boolean(help="The attendee took the assessment.")
    passed = fields.Boolean(compute="_compute_result", store=True)
    retake_needed = fields.Boolean(
        string="Retake",
        compute="_compute_result",
        store=True,
        help="Assessed below the pass mark, or absent: must retake.",
    )

    @api.depends("score", "assessed", "attended", "training_id.pass_mark")
    def _compute_result(self):
        for attendee in self:
            attendee.passed = (
                attendee.attended and attendee.assessed and attendee.score >= attendee.training_id.pass_mark
            )
            attendee.retake_needed = (attendee.assessed or not attendee.attended) and not attendee.passed

    @api.constrains("score")
    def _check_score(self):
        for attendee in self.filtered(lambda a: not 0 <= a.score <= 100):
            raise ValidationError(
                _(
                    "%(training)s, %(attendee)s: the Score must be between 0 and 100.",
                    training=attendee.training_id.name,
                    attendee=attendee.partner_id.name,
                )
            )
