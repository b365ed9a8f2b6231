from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LightingAppraisalPeriod(models.Model):
    """An appraisal period of an office (R5.3), e.g. a quarter or a year."""

    _name = "lighting.appraisal.period"
    _description = "Appraisal Period"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        default=lambda self: self.env.company,
        domain=[("is_lighting_office", "=", True)],
        tracking=True,
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    appraisal_ids = fields.One2many("lighting.appraisal", "period_id", string="Appraisals")
    appraisal_count = fields.Integer(compute="_compute_appraisal_count")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.depends("appraisal_ids")
    def _compute_appraisal_count(self):
        for period in self:
            period.appraisal_count = len(period.appraisal_ids)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for period in self:
            if period.date_end < period.date_start:
                raise ValidationError(_("Appraisal period %(name)s: the field End is before Start.", name=period.name))

    def action_open(self):
        self.write({"state": "open"})

    def action_close(self):
        self.write({"state": "closed"})

    def action_reset_draft(self):
        self.write({"state": "draft"})
