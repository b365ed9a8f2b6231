from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

PLANNED_FIELDS = {"name", "headcount", "requirements", "channel_ids", "budget", "plan_id"}


class LightingRecruitmentPlanLine(models.Model):
    """One post of a recruitment plan (R5.1): how many, what they need, where
    to find them, at what cost; and how many were hired into it."""

    _name = "lighting.recruitment.plan.line"
    _inherit = ["lighting.approval.line.mixin"]
    _description = "Recruitment Plan Post"
    _check_company_auto = True
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("lighting.recruitment.plan", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, string="Office")
    year = fields.Integer(related="plan_id.year", store=True)
    name = fields.Char(string="Post", required=True)
    headcount = fields.Integer(required=True, default=1)
    requirements = fields.Text()
    channel_ids = fields.Many2many("lighting.recruitment.channel", string="Channels")
    currency_id = fields.Many2one(related="plan_id.currency_id")
    budget = fields.Monetary()
    job_id = fields.Many2one("hr.job", check_company=True, string="Job Position", readonly=True, copy=False)
    filled_count = fields.Integer(
        string="Hired",
        compute="_compute_filled_count",
        store=True,
        help="Applicants hired into the post's job position.",
    )

    @api.depends("job_id.application_ids.date_closed", "job_id.application_ids.active")
    def _compute_filled_count(self):
        # One grouped query for every post, not one per post.
        hired = dict(
            self.env["hr.applicant"]._read_group(
                [("job_id", "in", self.job_id.ids), ("date_closed", "!=", False)],
                ["job_id"],
                ["__count"],
            )
        )
        for line in self:
            line.filled_count = hired.get(line.job_id, 0)

    @api.constrains("headcount", "budget")
    def _check_headcount_and_budget(self):
        for line in self:
            if line.headcount <= 0:
                raise ValidationError(
                    _(
                        "%(plan)s, post %(post)s: the field Headcount must be positive.",
                        plan=line.plan_id.name,
                        post=line.name,
                    )
                )
            if line.budget < 0:
                raise ValidationError(
                    _(
                        "%(plan)s, post %(post)s: the field Budget cannot be negative.",
                        plan=line.plan_id.name,
                        post=line.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["lighting.recruitment.plan"].browse([vals["plan_id"] for vals in vals_list])
        plans._check_plan_editable()
        return super().create(vals_list)

    def write(self, vals):
        if PLANNED_FIELDS & set(vals):
            self.plan_id._check_plan_editable()
        return super().write(vals)

    def unlink(self):
        self.plan_id._check_plan_editable()
        return super().unlink()

    def _open_position(self):
        lines = self.filtered(lambda line: not line.job_id)
        jobs = self.env["hr.job"].create(
            [
                {
                    "name": line.name,
                    "company_id": line.company_id.id,
                    "no_of_recruitment": line.headcount,
                    "requirements": line.requirements,
                    "lighting_plan_id": line.plan_id.id,
                }
                for line in lines
            ]
        )
        for line, job in zip(lines, jobs, strict=True):
            line.job_id = job
