from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class LightingMarketIntel(models.Model):
    """An entry of the office's market-intelligence register (R3.1.1)."""

    _name = "lighting.market.intel"
    _description = "Market Intelligence"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    intel_type = fields.Selection(
        [
            ("trend", "Industry Trend"),
            ("competitor", "Competitor Move"),
            ("need", "Customer Need"),
            ("event", "Trade Show or Seminar"),
        ],
        string="Type",
        required=True,
        default="trend",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    source = fields.Char(help="Where the information comes from: a visit, a magazine, a website, a contact.")
    competitor_id = fields.Many2one("res.partner", domain=[("is_competitor", "=", True)])
    summary = fields.Html()
    user_id = fields.Many2one("res.users", string="Reported by", default=lambda self: self.env.user, tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, default=lambda self: self.env.company, index=True
    )
    event_start = fields.Datetime()
    event_stop = fields.Datetime(string="Event End")
    event_place = fields.Char()
    calendar_event_id = fields.Many2one("calendar.event", copy=False, readonly=True)
    lead_ids = fields.One2many("crm.lead", "market_intel_id", string="Leads Produced")
    lead_count = fields.Integer(compute="_compute_lead_count")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "To Review"), ("reviewed", "Reviewed")],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.depends("lead_ids")
    def _compute_lead_count(self):
        counts = dict(
            self.env["crm.lead"]._read_group([("market_intel_id", "in", self.ids)], ["market_intel_id"], ["__count"])
        )
        for intel in self:
            intel.lead_count = counts.get(intel, 0)

    @api.constrains("intel_type", "event_start", "event_stop", "event_place")
    def _check_event(self):
        for intel in self.filtered(lambda i: i.intel_type == "event"):
            if not intel.event_start or not intel.event_place:
                raise self._event_error(intel, _("Event Start and Event Place are required"))
            if intel.event_stop and intel.event_stop < intel.event_start:
                raise self._event_error(intel, _("Event End is before Event Start"))

    def _event_error(self, intel, reason):
        return ValidationError(_("%(intel)s: %(reason)s for a trade show or seminar.", intel=intel.name, reason=reason))

    def action_submit(self):
        """Send the entry to the office manager's review."""
        self.write({"state": "submitted"})
        for intel in self:
            manager = intel.company_id.office_manager_id
            if manager:
                intel.activity_schedule(
                    act_type_xmlid="lighting_office.mail_activity_intel_review",
                    user_id=manager.id,
                    note=_("New market intelligence to review: %(title)s", title=intel.name),
                )

    def action_mark_reviewed(self):
        if not self.env.user.has_group("lighting_office.group_lighting_manager"):
            raise AccessError(
                _(
                    "%(entries)s: only the office manager reviews market intelligence.",
                    entries=", ".join(self.mapped("name")),
                )
            )
        self.write({"state": "reviewed"})
        self.activity_feedback(["lighting_office.mail_activity_intel_review"])

    def action_add_to_calendar(self):
        for intel in self.filtered(lambda i: i.intel_type == "event" and not i.calendar_event_id):
            intel.calendar_event_id = self.env["calendar.event"].create(
                {
                    "name": intel.name,
                    "start": intel.event_start,
                    "stop": intel.event_stop or intel.event_start,
                    "location": intel.event_place,
                    "user_id": intel.user_id.id,
                    "partner_ids": [fields.Command.link(intel.user_id.partner_id.id)],
                    "description": intel.summary,
                }
            )
        return True

    def action_view_leads(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lighting_office.action_lighting_leads")
        action["domain"] = [("market_intel_id", "=", self.id)]
        action["context"] = {"default_market_intel_id": self.id, "default_type": "opportunity"}
        return action
