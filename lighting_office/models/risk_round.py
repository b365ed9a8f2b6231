from odoo import _, api, fields, models


class LightingRiskRound(models.Model):
    """A quarterly identification round: the office manager reviews the
    office's risks and adds new ones (R7.1.1)."""

    _name = "lighting.risk.round"
    _description = "Risk Identification Round"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "lighting.office.round.mixin"]
    _order = "date_start desc, company_id"

    name = fields.Char(compute="_compute_name", store=True)
    date_start = fields.Date(string="Quarter", required=True)
    risk_ids = fields.One2many("lighting.risk", "round_id", string="Risks Identified")
    risk_count = fields.Integer(compute="_compute_risk_count")

    _sql_constraints = [
        (
            "office_quarter_unique",
            "unique(company_id, date_start)",
            "An office has one identification round per quarter.",
        ),
    ]

    @api.depends("date_start", "company_id")
    def _compute_name(self):
        for round_ in self:
            start = round_.date_start
            round_.name = start and _(
                "%(office)s %(year)s Q%(quarter)s",
                office=round_.company_id.name,
                year=start.year,
                quarter=(start.month - 1) // 3 + 1,
            )

    @api.depends("risk_ids")
    def _compute_risk_count(self):
        for round_ in self:
            round_.risk_count = len(round_.risk_ids)

    def action_open_register(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Risks of %(office)s", office=self.company_id.name),
            "res_model": "lighting.risk",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("company_id", "=", self.company_id.id)],
            "context": {"default_company_id": self.company_id.id, "default_round_id": self.id},
        }

    @api.model
    def _cron_open_quarterly_rounds(self):
        """Open this quarter's round for every office with a manager, once."""
        today = fields.Date.context_today(self)
        quarter = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        return self._open_office_rounds(
            quarter, lambda round_: round_.env._("Review the office's risks and add new ones")
        )
