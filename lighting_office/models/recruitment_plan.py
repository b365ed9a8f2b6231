from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..approval_flows import flow_step


class LightingRecruitmentPlan(models.Model):
    """An office's recruitment plan for one year (R5.1), approved by head office."""

    _name = "lighting.recruitment.plan"
    _description = "Recruitment Plan"
    _check_company_auto = True
    _inherit = [
        "tier.validation",
        "mail.thread",
        "mail.activity.mixin",
        "lighting.made.name.mixin",
        "lighting.yearly.plan.mixin",
    ]
    _order = "year desc, company_id, id"

    _state_from = ["draft"]
    _state_to = ["approved", "open", "closed"]
    _tier_validation_manual_config = False
    _plan_holder_field = "company_id"

    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        tracking=True,
        default=lambda self: self.env.company,
        domain=[("is_lighting_office", "=", True)],
    )
    line_ids = fields.One2many("lighting.recruitment.plan.line", "plan_id", string="Posts", copy=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    budget = fields.Monetary(compute="_compute_totals", store=True, tracking=True)
    planned_headcount = fields.Integer(compute="_compute_totals", store=True)
    filled_headcount = fields.Integer(compute="_compute_totals", store=True)
    fill_rate = fields.Float(string="Filled (%)", compute="_compute_totals", store=True, aggregator="avg")
    job_ids = fields.One2many("hr.job", "lighting_plan_id", string="Job Positions")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("open", "Recruiting"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.depends("company_id.name", "year")
    @api.depends_context("lang")
    def _compute_name(self):
        for plan in self:
            plan.name = _("%(office)s recruitment plan %(year)s", office=plan.company_id.name, year=plan.year)

    def _search_name(self, operator, value):
        domain = [("company_id.name", operator, value)]
        if isinstance(value, str) and value.isdigit() and operator in ("=", "ilike", "like", "=ilike"):
            domain = expression.OR([domain, [("year", "=", int(value))]])
        return domain

    @api.depends("line_ids.budget", "line_ids.headcount", "line_ids.filled_count")
    def _compute_totals(self):
        for plan in self:
            plan.budget = sum(plan.line_ids.mapped("budget"))
            plan.planned_headcount = sum(plan.line_ids.mapped("headcount"))
            plan.filled_headcount = sum(plan.line_ids.mapped("filled_count"))
            plan.fill_rate = 100.0 * plan.filled_headcount / plan.planned_headcount if plan.planned_headcount else 0.0

    @api.constrains("company_id", "year")
    def _check_one_plan_per_office_and_year(self):
        self._check_one_plan_per_year(
            lambda plan: _("%(plan)s: the office already has a recruitment plan for this Year.", plan=plan.name)
        )

    def _check_plan_editable(self):
        """Posts are what head office approves: they change only in a draft
        that is not under review."""
        for plan in self:
            if plan.state != "draft" or plan.review_ids:
                raise UserError(
                    _(
                        "%(plan)s: its posts cannot change once it is submitted or approved; reset it to draft first.",
                        plan=plan.name,
                    )
                )

    @flow_step
    def action_confirm(self):
        for plan in self:
            if not plan.line_ids:
                raise UserError(_("%(plan)s: the field Posts is empty.", plan=plan.name))
        self.write({"state": "approved"})

    @flow_step
    def action_open_positions(self):
        """Open one job position per post of the approved plan."""
        for plan in self:
            if plan.state != "approved":
                raise UserError(_("%(plan)s: only an approved plan opens positions.", plan=plan.name))
            plan.line_ids._open_position()
        self.write({"state": "open"})

    @flow_step
    def action_close(self):
        self.write({"state": "closed"})

    @flow_step
    def action_reset_draft(self):
        if any(plan.job_ids for plan in self):
            raise UserError(_("A plan whose positions are open cannot go back to draft; close it instead."))
        self.filtered(lambda plan: plan.state != "draft").write({"state": "draft"})
        self.restart_validation()

    def action_view_jobs(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_recruitment.action_hr_job")
        action["domain"] = [("lighting_plan_id", "in", self.ids)]
        action["context"] = {"default_lighting_plan_id": self.id, "default_company_id": self.company_id.id}
        return action
