from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError

OFFICE_GROUP = "lighting_office.group_lighting_manager"
HQ_GROUPS = (
    "lighting_office.group_lighting_hq_finance",
    "lighting_office.group_lighting_hq_management",
)


class ResCompany(models.Model):
    """A lighting office (办事处) is a branch company of head office (R1.1).

    Each area's office settings live with that area, in res_company_<area>.py, as each of
    Odoo's apps extends res.company in its own module."""

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
    office_target_ids = fields.One2many("lighting.office.target", "company_id", string="Targets")

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
