from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty

from ..approval_flows import flow_step

HQ_GROUPS = ("lighting_office.group_lighting_hq_finance", "lighting_office.group_lighting_hq_management")
FILING_FIELDS = {"hq_filing_number", "hq_filed_by_id", "hq_filed_date"}
FOLLOWUP_FIELDS = {"promised_production_date", "shipped_date", "production_note"}
# R3.1.3: what the office manager reviews and the customer signs
CONTRACT_FIELDS = ("payment_term_id", "commitment_date", "contract_terms")


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "lighting.chinese.print.mixin"]

    contract_terms = fields.Html(
        default=lambda self: self.env.company.lighting_contract_terms,
        help="Terms of the sales contract printed with the quotation and the contract (R3.1.3).",
    )
    # R3.1.4 signing and HQ filing
    contract_state = fields.Selection(
        [("unsigned", "Not Signed"), ("signed", "Signed"), ("filed", "Filed at HQ")],
        string="Contract",
        default="unsigned",
        required=True,
        copy=False,
        tracking=True,
    )
    signed_contract = fields.Binary(attachment=True, copy=False)
    signed_contract_name = fields.Char(string="Signed Contract File Name", copy=False)
    signed_date = fields.Date(string="Contract Signed On", copy=False, tracking=True)
    hq_filing_number = fields.Char(string="HQ Filing Number", copy=False, tracking=True)
    hq_filed_by_id = fields.Many2one("res.users", string="Filed by", copy=False, readonly=True)
    hq_filed_date = fields.Datetime(string="Filed on", copy=False, readonly=True)
    filing_overdue = fields.Boolean(
        compute="_compute_filing_overdue",
        search="_search_filing_overdue",
        help="Signed but not filed at head office within the office's filing period.",
    )
    # R3.1.5 execution
    install_job_ids = fields.One2many("lighting.install.job", "sale_order_id", string="Installation Jobs")
    install_job_count = fields.Integer(compute="_compute_install_job_count")
    promised_production_date = fields.Date(tracking=True)
    shipped_date = fields.Date(string="Shipped On", tracking=True)
    production_note = fields.Text(string="Production Follow-up")
    shipping_late = fields.Boolean(
        compute="_compute_shipping_late",
        search="_search_shipping_late",
        help="The promised production date passed without shipment, or the goods shipped after it.",
    )
    shipped_after_promise = fields.Boolean(compute="_compute_shipped_after_promise", store=True)

    @api.depends("contract_state", "signed_date", "company_id.lighting_filing_due_days")
    def _compute_filing_overdue(self):
        today = fields.Date.context_today(self)
        for order in self:
            order.filing_overdue = (
                order.contract_state == "signed"
                and order.signed_date
                and order.signed_date + timedelta(days=order.company_id.lighting_filing_due_days) < today
            )

    def _search_filing_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on Filing Overdue."))
        overdue = self._filing_overdue_orders()
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", overdue.ids)]

    def _filing_overdue_orders(self):
        # sudo: only ids leave here; the caller's search applies the user's rules.
        signed = self.sudo().search_fetch([("contract_state", "=", "signed")], ["signed_date", "company_id"])
        return signed.filtered("filing_overdue").sudo(False)

    @api.depends("promised_production_date", "shipped_date")
    def _compute_shipping_late(self):
        today = fields.Date.context_today(self)
        for order in self:
            promised = order.promised_production_date
            order.shipping_late = bool(promised) and (order.shipped_date or today) > promised

    def _search_shipping_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on Shipping Late."))
        late = [
            "|",
            "&",
            ("shipped_date", "=", False),
            ("promised_production_date", "<", fields.Date.context_today(self)),
            ("shipped_after_promise", "=", True),
        ]
        return late if (operator == "=") == value else ["!"] + late

    @api.depends("promised_production_date", "shipped_date")
    def _compute_shipped_after_promise(self):
        for order in self:
            order.shipped_after_promise = bool(
                order.promised_production_date
                and order.shipped_date
                and order.shipped_date > order.promised_production_date
            )

    @api.depends("install_job_ids")
    def _compute_install_job_count(self):
        counts = dict(
            self.env["lighting.install.job"]._read_group(
                [("sale_order_id", "in", self.ids)], ["sale_order_id"], ["__count"]
            )
        )
        for order in self:
            order.install_job_count = counts.get(order, 0)

    @api.constrains("contract_state", "signed_contract", "state", "hq_filing_number")
    def _check_contract_state(self):
        for order in self:
            if order.contract_state != "unsigned" and not order.signed_contract:
                raise ValidationError(
                    _(
                        "%(order)s: attach the signed contract (field Signed Contract) "
                        "before the order is marked signed.",
                        order=order.name,
                    )
                )
            if order.contract_state != "unsigned" and order.state != "sale":
                raise ValidationError(
                    _(
                        "%(order)s: only a confirmed order can be signed or filed (field Status is “%(state)s”).",
                        order=order.name,
                        state=dict(order._fields["state"]._description_selection(self.env))[order.state],
                    )
                )
            if order.contract_state == "filed" and not order.hq_filing_number:
                raise ValidationError(
                    _("%(order)s: the field HQ Filing Number is required to file the contract.", order=order.name)
                )

    def write(self, vals):
        if not self.env.su:
            self._check_restricted_write(vals)
        res = super().write(vals)
        if vals.get("state") == "sale":
            self._check_contract_fields()
        return res

    def _check_restricted_write(self, vals):
        """Filing is head office's act; technical support touches only the production follow-up."""
        user = self.env.user
        if (FILING_FIELDS & set(vals) or vals.get("contract_state") == "filed") and not any(
            user.has_group(group) for group in HQ_GROUPS
        ):
            raise AccessError(
                _(
                    "%(orders)s: only HQ Finance or HQ Management record the HQ filing.",
                    orders=", ".join(self.mapped("name")),
                )
            )
        if not user.has_group("sales_team.group_sale_salesman") and set(vals) - FOLLOWUP_FIELDS:
            raise AccessError(
                _(
                    "%(orders)s: technical support may only record the production and shipping follow-up.",
                    orders=", ".join(self.mapped("name")),
                )
            )

    def request_validation(self):
        self._check_contract_fields()
        return super().request_validation()

    def _check_contract_fields(self):
        """R3.1.3: an office's quotation goes to review and becomes an order only with its
        payment terms, delivery date and contract terms."""
        for order in self.filtered("company_id.is_lighting_office"):
            missing = [
                order._fields[name]._description_string(self.env)
                for name in CONTRACT_FIELDS
                if not order[name] or (name == "contract_terms" and is_html_empty(order[name]))
            ]
            if missing:
                raise UserError(
                    _(
                        "%(order)s cannot be sent to review or confirmed: fill in %(fields)s.",
                        order=order.name,
                        fields=", ".join(missing),
                    )
                )

    # The steps of the order's flow (approval_flows.FLOWS["sale.order"]).
    @flow_step
    def action_quotation_send(self):
        return super().action_quotation_send()

    @flow_step
    def message_post(self, **kwargs):
        # Sending the quotation by e-mail marks it sent (mark_so_as_sent).
        return super().message_post(**kwargs)

    @flow_step
    def action_confirm(self):
        return super().action_confirm()

    @flow_step
    def _action_cancel(self):
        return super()._action_cancel()

    @flow_step
    def action_draft(self):
        return super().action_draft()

    def _action_confirm(self):
        res = super()._action_confirm()
        self.filtered("company_id.is_lighting_office")._create_install_jobs()
        return res

    def _create_install_jobs(self):
        # sudo: the jobs come with the confirmation the user was allowed to make;
        # salespeople only read jobs, after-sales staff work them. The order's chatter
        # already tells of the confirmation, and the salesperson who confirms does not
        # work the job: no creation note, no follower (the assigned staff follow it),
        # nothing to track yet.
        self.env["lighting.install.job"].sudo().with_context(tracking_disable=True).create(
            [
                {
                    "sale_order_id": order.id,
                    "company_id": order.company_id.id,
                    "partner_id": order.partner_shipping_id.id,
                    "planned_date": order.commitment_date or order.expected_date,
                }
                for order in self.sudo()
                if not order.install_job_ids
            ]
        )

    @api.model
    def _get_all_validation_exceptions(self):
        # The review freezes the approved contract in the form; what comes
        # after the approval (signing, production follow-up) stays editable.
        return super()._get_all_validation_exceptions() + [
            "signed_contract",
            "signed_contract_name",
            *FOLLOWUP_FIELDS,
        ]

    def _prints_in_chinese(self):
        """Offices' quotations and contracts print in Chinese (R3.1.3); head office's as Odoo does."""
        return self.company_id.is_lighting_office

    @api.model
    def _action_lighting_quotations(self):
        """Quotations menu: an office manager's queue is the quotations he is to review."""
        action = self.env["ir.actions.act_window"]._for_xml_id("lighting_office.action_lighting_quotations")
        if self.env.user.has_group("lighting_office.group_lighting_manager"):
            action["context"] = {"search_default_needs_review": 1}
        return action

    def action_mark_signed(self):
        for order in self:
            order.write({"contract_state": "signed", "signed_date": fields.Date.context_today(order)})

    def action_record_filing(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Record HQ Filing"),
            "res_model": "lighting.contract.filing.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_sale_order_id": self.id},
        }

    def action_view_install_jobs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lighting_office.action_install_job")
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {"default_sale_order_id": self.id}
        return action

    @api.model
    def _cron_remind_contract_filing(self):
        """R3.1.4: remind the salesperson of every signed contract not filed in time."""
        activity_type = self.env.ref("lighting_office.mail_activity_contract_filing")
        for order in self.search([("filing_overdue", "=", True)]):
            if activity_type not in order.activity_ids.activity_type_id:
                order.activity_schedule(
                    act_type_xmlid="lighting_office.mail_activity_contract_filing",
                    user_id=order.user_id.id or self.env.uid,
                    note=_("The signed contract has not been filed at head office yet."),
                )
