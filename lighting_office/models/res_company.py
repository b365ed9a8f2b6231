from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

OFFICE_GROUP = "lighting_office.group_lighting_manager"
HQ_GROUPS = (
    "lighting_office.group_lighting_hq_finance",
    "lighting_office.group_lighting_hq_management",
)


class ResCompany(models.Model):
    """A lighting office (办事处) is a branch company of head office (R1.1)."""

    _inherit = "res.company"

    is_lighting_office = fields.Boolean(string="Lighting Office")
    office_code = fields.Char(
        help="Short code of the office, used in document numbers (e.g. HD).",
    )
    office_manager_id = fields.Many2one(
        "res.users",
        help="The one manager of the office: reviews its contracts and approves its requests.",
    )
    office_sales_team_id = fields.Many2one("crm.team", string="Sales Team")
    office_support_team_id = fields.Many2one("helpdesk.ticket.team", string="Technical Support Team")
    office_aftersales_team_id = fields.Many2one("helpdesk.ticket.team", string="After-sales Team")
    lighting_expense_threshold = fields.Monetary(
        string="Expense Pre-approval Threshold",
        currency_field="currency_id",
        help="A single expense above this amount needs head office's approval beforehand (R4.2.2); 0: no control.",
    )
    lighting_suggestion_answer_days = fields.Integer(
        string="Suggestion Answer Days",
        default=3,
        help="Days the office manager has to answer an employee's suggestion or concern (R5.4).",
    )
    office_target_ids = fields.One2many("lighting.office.target", "company_id", string="Targets")
    risk_score_rule = fields.Selection(
        [
            ("product", "Likelihood × Impact"),
            ("sum", "Likelihood + Impact"),
            ("max", "Higher of Likelihood and Impact"),
        ],
        default="product",
        required=True,
        help="How a risk's likelihood and impact make its score (R7.1.2).",
    )
    risk_medium_threshold = fields.Integer(
        string="Medium Risk from Score",
        default=5,
        help="A risk whose score reaches this is at least medium.",
    )
    risk_high_threshold = fields.Integer(
        string="High Risk from Score",
        default=12,
        help="A risk whose score reaches this is high.",
    )

    _sql_constraints = [
        (
            "office_code_unique",
            "unique(office_code)",
            "Another office already uses this office code.",
        ),
    ]

    @api.constrains("is_lighting_office", "parent_id", "office_code", "office_manager_id")
    def _check_lighting_office(self):
        for office in self.filtered("is_lighting_office"):
            if not office.parent_id:
                raise ValidationError(
                    _(
                        "Office %(office)s: the field Parent Company must name "
                        "head office; an office is a branch of head office.",
                        office=office.name,
                    )
                )
            if not office.office_code:
                raise ValidationError(_("Office %(office)s: the field Office Code is required.", office=office.name))
            if office.office_manager_id and office.office_manager_id.share:
                raise ValidationError(
                    _(
                        "Office %(office)s: the Office Manager %(user)s is not an internal user.",
                        office=office.name,
                        user=office.office_manager_id.name,
                    )
                )

    @api.constrains("risk_medium_threshold", "risk_high_threshold")
    def _check_risk_thresholds(self):
        for company in self:
            if not 0 < company.risk_medium_threshold < company.risk_high_threshold:
                raise ValidationError(
                    _(
                        "Office %(office)s: the field High Risk from Score must be above "
                        "Medium Risk from Score, and both above zero.",
                        office=company.name,
                    )
                )

    def _risk_score(self, likelihood, impact):
        """The score of an assessment under this company's rule (0 when not assessed)."""
        self.ensure_one()
        if not likelihood or not impact:
            return 0
        if self.risk_score_rule == "sum":
            return likelihood + impact
        if self.risk_score_rule == "max":
            return max(likelihood, impact)
        return likelihood * impact

    def _risk_level(self, score):
        """The level of a score under this company's thresholds."""
        self.ensure_one()
        if not score:
            return False
        if score >= self.risk_high_threshold:
            return "high"
        if score >= self.risk_medium_threshold:
            return "medium"
        return "low"

    @api.constrains("lighting_suggestion_answer_days")
    def _check_suggestion_answer_days(self):
        for company in self:
            if company.lighting_suggestion_answer_days < 1:
                raise ValidationError(
                    _("Office %(office)s: the field Suggestion Answer Days must be at least 1.", office=company.name)
                )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if values.get("is_lighting_office") and "parent_id" in fields_list:
            values.setdefault("parent_id", self.env.company.root_id.id)
        return values

    @api.model_create_multi
    def create(self, vals_list):
        head_office = self.env.company.root_id
        for vals in vals_list:
            if vals.get("is_lighting_office") and not vals.get("parent_id"):
                vals["parent_id"] = head_office.id
        companies = super().create(vals_list)
        offices = companies.filtered("is_lighting_office")
        offices._grant_office_access()
        offices._create_office_teams()
        if offices:
            offices._lighting_create_missing_warehouses()
        return companies

    def write(self, vals):
        role_change = {"is_lighting_office", "office_manager_id"} & set(vals)
        former_managers = self.office_manager_id if role_change else self.env["res.users"]
        res = super().write(vals)
        if role_change:
            offices = self.filtered("is_lighting_office")
            offices._grant_office_access()
            offices.filtered(lambda o: not o.office_sales_team_id)._create_office_teams()
            former_managers._revoke_office_manager_role(self)
        return res

    def _create_office_teams(self):
        """Give each new office its three teams (R1.1) and its equipment upkeep team (R4.3.3, R6.1)."""
        HelpdeskTeam = self.env["helpdesk.ticket.team"]
        for office in self:
            members = office.office_manager_id
            office.write(
                {
                    "office_sales_team_id": self.env["crm.team"]
                    .create(
                        {
                            "name": _("%(office)s Sales", office=office.name),
                            "company_id": office.id,
                            "user_id": members.id,
                        }
                    )
                    .id,
                    "office_support_team_id": HelpdeskTeam.create(
                        {
                            "name": _("%(office)s Technical Support", office=office.name),
                            "company_id": office.id,
                            "lighting_team_role": "support",
                            "user_id": members.id,
                            "user_ids": [Command.set(members.ids)],
                        }
                    ).id,
                    "office_aftersales_team_id": HelpdeskTeam.create(
                        {
                            "name": _("%(office)s After-sales", office=office.name),
                            "company_id": office.id,
                            "lighting_team_role": "aftersales",
                            "user_id": members.id,
                            "user_ids": [Command.set(members.ids)],
                        }
                    ).id,
                }
            )
        self._create_upkeep_teams()
        self.env["helpdesk.sla"]._lighting_create_office_slas(self)

    def _create_upkeep_teams(self):
        self.env["maintenance.team"].create(
            [
                {"name": self.env._("%(office)s Equipment Upkeep", office=office.name), "company_id": office.id}
                for office in self
            ]
        )

    @api.model
    def _lighting_create_missing_upkeep_teams(self):
        """Offices set up before Maintenance was a dependency get their upkeep team on update."""
        offices = self.search([("is_lighting_office", "=", True)])
        with_team = self.env["maintenance.team"].search([("company_id", "in", offices.ids)]).company_id
        (offices - with_team)._create_upkeep_teams()

    def _grant_office_access(self):
        """The manager works in the office; head office users see every office (R1.2)."""
        hq_users = self.env["res.users"].search([("groups_id", "in", [self.env.ref(g).id for g in HQ_GROUPS])])
        manager_group = self.env.ref(OFFICE_GROUP)
        for office in self:
            hq_users.write({"company_ids": [Command.link(office.id)]})
            manager = office.office_manager_id
            if manager:
                manager.write(
                    {
                        "company_ids": [Command.link(office.id)],
                        "groups_id": [Command.link(manager_group.id)],
                    }
                )

    def action_sync_office_teams(self):
        """Put each office's own staff into its teams by their role."""
        sales = self.env.ref("lighting_office.group_lighting_sales").users
        support = self.env.ref("lighting_office.group_lighting_support").users
        aftersales = self.env.ref("lighting_office.group_lighting_aftersales").users
        staff_by_office = (
            self.env["res.users"].search([("company_id", "in", self.ids), ("share", "=", False)]).grouped("company_id")
        )
        for office in self:
            staff = staff_by_office.get(office, self.env["res.users"])
            office.office_sales_team_id.member_ids |= staff & sales
            office.office_support_team_id.user_ids |= staff & support
            office.office_aftersales_team_id.user_ids |= staff & aftersales
        return True

    # Office settings of the sales-to-cash flow (R3.1)
    lighting_followup_days_a = fields.Integer(string="Follow-up of A Prospects (days)", default=7)
    lighting_followup_days_b = fields.Integer(string="Follow-up of B Prospects (days)", default=14)
    lighting_followup_days_c = fields.Integer(string="Follow-up of C Prospects (days)", default=30)
    lighting_filing_due_days = fields.Integer(
        string="Contract Filing Period (days)",
        default=7,
        help="Days after signing within which head office must have filed the contract copy.",
    )
    lighting_collection_escalation_days = fields.Integer(
        string="Escalate Overdue Invoices After (days)",
        default=60,
    )
    lighting_contract_terms = fields.Html(
        string="Default Contract Terms",
        translate=True,
        help="Printed on quotations and contracts of the office unless changed on the order.",
    )

    @api.constrains(
        "lighting_followup_days_a",
        "lighting_followup_days_b",
        "lighting_followup_days_c",
        "lighting_filing_due_days",
        "lighting_collection_escalation_days",
    )
    def _check_office_periods(self):
        for company in self:
            for name in (
                "lighting_followup_days_a",
                "lighting_followup_days_b",
                "lighting_followup_days_c",
                "lighting_filing_due_days",
                "lighting_collection_escalation_days",
            ):
                if company[name] < 1:
                    raise ValidationError(
                        _(
                            "%(office)s: the field %(field)s must be at least one day.",
                            office=company.name,
                            field=company._fields[name].string,
                        )
                    )

    def _followup_interval(self, prospect_class):
        self.ensure_one()
        return self[f"lighting_followup_days_{prospect_class}"]

    @api.constrains("lighting_expense_threshold")
    def _check_expense_threshold(self):
        for company in self:
            if company.lighting_expense_threshold < 0:
                raise ValidationError(
                    _(
                        "Office %(office)s: the field Expense Pre-approval Threshold cannot be negative.",
                        office=company.name,
                    )
                )

    # Office settings of after-sales revisits (§二(二)4); response and resolution targets are SLAs
    lighting_revisit_first_months = fields.Integer(string="First Revisit After (months)", default=3)
    lighting_revisit_second_months = fields.Integer(string="Second Revisit After (months)", default=12)

    @api.constrains("lighting_revisit_first_months", "lighting_revisit_second_months")
    def _check_revisit_months(self):
        for company in self:
            if company.lighting_revisit_first_months < 0 or company.lighting_revisit_second_months < 0:
                raise ValidationError(
                    _("%(office)s: revisit months cannot be negative (0: no revisit).", office=company.name)
                )

    def _lighting_revisit_months(self):
        self.ensure_one()
        return [
            months for months in (self.lighting_revisit_first_months, self.lighting_revisit_second_months) if months
        ]

    def _lighting_warehouse(self):
        """The office's own warehouse: returns arrive and repaired products leave from it."""
        self.ensure_one()
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.id)], limit=1)
        if not warehouse:
            raise UserError(_("%(office)s has no warehouse.", office=self.name))
        return warehouse

    @api.model
    def _lighting_create_missing_warehouses(self):
        """Odoo gives a new company a warehouse only in tests, and existing companies none when stock
        installs; every office needs its own for returns and repairs. sudo: warehouses are set up by
        the system for the office, whoever creates it."""
        offices = self or self.search([("is_lighting_office", "=", True)])
        Warehouse = self.env["stock.warehouse"].sudo()
        with_warehouse = Warehouse.search([("company_id", "in", offices.ids)]).company_id
        for office in offices - with_warehouse:
            Warehouse.create(
                {"name": office.name, "code": (office.office_code or office.name)[:5], "company_id": office.id}
            )

    # R6.4.2 (business trips), kept together for merging.
    lighting_trip_hq_threshold = fields.Monetary(
        string="Business Trip HQ Threshold",
        currency_field="currency_id",
        help="A business trip estimated above this amount is approved by HQ Management after the "
        "office manager (R6.4.2); 0: the office manager alone.",
    )

    @api.constrains("lighting_trip_hq_threshold")
    def _check_trip_hq_threshold(self):
        for company in self:
            if company.lighting_trip_hq_threshold < 0:
                raise ValidationError(
                    _(
                        "Office %(office)s: the field Business Trip HQ Threshold cannot be negative.",
                        office=company.name,
                    )
                )
