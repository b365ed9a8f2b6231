from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LightingOfficeTarget(models.Model):
    """A sales target of an office (or one salesperson) over whole months (R1.3)."""

    _name = "lighting.office.target"
    _description = "Office Sales Target"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, company_id, id"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        default=lambda self: self.env.company,
        domain=[("is_lighting_office", "=", True)],
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        help="Leave empty for a target of the whole office.",
        tracking=True,
    )
    date_start = fields.Date(
        string="From",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_end = fields.Date(
        string="To",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1) + relativedelta(months=1, days=-1),
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    target_amount = fields.Monetary(string="Target", required=True, tracking=True)
    achieved_amount = fields.Monetary(
        string="Achieved",
        compute="_compute_achieved",
        help="Untaxed amount of the office's confirmed orders dated within the period.",
    )
    achievement_rate = fields.Float(string="Achievement (%)", compute="_compute_achieved")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Force"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.constrains("date_start", "date_end", "target_amount")
    def _check_period_and_amount(self):
        for target in self:
            if target.date_end < target.date_start:
                raise ValidationError(_("Target %(name)s: the field To is before From.", name=target.name))
            if target.date_start.day != 1 or (target.date_end + relativedelta(days=1)).day != 1:
                raise ValidationError(
                    _(
                        "Target %(name)s: the period must cover whole months "
                        "(From on the 1st, To on a month's last day).",
                        name=target.name,
                    )
                )
            if target.target_amount < 0:
                raise ValidationError(_("Target %(name)s: the field Target cannot be negative.", name=target.name))

    @api.depends("company_id", "user_id", "date_start", "date_end", "target_amount")
    def _compute_achieved(self):
        by_user, by_office = self._achieved_by_month()
        for target in self:
            amount = 0.0
            month = target.date_start
            while month and month <= target.date_end:
                if target.user_id:
                    amount += by_user[target.company_id.id, target.user_id.id, month]
                else:
                    amount += by_office[target.company_id.id, month]
                month += relativedelta(months=1)
            target.achieved_amount = amount
            target.achievement_rate = 100.0 * amount / target.target_amount if target.target_amount else 0.0

    def _achieved_by_month(self):
        """Confirmed sales by office, salesperson and month, in one grouped query."""
        by_user, by_office = defaultdict(float), defaultdict(float)
        targets = self.filtered(lambda t: t.company_id and t.date_start and t.date_end)
        if not targets:
            return by_user, by_office
        # sudo: a salesperson's office target counts every order of the office,
        # including those the salesperson may not read; only sums leave here.
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "in", targets.company_id.ids),
                    ("state", "=", "sale"),
                    ("date_order", ">=", min(targets.mapped("date_start"))),
                    ("date_order", "<", max(targets.mapped("date_end")) + relativedelta(days=1)),
                ],
                ["company_id", "user_id", "date_order:month"],
                ["amount_untaxed:sum"],
            )
        )
        for company, user, month, amount in groups:
            by_user[company.id, user.id, month.date()] += amount
            by_office[company.id, month.date()] += amount
        return by_user, by_office

    def action_activate(self):
        self.write({"state": "active"})

    def action_close(self):
        self.write({"state": "closed"})

    def action_reset_draft(self):
        self.write({"state": "draft"})
