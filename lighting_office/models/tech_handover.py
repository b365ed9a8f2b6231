from odoo import _, api, fields, models
from odoo.exceptions import UserError

# What may still change once the handover has been given to after-sales.
LOCKED_FIELDS = {"install_job_id", "line_ids", "attachment_ids", "summary", "support_user_id"}


class LightingTechHandover(models.Model):
    """Technical handover (技术交底) of an installation job, given by technical
    support to the job's after-sales staff, who acknowledge it (R3.2.3)."""

    _name = "lighting.tech.handover"
    _description = "Technical Handover"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    install_job_id = fields.Many2one(
        "lighting.install.job",
        string="Installation Job",
        required=True,
        ondelete="cascade",
        index=True,
        tracking=True,
        domain="[('state', '=', 'planned')]",
    )
    company_id = fields.Many2one(related="install_job_id.company_id", store=True, index=True, string="Office")
    partner_id = fields.Many2one(related="install_job_id.partner_id", string="Site")
    aftersales_user_id = fields.Many2one(
        related="install_job_id.user_id",
        store=True,
        string="After-sales Staff",
        help="The job's after-sales staff, who acknowledge the handover.",
    )
    support_user_id = fields.Many2one(
        "res.users",
        string="Technical Support",
        required=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    summary = fields.Html()
    line_ids = fields.One2many("lighting.tech.handover.line", "handover_id", string="Checklist", copy=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Documents and Drawings",
        help="Installation drawings, wiring diagrams, commissioning documents.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("handed_over", "Handed Over"), ("acknowledged", "Acknowledged")],
        default="draft",
        required=True,
        tracking=True,
    )
    handed_over_date = fields.Datetime(readonly=True, copy=False)
    acknowledged_date = fields.Datetime(readonly=True, copy=False)
    acknowledged_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    line_count = fields.Integer(compute="_compute_line_count", string="Checklist Items")

    @api.depends("line_ids")
    def _compute_line_count(self):
        for handover in self:
            handover.line_count = len(handover.line_ids)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("lighting.tech.handover") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if LOCKED_FIELDS & vals.keys():
            self._check_draft()
        if vals.get("state") == "handed_over":
            self._check_can_hand_over()
        elif vals.get("state") == "acknowledged":
            self._check_can_acknowledge()
        return super().write(vals)

    def _check_draft(self):
        for handover in self.filtered(lambda h: h.state != "draft"):
            raise UserError(
                _("%(handover)s: it has been handed over; reset it to draft to change it.", handover=handover.name)
            )

    def _check_support_user(self):
        if not self.env.user.has_group("lighting_office.group_lighting_support"):
            raise UserError(
                _("%(handover)s: only technical support hands over or reopens a handover.", handover=self[:1].name)
            )

    def _check_can_hand_over(self):
        self._check_support_user()
        for handover in self:
            if handover.state != "draft":
                raise UserError(_("%(handover)s: only a draft can be handed over.", handover=handover.name))
            if not handover.aftersales_user_id:
                raise UserError(
                    _(
                        "%(handover)s: set the After-sales Staff of job %(job)s first.",
                        handover=handover.name,
                        job=handover.install_job_id.name,
                    )
                )
            if not handover.line_ids:
                raise UserError(
                    _(
                        "%(handover)s: add the checklist (requirements, commissioning steps, precautions) first.",
                        handover=handover.name,
                    )
                )

    def _check_can_acknowledge(self):
        for handover in self:
            if handover.state != "handed_over":
                raise UserError(
                    _("%(handover)s: only a handed-over handover can be acknowledged.", handover=handover.name)
                )
            if handover.aftersales_user_id != self.env.user:
                raise UserError(
                    _(
                        "%(handover)s: only %(user)s, the job's After-sales Staff, can acknowledge it.",
                        handover=handover.name,
                        user=handover.aftersales_user_id.name,
                    )
                )

    def action_hand_over(self):
        self.write({"state": "handed_over", "handed_over_date": fields.Datetime.now()})
        for handover in self:
            handover.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=handover.aftersales_user_id.id,
                summary=_("Acknowledge the technical handover"),
            )

    def action_acknowledge(self):
        self.write(
            {
                "state": "acknowledged",
                "acknowledged_date": fields.Datetime.now(),
                "acknowledged_by_id": self.env.user.id,
            }
        )
        self.activity_ids.action_done()

    def action_reset_draft(self):
        self._check_support_user()
        started = self.filtered(lambda h: h.install_job_id.state != "planned")
        if started:
            raise UserError(
                _("%(handover)s: the job has started; the handover can no longer change.", handover=started[0].name)
            )
        self.activity_ids.unlink()
        self.write({"state": "draft", "acknowledged_date": False, "acknowledged_by_id": False})
