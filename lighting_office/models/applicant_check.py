from odoo import api, fields, models

SELECTION_STEPS = [
    ("interview", "Interview"),
    ("written_test", "Written Test"),
    ("background_check", "Background Check"),
]


class LightingApplicantCheck(models.Model):
    """One selection step of an applicant (R5.1): its result and who judged it."""

    _name = "lighting.applicant.check"
    _description = "Applicant Selection Step"
    _check_company_auto = True
    _order = "applicant_id, step, id"

    applicant_id = fields.Many2one("hr.applicant", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="applicant_id.company_id", store=True, string="Office")
    step = fields.Selection(SELECTION_STEPS, required=True)
    result = fields.Selection(
        [("pending", "Pending"), ("passed", "Passed"), ("failed", "Failed")],
        required=True,
        default="pending",
    )
    evaluator_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(default=fields.Date.context_today)
    score = fields.Float(help="Optional score given by the evaluator.")
    comment = fields.Text(string="Evaluation")

    _sql_constraints = [
        ("step_once", "unique(applicant_id, step)", "Each selection step is recorded once per applicant."),
    ]

    @api.constrains("step", "result", "applicant_id")
    def _check_hired_applicant(self):
        self.applicant_id._check_selection_complete()

    def unlink(self):
        applicants = self.applicant_id
        res = super().unlink()
        applicants._check_selection_complete()
        return res
