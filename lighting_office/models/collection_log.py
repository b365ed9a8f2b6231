from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LightingCollectionLog(models.Model):
    """One step of collecting an overdue invoice (R3.1.6)."""

    _name = "lighting.collection.log"
    _description = "Collection Log"
    _check_company_auto = True
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted')]",
    )
    partner_id = fields.Many2one(related="move_id.partner_id", store=True, string="Customer")
    company_id = fields.Many2one(related="move_id.company_id", store=True, string="Office")
    date = fields.Date(required=True, default=fields.Date.context_today)
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("mail", "Mail"),
            ("visit", "Visit"),
            ("letter", "Dunning Letter"),
            ("legal", "Legal Action"),
        ],
        required=True,
        default="phone",
    )
    reason = fields.Text(string="Reason Given")
    promised_date = fields.Date(string="Promised Payment Date")
    action_taken = fields.Text()
    payment_difficulty = fields.Boolean(help="The customer cannot pay as agreed: escalate.")
    user_id = fields.Many2one("res.users", string="By", default=lambda self: self.env.user)

    @api.constrains("promised_date", "date")
    def _check_promised_date(self):
        today = fields.Date.context_today(self)
        for log in self.filtered("promised_date"):
            if log.promised_date < today:
                raise ValidationError(
                    _(
                        "%(invoice)s: the field Promised Payment Date (%(date)s) is in the past.",
                        invoice=log.move_id.name,
                        date=log.promised_date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        logs = super().create(vals_list)
        # sudo: sales may not write invoices; the flag only records what the log says.
        logs.filtered("payment_difficulty").move_id.sudo().payment_difficulty = True
        return logs
