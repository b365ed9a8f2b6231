from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    collection_log_ids = fields.One2many("lighting.collection.log", "move_id")
    payment_difficulty = fields.Boolean(
        tracking=True,
        copy=False,
        help="The customer reported difficulty paying: escalated to the office manager and HQ Finance.",
    )
    days_overdue = fields.Integer(compute="_compute_days_overdue")

    @api.depends("invoice_date_due", "payment_state")
    def _compute_days_overdue(self):
        today = fields.Date.context_today(self)
        for move in self:
            due = move.invoice_date_due
            unpaid = move.payment_state in ("not_paid", "partial")
            move.days_overdue = max((today - due).days, 0) if due and unpaid else 0

    @api.model
    def _overdue_domain(self):
        return [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
            ("invoice_date_due", "<", fields.Date.context_today(self)),
        ]

    @api.model
    def _cron_escalate_collection(self):
        """R3.1.6: invoices overdue past the office's limit, or in payment difficulty,
        go to the office manager and HQ Finance."""
        hq_finance = self.env.ref("lighting_office.group_lighting_hq_finance").users
        activity = self.env.ref("lighting_office.mail_activity_collection_escalation")
        candidates = self.search(self._overdue_domain() + [("company_id.is_lighting_office", "=", True)])
        for move in candidates:
            limit = move.company_id.lighting_collection_escalation_days
            if move.days_overdue <= limit and not move.payment_difficulty:
                continue
            notified = move.activity_ids.filtered(lambda a: a.activity_type_id == activity).user_id
            for user in (move.company_id.office_manager_id | hq_finance) - notified:
                move.activity_schedule(
                    act_type_xmlid="lighting_office.mail_activity_collection_escalation",
                    user_id=user.id,
                    note=self.env._(
                        "%(invoice)s of %(customer)s is %(days)s days overdue.",
                        invoice=move.name,
                        customer=move.partner_id.name,
                        days=move.days_overdue,
                    ),
                )
