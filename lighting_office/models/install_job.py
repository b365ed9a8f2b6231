from odoo import _, api, fields, models
from odoo.exceptions import UserError


class LightingInstallJob(models.Model):
    """An installation and commissioning job of a confirmed order (R3.1.5),
    carried out by the office's after-sales staff."""

    _name = "lighting.install.job"
    _description = "Installation and Commissioning Job"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "planned_date, id"

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    sale_order_id = fields.Many2one(
        "sale.order", string="Sales Order", required=True, ondelete="cascade", index=True,
        domain="[('state', '=', 'sale'), ('company_id', '=', company_id)]",
    )
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one("res.partner", string="Site", required=True, tracking=True,
                                 help="Customer address where the products are installed.")
    site_address = fields.Char(related="partner_id.contact_address_inline", string="Site Address")
    planned_date = fields.Datetime(string="Planned Date", tracking=True)
    user_id = fields.Many2one(
        "res.users", string="After-sales Staff", tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    state = fields.Selection(
        [("planned", "Planned"), ("in_progress", "In Progress"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned", required=True, tracking=True,
    )
    note = fields.Html(string="Work Notes")
    training_ids = fields.One2many("lighting.customer.training", "install_job_id", string="Customer Training")
    handover_ids = fields.One2many("lighting.tech.handover", "install_job_id", string="Technical Handovers")
    handover_acknowledged = fields.Boolean(
        compute="_compute_handover_acknowledged", string="Handover Acknowledged",
        help="The after-sales staff acknowledged the technical handover; the job may start (R3.2.3).",
    )

    @api.depends("handover_ids.state")
    def _compute_handover_acknowledged(self):
        for job in self:
            job.handover_acknowledged = "acknowledged" in job.handover_ids.mapped("state")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].with_company(vals.get("company_id")).next_by_code(
                    "lighting.install.job") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("state") == "in_progress":
            self.filtered(lambda job: job.state != "in_progress")._check_handover_acknowledged()
        return super().write(vals)

    def _check_handover_acknowledged(self):
        for job in self.filtered(lambda job: not job.handover_acknowledged):
            raise UserError(_("%(job)s: the after-sales staff must acknowledge the technical handover "
                              "before the job starts.", job=job.name))

    def action_start(self):
        for job in self:
            if not job.user_id:
                raise UserError(_("%(job)s: set the After-sales Staff before starting.", job=job.name))
        self._check_handover_acknowledged()
        self.write({"state": "in_progress"})

    def action_open_handover(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lighting_office.action_tech_handover")
        action["domain"] = [("install_job_id", "=", self.id)]
        action["context"] = {"default_install_job_id": self.id}
        if len(self.handover_ids) == 1:
            action.update(view_mode="form", views=[(False, "form")], res_id=self.handover_ids.id)
        return action

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancel"})

    def action_reset(self):
        self.write({"state": "planned"})

    def action_record_training(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Customer Training"),
            "res_model": "lighting.customer.training",
            "view_mode": "form",
            "context": {
                "default_install_job_id": self.id,
                "default_partner_id": self.sale_order_id.partner_id.id,
                "default_company_id": self.company_id.id,
            },
        }
