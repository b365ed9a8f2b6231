from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..approval_flows import FLOWS, flow_step

CATEGORIES = [("revenue", "Sales Revenue"), ("cost", "Cost"), ("expense", "Expense")]


class LightingBudget(models.Model):
    """An office's annual budget (R4.1): drawn up by the office manager, in force
    once HQ Finance approves it; a change is a new version that goes back to HQ."""

    _name = "lighting.budget"
    _description = "Office Budget"
    _check_company_auto = True
    _inherit = ["tier.validation", "mail.thread", "mail.activity.mixin"]
    _order = "company_id, year desc, version desc"

    _state_from = ["draft"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    year = fields.Integer(required=True, tracking=True, default=lambda self: fields.Date.context_today(self).year)
    version = fields.Integer(required=True, readonly=True, default=1, copy=False)
    previous_id = fields.Many2one("lighting.budget", check_company=True, string="Revises", readonly=True, copy=False)
    revision_reason = fields.Text(tracking=True, help="Why the approved budget is changed, for HQ.")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "In Force"), ("superseded", "Superseded"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("lighting.budget.line", "budget_id", string="Lines", copy=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    revenue_amount = fields.Monetary(string="Sales Revenue", compute="_compute_totals")
    cost_amount = fields.Monetary(string="Cost", compute="_compute_totals")
    expense_amount = fields.Monetary(string="Expense", compute="_compute_totals")
    profit_amount = fields.Monetary(string="Profit", compute="_compute_totals")
    version_ids = fields.One2many(
        "lighting.budget",
        compute="_compute_version_ids",
        string="Versions",
        help="Every version of this office's budget for the year.",
    )

    _sql_constraints = [
        ("version_unique", "unique(company_id, year, version)", "An office has one budget per year and version."),
    ]

    @api.depends("company_id.name", "year", "version")
    def _compute_name(self):
        for budget in self:
            budget.name = f"{budget.company_id.name} {budget.year} v{budget.version}"

    @api.depends("line_ids.amount", "line_ids.category")
    def _compute_totals(self):
        sums = {
            (budget, category): amount
            for budget, category, amount in self.env["lighting.budget.line"]._read_group(
                [("budget_id", "in", self.ids)], ["budget_id", "category"], ["amount:sum"]
            )
        }
        for budget in self:
            for category, _label in CATEGORIES:
                budget[f"{category}_amount"] = sums.get((budget, category), 0.0)
            budget.profit_amount = budget.revenue_amount - budget.cost_amount - budget.expense_amount

    @api.depends("company_id", "year")
    def _compute_version_ids(self):
        versions = self.search(
            [("company_id", "in", self.company_id.ids), ("year", "in", self.mapped("year"))]
        ).grouped(lambda version: (version.company_id, version.year))
        for budget in self:
            budget.version_ids = versions.get((budget.company_id, budget.year), self.browse())

    @api.constrains("year")
    def _check_year(self):
        for budget in self:
            if not 2000 <= budget.year <= 2100:
                raise ValidationError(
                    _("%(budget)s: the field Year must be between 2000 and 2100.", budget=budget.name)
                )

    def write(self, vals):
        if {"company_id", "year"} & set(vals):
            self._check_draft()
        if "state" in vals:
            self._check_transition(vals["state"])
        return super().write(vals)

    def _check_transition(self, state):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for budget in self:
            # Checked for the superuser too: a budget is in force only through
            # HQ's review, and superseded only by its approved revision.
            if state != budget.state and (budget.state, state) not in FLOWS[self._name].transitions:
                raise UserError(
                    _(
                        "%(budget)s: the field Status cannot go from %(old)s to %(new)s.",
                        budget=budget.name,
                        old=labels[budget.state],
                        new=labels[state],
                    )
                )

    def _check_draft(self):
        for budget in self:
            if budget.state != "draft":
                raise UserError(_("%(budget)s is no longer a draft: revise it to change it.", budget=budget.name))

    def _check_lines_editable(self):
        """Lines change only in a draft not under HQ's review; a rejected draft
        edited goes back to the start of its review."""
        self._check_draft()
        for budget in self:
            if budget.validation_status in ("waiting", "pending", "validated"):
                raise UserError(
                    _("%(budget)s is under HQ's review or approved by it: its lines cannot change.", budget=budget.name)
                )
        self.filtered(lambda budget: budget.validation_status == "rejected").restart_validation()

    @flow_step
    def action_approve(self):
        """Put the HQ-approved version in force; the version it revises is superseded."""
        self._check_draft()
        for budget in self:
            if not budget.line_ids:
                raise UserError(_("%(budget)s: the field Lines is empty.", budget=budget.name))
        self.write({"state": "approved"})
        self.previous_id.filtered(lambda previous: previous.state == "approved").write({"state": "superseded"})

    def action_revise(self):
        """A change to the budget in force is a new draft version for HQ to approve."""
        self.ensure_one()
        if self.state != "approved":
            raise UserError(_("%(budget)s: only the budget in force can be revised.", budget=self.name))
        latest = max(self.version_ids.mapped("version"))
        revision = self.copy({"version": latest + 1, "previous_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": revision.id,
            "view_mode": "form",
        }

    def action_import_lines(self):
        """Odoo's importer on budget lines, each imported line in this budget."""
        self.ensure_one()
        self._check_lines_editable()
        return {
            "type": "ir.actions.client",
            "tag": "import",
            "name": _("Import Lines of %(budget)s", budget=self.name),
            "params": {"model": "lighting.budget.line", "context": {"default_budget_id": self.id}},
        }

    def action_spread_annual_amount(self):
        """R4.1.2: an annual figure split into the twelve months."""
        self.ensure_one()
        self._check_lines_editable()
        return {
            "type": "ir.actions.act_window",
            "name": _("Spread an Annual Amount"),
            "res_model": "lighting.budget.spread.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_budget_id": self.id},
        }

    @flow_step
    def action_cancel(self):
        self._check_draft()
        self.write({"state": "cancel"})

    @flow_step
    def action_reset_draft(self):
        for budget in self:
            if budget.state != "cancel":
                raise UserError(_("%(budget)s: only a cancelled budget goes back to draft.", budget=budget.name))
        self.write({"state": "draft"})
        self.restart_validation()

    def action_view_versions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Versions"),
            "res_model": self._name,
            "domain": [("id", "in", self.version_ids.ids)],
            "view_mode": "list,form",
        }
