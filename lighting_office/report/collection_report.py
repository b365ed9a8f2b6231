from odoo import fields, models
from odoo.tools import SQL


class LightingCollectionReport(models.Model):
    """Overdue customer invoices with their aging bucket (R3.1.6), one SQL query
    so that the report groups in the database whatever the volume."""

    _name = "lighting.collection.report"
    _description = "Overdue Receivables"
    _auto = False
    _order = "days_overdue desc"

    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    company_id = fields.Many2one("res.company", string="Office", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    invoice_date_due = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    aging_bucket = fields.Selection(
        [("1_30", "1-30 days"), ("31_60", "31-60 days"), ("61_90", "61-90 days"), ("over_90", "Over 90 days")],
        string="Aging",
        readonly=True,
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    amount_residual = fields.Monetary(string="Amount Due", readonly=True)
    payment_difficulty = fields.Boolean(readonly=True)

    @property
    def _table_query(self):
        # Days overdue count from the reader's own day (fields.Date.context_today), not the database
        # server's CURRENT_DATE: between 00:00 and 08:00 in China the two differ by one.
        today = fields.Date.context_today(self)
        return SQL(
            """
            SELECT m.id,
                   m.id AS move_id,
                   m.company_id,
                   m.commercial_partner_id AS partner_id,
                   m.invoice_user_id AS user_id,
                   m.invoice_date_due,
                   (%(today)s::date - m.invoice_date_due) AS days_overdue,
                   CASE
                       WHEN %(today)s::date - m.invoice_date_due <= 30 THEN '1_30'
                       WHEN %(today)s::date - m.invoice_date_due <= 60 THEN '31_60'
                       WHEN %(today)s::date - m.invoice_date_due <= 90 THEN '61_90'
                       ELSE 'over_90'
                   END AS aging_bucket,
                   c.currency_id,
                   m.amount_residual_signed AS amount_residual,
                   COALESCE(m.payment_difficulty, FALSE) AS payment_difficulty
              FROM account_move m
              JOIN res_company c ON c.id = m.company_id
             WHERE m.move_type = 'out_invoice'
               AND m.state = 'posted'
               AND m.payment_state IN ('not_paid', 'partial')
               AND m.invoice_date_due < %(today)s::date
            """,
            today=today,
        )
