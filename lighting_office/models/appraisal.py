from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

RATINGS = [
    ("excellent", "Excellent"),
    ("good", "Good"),
    ("qualified", "Qualified"),
    ("unsatisfactory", "Unsatisfactory"),
]
# Lowest final score of each rating, best first.
RATING_FLOORS = [("excellent", 90), ("good", 75), ("qualified", 60), ("unsatisfactory", 0)]
WEAK_SCORE = 60
DEFAULT_OUTCOME = {"excellent": "commendation", "unsatisfactory": "warning_talk"}
TRAINING_TYPE_OF_DIMENSION = {"results": "business", "ability": "technical", "attitude": "communication"}
MANAGER_GROUP = "lighting_office.group_lighting_manager"


class LightingAppraisal(models.Model):
    """An employee's appraisal of one period (R5.3): weighted indicators
    scored by the employee and the manager, a final rating and what follows."""

    _name = "lighting.appraisal"
    _description = "Employee Appraisal"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "lighting.employee.record.mixin"]
    _order = "period_id desc, employee_id, id"

    name = fields.Char(compute="_compute_name", store=True)
    period_id = fields.Many2one(
        "lighting.appraisal.period",
        check_company=True,
        required=True,
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    template_id = fields.Many2one("lighting.appraisal.template")
    appraiser_id = fields.Many2one(
        "res.users",
        tracking=True,
        compute="_compute_appraiser_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    line_ids = fields.One2many("lighting.appraisal.line", "appraisal_id", string="Indicators")
    self_score = fields.Float(compute="_compute_scores", store=True, aggregator="avg")
    score = fields.Float(string="Final Score", compute="_compute_scores", store=True, aggregator="avg")
    rating = fields.Selection(RATINGS, string="Final Rating", compute="_compute_scores", store=True, tracking=True)
    training_suggestion = fields.Text(
        string="Follow-up Training",
        compute="_compute_training_suggestion",
        store=True,
        help=f"Indicators the manager scored below {WEAK_SCORE}.",
    )
    outcome_ids = fields.One2many("lighting.appraisal.outcome", "appraisal_id", string="Outcomes")
    training_ids = fields.One2many("lighting.training", "appraisal_id", string="Follow-up Trainings")
    manager_comment = fields.Text(string="Manager's Comment")
    state = fields.Selection(
        [("draft", "Draft"), ("scoring", "Scoring"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.depends("employee_id.name", "period_id.name")
    def _compute_name(self):
        for appraisal in self:
            appraisal.name = f"{appraisal.employee_id.name or ''} - {appraisal.period_id.name or ''}"

    @api.depends("company_id")
    def _compute_appraiser_id(self):
        for appraisal in self:
            appraisal.appraiser_id = appraisal.company_id.office_manager_id

    @api.depends("line_ids.weight", "line_ids.self_score", "line_ids.manager_score")
    def _compute_scores(self):
        for appraisal in self:
            lines = appraisal.line_ids
            appraisal.self_score = sum(line.weight * line.self_score for line in lines) / 100
            appraisal.score = sum(line.weight * line.manager_score for line in lines) / 100
            appraisal.rating = (
                next(rating for rating, floor in RATING_FLOORS if appraisal.score >= floor) if lines else False
            )

    @api.depends("line_ids.manager_score", "line_ids.name")
    def _compute_training_suggestion(self):
        for appraisal in self:
            weak = appraisal.line_ids.filtered(lambda line: 0 < line.manager_score < WEAK_SCORE)
            appraisal.training_suggestion = "\n".join(f"{line.name} ({line.manager_score:g})" for line in weak)

    @api.model_create_multi
    def create(self, vals_list):
        appraisals = super().create(vals_list)
        self.env["lighting.appraisal.line"].create(
            [
                dict(values, appraisal_id=appraisal.id)
                for appraisal in appraisals.filtered(lambda a: a.template_id and not a.line_ids)
                for values in appraisal.template_id._indicator_values()
            ]
        )
        return appraisals

    def write(self, vals):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP) and set(vals) - {"line_ids"}:
            raise AccessError(_("Only the office manager changes an appraisal; employees enter their self scores."))
        return super().write(vals)

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.template_id and self.state == "draft":
            self.line_ids = [fields.Command.clear()] + [
                fields.Command.create(values) for values in self.template_id._indicator_values()
            ]

    def action_start(self):
        """Open the scoring: the indicators are final, the employee scores first."""
        for appraisal in self:
            appraisal.line_ids._check_weights(appraisal.name)
            if appraisal.employee_id.user_id:
                appraisal.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=appraisal.employee_id.user_id.id,
                    summary=_("Score yourself on the indicators of your appraisal"),
                )
        self.write({"state": "scoring"})

    def action_done(self):
        """Close the appraisal: its rating calls for an outcome, its weak
        indicators for follow-up training."""
        for appraisal in self:
            unscored = appraisal.line_ids.filtered(lambda line: not line.manager_score)
            if unscored:
                raise UserError(
                    _(
                        "%(appraisal)s: the field Manager Score of %(indicator)s is empty.",
                        appraisal=appraisal.name,
                        indicator=unscored[0].name,
                    )
                )
        self.write({"state": "done"})
        self._create_outcomes()
        self._create_follow_up_trainings()

    def action_reset_draft(self):
        if self.outcome_ids.filtered(lambda outcome: outcome.state == "approved"):
            raise UserError(_("An appraisal whose outcome is approved cannot go back to draft."))
        self.write({"state": "draft"})

    def _create_outcomes(self):
        self.env["lighting.appraisal.outcome"].create(
            [
                {"appraisal_id": appraisal.id, "outcome_type": DEFAULT_OUTCOME[appraisal.rating]}
                for appraisal in self
                if appraisal.rating in DEFAULT_OUTCOME and not appraisal.outcome_ids
            ]
        )

    def _create_follow_up_trainings(self):
        self.env["lighting.training"].create(
            [
                {
                    "name": _("Follow-up: %(indicator)s", indicator=line.name),
                    "employee_id": appraisal.employee_id.id,
                    "company_id": appraisal.company_id.id,
                    "training_type": TRAINING_TYPE_OF_DIMENSION[line.dimension],
                    "appraisal_id": appraisal.id,
                }
                for appraisal in self
                for line in appraisal.line_ids
                if line.manager_score < WEAK_SCORE
            ]
        )
