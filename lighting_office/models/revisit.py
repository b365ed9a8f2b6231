from odoo import _, api, fields, models
from odoo.exceptions import UserError


class LightingRevisit(models.Model):
    """A planned revisit of an installed customer by after-sales (§二(二)4),
    by default 3 and 12 months after the installation, with its outcome."""

    _name = "lighting.revisit"
    _description = "Customer Revisit"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "planned_date, id"
    _rec_names_search = ["name", "install_job_id.name", "partner_id.name"]

    name = fields.Char(
        string="Revisit",
        help="Left empty, a planned revisit is named after its installation job, in the reader's language.",
    )
    install_job_id = fields.Many2one(
        "lighting.install.job", check_company=True, string="Installation Job", ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="After-sales Staff",
        tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    planned_date = fields.Date(required=True, tracking=True)
    months_after = fields.Integer(string="Months after Installation", readonly=True)
    done_date = fields.Date(string="Visited On", readonly=True, copy=False)
    outcome = fields.Text()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )

    @api.depends("name", "install_job_id.name", "months_after", "partner_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for revisit in self:
            if revisit.name or not revisit.install_job_id:
                revisit.display_name = revisit.name or revisit.partner_id.display_name
            else:
                revisit.display_name = _(
                    "%(job)s: revisit after %(months)s months",
                    job=revisit.install_job_id.name,
                    months=revisit.months_after,
                )

    @api.model_create_multi
    def create(self, vals_list):
        revisits = super().create(vals_list)
        for revisit in revisits.filtered(lambda revisit: revisit.state == "planned"):
            revisit.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=revisit.planned_date,
                summary=_("Revisit %(customer)s", customer=revisit.partner_id.display_name),
                user_id=(revisit.user_id or revisit.company_id.office_aftersales_team_id.user_id).id or self.env.uid,
            )
        return revisits

    def action_done(self):
        for revisit in self:
            if not revisit.outcome:
                raise UserError(_("%(revisit)s: record the Outcome of the revisit.", revisit=revisit.display_name))
        self.write({"state": "done", "done_date": fields.Date.context_today(self)})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_cancel(self):
        self.write({"state": "cancel"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
