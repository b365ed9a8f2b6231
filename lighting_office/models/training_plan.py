from odoo import _, api, fields, models
from odoo.osv import expression


class LightingTrainingPlan(models.Model):
    """A personal training plan of one employee for one year (R5.2)."""

    _name = "lighting.training.plan"
    _description = "Personal Training Plan"
    _check_company_auto = True
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "lighting.employee.record.mixin",
        "lighting.made.name.mixin",
        "lighting.yearly.plan.mixin",
    ]
    _order = "year desc, employee_id, id"
    _plan_holder_field = "employee_id"

    goal = fields.Text(string="Development Goal", help="Where the employee wants to grow: post, skills, career path.")
    line_ids = fields.One2many("lighting.training.plan.line", "plan_id", string="Planned Courses", copy=True)
    course_count = fields.Integer(string="Planned", compute="_compute_completion", store=True)
    done_count = fields.Integer(string="Completed", compute="_compute_completion", store=True)
    completion_rate = fields.Float(string="Completion (%)", compute="_compute_completion", store=True, aggregator="avg")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Progress"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.depends("employee_id.name", "year")
    @api.depends_context("lang")
    def _compute_name(self):
        for plan in self:
            plan.name = _("%(employee)s training plan %(year)s", employee=plan.employee_id.name, year=plan.year)

    def _search_name(self, operator, value):
        domain = [("employee_id.name", operator, value)]
        if isinstance(value, str) and value.isdigit() and operator in ("=", "ilike", "like", "=ilike"):
            domain = expression.OR([domain, [("year", "=", int(value))]])
        return domain

    @api.depends("line_ids.is_done")
    def _compute_completion(self):
        for plan in self:
            plan.course_count = len(plan.line_ids)
            plan.done_count = len(plan.line_ids.filtered("is_done"))
            plan.completion_rate = 100.0 * plan.done_count / plan.course_count if plan.course_count else 0.0

    @api.constrains("employee_id", "year")
    def _check_one_plan_per_employee_and_year(self):
        self._check_one_plan_per_year(
            lambda plan: _("%(plan)s: the employee already has a training plan for this Year.", plan=plan.name)
        )

    def action_activate(self):
        self.write({"state": "active"})

    def action_close(self):
        self.write({"state": "closed"})

    def action_reset_draft(self):
        self.write({"state": "draft"})
