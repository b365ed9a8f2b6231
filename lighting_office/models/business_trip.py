from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

from ..approval_flows import flow_step

# What the reviewers approved: changing it needs a new approval.
APPROVED_FIELDS = ("employee_id", "destination", "date_from", "date_to", "purpose", "estimated_cost", "company_id")


class LightingBusinessTrip(models.Model):
    """A business trip approved before departure (R6.4.2), reported after the
    return, its expense report linked and its cost held against the estimate
    (R6.4.3)."""

    _name = "lighting.business.trip"
    _description = "Business Trip"
    _check_company_auto = True
    _inherit = [
        "lighting.approved.request.mixin",
        "tier.validation",
        "mail.thread",
        "mail.activity.mixin",
        "lighting.todo.mixin",
    ]
    _order = "date_from desc, id desc"

    _state_from = ["draft"]
    _state_to = ["approved", "reported"]
    _tier_validation_manual_config = False
    _approved_fields = APPROVED_FIELDS

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    employee_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        string="Traveller",
        required=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id,
        domain="[('company_id', '=', company_id)]",
    )
    destination = fields.Char(required=True, tracking=True)
    date_from = fields.Date(string="Departure", required=True, tracking=True)
    date_to = fields.Date(string="Return", required=True, tracking=True)
    purpose = fields.Text(required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    estimated_cost = fields.Monetary(required=True, tracking=True)
    needs_hq_approval = fields.Boolean(
        string="Needs HQ Approval",
        compute="_compute_needs_hq_approval",
        help="The estimated cost is above the office's threshold: HQ Management approves too.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("reported", "Reported"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    report = fields.Html(string="Trip Report", copy=False)
    report_date = fields.Date(string="Report Filed On", readonly=True, copy=False)
    expense_sheet_ids = fields.One2many("hr.expense.sheet", "lighting_trip_id", string="Expense Reports")
    actual_cost = fields.Monetary(
        compute="_compute_actual_cost",
        store=True,
        help="Total of the trip's expense reports, cancelled ones left out.",
    )
    cost_variance = fields.Monetary(
        string="Over Estimate",
        compute="_compute_actual_cost",
        store=True,
        help="Actual cost minus estimated cost: above zero the trip cost more than estimated.",
    )

    @api.depends("estimated_cost", "company_id.lighting_trip_hq_threshold")
    def _compute_needs_hq_approval(self):
        for trip in self:
            threshold = trip.company_id.lighting_trip_hq_threshold
            trip.needs_hq_approval = bool(threshold) and trip.estimated_cost > threshold

    @api.depends("estimated_cost", "expense_sheet_ids.total_amount", "expense_sheet_ids.state")
    def _compute_actual_cost(self):
        totals = dict(
            self.env["hr.expense.sheet"]._read_group(
                [("lighting_trip_id", "in", self.ids), ("state", "!=", "cancel")],
                ["lighting_trip_id"],
                ["total_amount:sum"],
            )
        )
        for trip in self:
            trip.actual_cost = totals.get(trip, 0.0)
            trip.cost_variance = trip.actual_cost - trip.estimated_cost

    def _get_claimant_user(self):
        return self.employee_id.user_id

    @api.model
    def _get_all_validation_exceptions(self):
        # The report is written after the approved trip.
        return super()._get_all_validation_exceptions() + ["report"]

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for trip in self:
            if trip.date_to < trip.date_from:
                raise ValidationError(
                    _(
                        "%(trip)s: the field Return (%(end)s) is before the field Departure (%(start)s).",
                        trip=trip.name,
                        end=trip.date_to,
                        start=trip.date_from,
                    )
                )

    @api.constrains("estimated_cost")
    def _check_estimated_cost(self):
        for trip in self:
            if trip.estimated_cost < 0:
                raise ValidationError(_("%(trip)s: the field Estimated Cost cannot be negative.", trip=trip.name))

    def validate_tier(self):
        result = super().validate_tier()
        # The last approval books it: nobody has to come back to confirm.
        self.filtered(lambda trip: trip.state == "draft" and trip.validation_status == "validated").action_confirm()
        return result

    @flow_step
    def action_confirm(self):
        """The trip may go ahead once its reviewers have approved it, before departure."""
        today = fields.Date.context_today(self)
        for trip in self:
            if trip.date_from < today:
                raise UserError(
                    _(
                        "%(trip)s: a trip is approved before departure, and the field Departure (%(date)s) has "
                        "passed; cancel it and request it again.",
                        trip=trip.name,
                        date=trip.date_from,
                    )
                )
        self.write({"state": "approved"})

    @flow_step
    def action_file_report(self):
        """R6.4.3: after the return the traveller files the trip report."""
        today = fields.Date.context_today(self)
        for trip in self:
            if trip.state != "approved":
                raise UserError(_("%(trip)s: only an approved trip is reported.", trip=trip.name))
            if trip.date_to > today:
                raise UserError(
                    _(
                        "%(trip)s: the trip report is filed after the return on %(date)s.",
                        trip=trip.name,
                        date=trip.date_to,
                    )
                )
            if is_html_empty(trip.report):
                raise UserError(_("%(trip)s: the field Trip Report is empty.", trip=trip.name))
        self.write({"state": "reported", "report_date": today})

    @api.model
    def _cron_remind_reports(self):
        """R6.4.3: the traveller of an ended trip without report gets one to-do to file it."""
        today = fields.Date.context_today(self)
        trips = self.search([("state", "=", "approved"), ("date_to", "<", today)])
        reminded = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", trips.ids),
                    ("activity_type_id", "=", self.env.ref("mail.mail_activity_data_todo").id),
                ]
            )
            .mapped("res_id")
        )
        trips.filtered(lambda trip: trip.id not in reminded and trip.employee_id.user_id)._schedule_todos(
            user=lambda trip: trip.employee_id.user_id,
            summary=lambda trip: trip.env._("File the trip report"),
        )

    @flow_step
    def action_cancel(self):
        for trip in self:
            if trip.state == "reported":
                raise UserError(_("%(trip)s: a reported trip cannot be cancelled.", trip=trip.name))
        self.write({"state": "cancel"})

    @flow_step
    def action_reset_draft(self):
        self.filtered(lambda trip: trip.state == "cancel").write({"state": "draft"})
        self.restart_validation()

    def action_view_expense_sheets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lighting_office.action_lighting_expense_sheet")
        action.update(
            {
                "domain": [("lighting_trip_id", "=", self.id)],
                "context": {"default_lighting_trip_id": self.id, "default_employee_id": self.employee_id.id},
            }
        )
        return action
