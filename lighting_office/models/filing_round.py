from odoo import _, api, fields, models


class LightingFilingRound(models.Model):
    """The monthly filing round of an office: issued documents still to file
    and files whose retention period has ended (R6.2.2)."""

    _name = "lighting.filing.round"
    _description = "Filing Round"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "lighting.office.round.mixin"]
    _order = "date_start desc, company_id"

    name = fields.Char(compute="_compute_name", store=True)
    date_start = fields.Date(string="Month", required=True)
    document_ids = fields.Many2many(
        "lighting.document",
        compute="_compute_to_do",
        string="Documents to File",
    )
    file_ids = fields.Many2many(
        "lighting.archive.file",
        compute="_compute_to_do",
        string="Files Due for Review",
    )
    note = fields.Html(string="Notes")

    _sql_constraints = [
        ("office_month_unique", "unique(company_id, date_start)", "An office has one filing round a month."),
    ]

    @api.depends("date_start", "company_id")
    def _compute_name(self):
        for round_ in self:
            round_.name = round_.date_start and _(
                "%(office)s filing %(month)s",
                office=round_.company_id.name,
                month=round_.date_start.strftime("%Y-%m"),
            )

    @api.depends("company_id", "date_deadline")
    def _compute_to_do(self):
        documents = self.env["lighting.document"].search(
            [("state", "=", "issued"), ("company_id", "in", self.company_id.ids)]
        )
        files = self.env["lighting.archive.file"].search(
            [("date_review", "!=", False), ("company_id", "in", self.company_id.ids)]
        )
        for round_ in self:
            round_.document_ids = documents.filtered(
                lambda document, office=round_.company_id: document.company_id == office
            )
            round_.file_ids = files.filtered(
                lambda archive_file, round_=round_: (
                    archive_file.company_id == round_.company_id and archive_file.date_review <= round_.date_deadline
                )
            )

    @api.model
    def _cron_open_monthly_rounds(self):
        """Open this month's round for every office with a manager, once."""
        month = fields.Date.context_today(self).replace(day=1)
        return self._open_office_rounds(
            month, lambda round_: round_.env._("Filing round: file the issued documents, review files due")
        )
