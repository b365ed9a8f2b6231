import hmac
import secrets
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

SATISFACTION_LINK_DAYS = 30
# Set only with the score, from who wrote it: never taken from a client's values.
SATISFACTION_STAMPS = ("satisfaction_channel", "satisfaction_user_id", "satisfaction_date")


class LightingInstallJob(models.Model):
    """An installation and commissioning job of a confirmed order (R3.1.5),
    carried out by the office's after-sales staff."""

    _name = "lighting.install.job"
    _description = "Installation and Commissioning Job"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "planned_date, id"

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    sale_order_id = fields.Many2one(
        "sale.order",
        check_company=True,
        string="Sales Order",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('state', '=', 'sale'), ('company_id', '=', company_id)]",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Site",
        required=True,
        tracking=True,
        help="Customer address where the products are installed.",
    )
    site_address = fields.Char(related="partner_id.contact_address_inline", string="Site Address")
    planned_date = fields.Datetime(tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="After-sales Staff",
        tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    state = fields.Selection(
        [("planned", "Planned"), ("in_progress", "In Progress"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )
    note = fields.Html(string="Work Notes")
    training_ids = fields.One2many("lighting.customer.training", "install_job_id", string="Customer Training")
    handover_ids = fields.One2many("lighting.tech.handover", "install_job_id", string="Technical Handovers")
    safety_line_ids = fields.One2many("lighting.install.safety.line", "job_id", string="Safety Checklist")
    safety_complete = fields.Boolean(compute="_compute_safety_complete", string="Safety Checked")
    customer_trained = fields.Boolean(
        compute="_compute_customer_trained",
        help="A training of the job's customer is recorded and done: the job may close (R3.3.4).",
    )
    satisfaction_score = fields.Integer(
        string="Satisfaction (1-5)",
        tracking=True,
        copy=False,
        aggregator="avg",
        help="The customer's satisfaction with the job: 1 very poor to 5 very good (R3.3.4).",
    )
    satisfaction_comment = fields.Text(string="Customer Comments", copy=False)
    satisfaction_date = fields.Date(string="Surveyed On", readonly=True, copy=False)
    satisfaction_channel = fields.Selection(
        [("customer", "Customer, by the survey link"), ("staff", "Staff, from the customer's answer")],
        string="Answered By",
        readonly=True,
        copy=False,
    )
    satisfaction_user_id = fields.Many2one(
        "res.users",
        string="Entered By",
        readonly=True,
        copy=False,
        help="The staff member who entered the customer's answer given by phone or mail.",
    )
    satisfaction_token = fields.Char(copy=False, groups="base.group_system")
    satisfaction_token_expiry = fields.Datetime(string="Survey Link Expires", readonly=True, copy=False)
    revisit_ids = fields.One2many("lighting.revisit", "install_job_id", string="Revisits")
    handover_acknowledged = fields.Boolean(
        compute="_compute_handover_acknowledged",
        help="The after-sales staff acknowledged the technical handover; the job may start (R3.2.3).",
    )

    @api.depends("handover_ids.state")
    def _compute_handover_acknowledged(self):
        for job in self:
            job.handover_acknowledged = "acknowledged" in job.handover_ids.mapped("state")

    @api.depends("training_ids.state")
    def _compute_customer_trained(self):
        for job in self:
            job.customer_trained = "done" in job.training_ids.mapped("state")

    @api.depends("safety_line_ids.checked")
    def _compute_safety_complete(self):
        for job in self:
            job.safety_complete = bool(job.safety_line_ids) and all(job.safety_line_ids.mapped("checked"))

    @api.constrains("satisfaction_score")
    def _check_satisfaction_score(self):
        for job in self.filtered("satisfaction_score"):
            if not 1 <= job.satisfaction_score <= 5:
                raise ValidationError(
                    _(
                        "%(job)s: the field Satisfaction (1-5) must be between 1 and 5, not %(score)s.",
                        job=job.name,
                        score=job.satisfaction_score,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # The rules (cached) and the sequences are read once for the whole batch; each job
        # then costs one nextval and goes into the same INSERTs as the others with its lines.
        checklist = self.env["lighting.safety.item"]._checklist_values()
        sequence_of = self._sequence_by_company(vals_list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                sequence = sequence_of[vals.get("company_id") or self.env.company.id]
                vals["name"] = sequence._next() if sequence else "/"
            if "safety_line_ids" not in vals:
                vals["safety_line_ids"] = [
                    Command.create({"name": name, "sequence": sequence}) for name, sequence in checklist
                ]
        jobs = super().create(vals_list)
        # R3.2.3/R3.3.4: a job created already started or done passes the same gates as one moved there
        started = jobs.filtered(lambda job: job.state in ("in_progress", "done"))
        started._check_handover_acknowledged()
        started.filtered(lambda job: job.state == "done")._check_closable()
        return jobs

    @api.model
    def _sequence_by_company(self, vals_list):
        """{company id: the sequence numbering its jobs}, chosen as next_by_code chooses:
        the company's own sequence first, else the shared one."""
        company_ids = {vals.get("company_id") or self.env.company.id for vals in vals_list}
        sequences = self.env["ir.sequence"].search_fetch(
            [("code", "=", "lighting.install.job"), ("company_id", "in", [*company_ids, False])],
            ["company_id", "implementation", "use_date_range", "prefix", "suffix", "padding", "number_increment"],
        )
        shared = sequences.filtered(lambda seq: not seq.company_id)[:1]
        return {
            company_id: sequences.filtered(lambda seq: seq.company_id.id == company_id)[:1] or shared
            for company_id in company_ids
        }

    def write(self, vals):
        if vals.get("state") in ("in_progress", "done"):
            changing = self.filtered(lambda job: job.state != vals["state"])
            changing._check_handover_acknowledged()
            if vals["state"] == "done":
                changing._check_closable()
        if not self.env.su:
            vals = {key: value for key, value in vals.items() if key not in SATISFACTION_STAMPS}
        if vals.get("satisfaction_score"):
            vals = dict(vals, **self._satisfaction_answer_vals())
        res = super().write(vals)
        if vals.get("satisfaction_score"):
            # sudo: the link is spent; staff neither see nor set tokens.
            self.sudo().write({"satisfaction_token": False})
            self._alert_low_satisfaction()
        return res

    def _satisfaction_answer_vals(self):
        """R3.3.4: who answered. A customer writes the score only through the link's route
        (portal and public users cannot write jobs); anyone else writing it is the staff
        member entering an answer given by phone."""
        user = self.env.user
        by_customer = user.share
        return {
            "satisfaction_date": fields.Date.context_today(self),
            "satisfaction_channel": "customer" if by_customer else "staff",
            "satisfaction_user_id": False if by_customer else user.id,
        }

    def _satisfaction_issue_tokens(self):
        """R3.3.4: a fresh, unguessable, single-use link per job, valid for SATISFACTION_LINK_DAYS."""
        expiry = fields.Datetime.now() + timedelta(days=SATISFACTION_LINK_DAYS)
        for job in self.sudo():
            job.write({"satisfaction_token": secrets.token_urlsafe(32), "satisfaction_token_expiry": expiry})

    def _satisfaction_url(self):
        self.ensure_one()
        job = self.sudo()
        return f"{job.get_base_url()}/lighting/satisfaction/{job.id}/{job.satisfaction_token}"

    @api.model
    def _satisfaction_job_for_token(self, job_id, token):
        """The job whose survey this link may still answer, or an empty recordset: unknown job,
        another job's token, a used or an expired link all give nothing."""
        # sudo: the customer has no login; the token is the only credential and is checked here.
        job = self.sudo().browse(job_id).exists()
        valid = (
            job
            and job.state == "done"
            and not job.satisfaction_score
            and job.satisfaction_token
            and isinstance(token, str)
            and hmac.compare_digest(job.satisfaction_token.encode(), token.encode())
            and job.satisfaction_token_expiry
            and job.satisfaction_token_expiry > fields.Datetime.now()
        )
        return job if valid else self.browse()

    def _check_closable(self):
        """R3.3.4: a job closes with its safety checklist complete and its customer trained."""
        self._check_safety_complete()
        for job in self.filtered(lambda job: not job.customer_trained):
            raise UserError(
                _(
                    "%(job)s: the customer's training must be recorded (a Customer Training of the job, "
                    "marked done) before the job closes.",
                    job=job.name,
                )
            )

    def _check_safety_complete(self):
        for job in self:
            unchecked = job.safety_line_ids.filtered(lambda line: not line.checked)
            if unchecked or not job.safety_line_ids:
                raise UserError(
                    _(
                        "%(job)s: the Safety Checklist must be complete before the job closes; unchecked: %(rules)s.",
                        job=job.name,
                        rules=", ".join(unchecked.mapped("name")) or _("no safety rule"),
                    )
                )

    def _alert_low_satisfaction(self):
        """R3.3.4: a score of 2 or less goes to the office manager."""
        for job in self.filtered(lambda job: job.satisfaction_score and job.satisfaction_score <= 2):
            manager = job.company_id.office_manager_id
            if manager:
                job.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=_("Low satisfaction (%(score)s/5): call the customer", score=job.satisfaction_score),
                    note=job.satisfaction_comment,
                )

    def _plan_revisits(self):
        """§二(二)4: revisits of the installed customer after the office's months."""
        today = fields.Date.context_today(self)
        self.env["lighting.revisit"].create(
            [
                {
                    "months_after": months,
                    "install_job_id": job.id,
                    "company_id": job.company_id.id,
                    "partner_id": job.partner_id.id,
                    "user_id": job.user_id.id,
                    "planned_date": today + relativedelta(months=months),
                }
                for job in self
                for months in job.company_id._lighting_revisit_months()
            ]
        )

    def _check_handover_acknowledged(self):
        for job in self.filtered(lambda job: not job.handover_acknowledged):
            raise UserError(
                _(
                    "%(job)s: the after-sales staff must acknowledge the technical handover before the job starts.",
                    job=job.name,
                )
            )

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
        """Closing the job sends the customer the satisfaction survey and plans the revisits."""
        jobs = self.filtered(lambda job: job.state != "done")
        jobs.write({"state": "done"})
        jobs._satisfaction_issue_tokens()
        for job in jobs:
            job.message_post_with_source(
                "lighting_office.mail_template_install_satisfaction", subtype_xmlid="mail.mt_comment"
            )
        jobs._plan_revisits()

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
