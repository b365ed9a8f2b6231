from datetime import timedelta

from odoo import _, api, fields, models

FOLLOWUP_ACTIVITY = "lighting_office.mail_activity_prospect_followup"


class CrmLead(models.Model):
    _inherit = "crm.lead"

    prospect_class = fields.Selection(
        [("a", "A - ready to buy"), ("b", "B - interested"), ("c", "C - early contact")],
        tracking=True,
        help="Intent to buy; it sets how often the prospect is followed up (office settings).",
    )
    contact_log_ids = fields.One2many("lighting.contact.log", "lead_id")
    lighting_solution_ids = fields.One2many("lighting.solution", "lead_id", string="Lighting Solutions")
    market_intel_id = fields.Many2one(
        "lighting.market.intel",
        check_company=True,
        string="From Market Intelligence",
        index=True,
        domain="[('company_id', '=', company_id)]",
    )
    followup_late = fields.Boolean(
        string="Follow-up Late",
        compute="_compute_followup_late",
        search="_search_followup_late",
    )

    @api.depends("activity_ids.date_deadline", "activity_ids.activity_type_id")
    def _compute_followup_late(self):
        today = fields.Date.context_today(self)
        followup = self.env.ref(FOLLOWUP_ACTIVITY)
        for lead in self:
            lead.followup_late = any(
                act.activity_type_id == followup and act.date_deadline < today for act in lead.activity_ids
            )

    def _search_followup_late(self, operator, value):
        late_ids = (
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", "crm.lead"),
                    ("activity_type_id", "=", self.env.ref(FOLLOWUP_ACTIVITY).id),
                    ("date_deadline", "<", fields.Date.context_today(self)),
                ]
            )
            .mapped("res_id")
        )
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", late_ids)]

    @api.model
    def get_import_templates(self):
        return super().get_import_templates() + [
            {
                "label": _("Import Template for Prospects"),
                "template": "/lighting_office/static/xls/crm_lead_prospect.xlsx",
            }
        ]

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads.filtered("prospect_class")._plan_next_followup()
        return leads

    def write(self, vals):
        res = super().write(vals)
        if vals.get("prospect_class"):
            self._plan_next_followup()
        return res

    def _plan_next_followup(self):
        """Replace the planned follow-up by one due after the interval of the class."""
        today = fields.Date.context_today(self)
        for lead in self.filtered("prospect_class"):
            lead.activity_unlink([FOLLOWUP_ACTIVITY])
            lead.activity_schedule(
                FOLLOWUP_ACTIVITY,
                date_deadline=today + timedelta(days=lead.company_id._followup_interval(lead.prospect_class)),
                user_id=lead.user_id.id or self.env.uid,
                summary=_("Follow up class %(cls)s prospect", cls=lead.prospect_class.upper()),
            )

    def action_open_lighting_solutions(self):
        """R3.2.2: the versions of the opportunity's lighting solution."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lighting_office.action_lighting_solution")
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {
            "default_lead_id": self.id,
            "default_company_id": self.company_id.id,
            "default_title": self.name,
        }
        return action
