from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

CONFIDENTIALITY = [
    ("public", "Public"),
    ("internal", "Internal"),
    ("confidential", "Confidential"),
    ("secret", "Secret"),
]


class LightingArchiveFile(models.Model):
    """A file of the office's archive ledger, on paper or electronic (R6.2.2).
    Who may read it depends on its confidentiality (record rules, R6.2.3)."""

    _name = "lighting.archive.file"
    _description = "Archive File"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "company_id, code"
    _rec_names_search = ["name", "code"]

    code = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    name = fields.Char(string="Title", required=True, tracking=True)
    class_id = fields.Many2one("lighting.document.class", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    medium = fields.Selection(
        [("paper", "Paper"), ("electronic", "Electronic")], required=True, default="paper", tracking=True
    )
    location = fields.Char(required=True, tracking=True, help="Cabinet and shelf, or the electronic archive.")
    attachment_ids = fields.Many2many("ir.attachment", string="Electronic Copy")
    confidentiality = fields.Selection(CONFIDENTIALITY, required=True, default="internal", tracking=True)
    date_filed = fields.Date(string="Filed on", required=True, default=fields.Date.context_today, tracking=True)
    retention_years = fields.Integer(
        string="Retention (years)",
        compute="_compute_retention_years",
        store=True,
        readonly=False,
        tracking=True,
        help="0 = kept permanently.",
    )
    date_review = fields.Date(
        string="Review or Destruction Date",
        compute="_compute_date_review",
        store=True,
        help="When the retention period ends and the file is reviewed for destruction.",
    )
    document_id = fields.Many2one("lighting.document", check_company=True, string="Office Document", readonly=True)
    loan_ids = fields.One2many("lighting.archive.loan", "file_id", string="Loans")
    borrower_id = fields.Many2one(
        "res.users",
        string="On Loan to",
        compute="_compute_borrower_id",
        store=True,
        index=True,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("retention_positive", "check(retention_years >= 0)", "A retention period cannot be negative."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("code", "/") == "/":
                vals["code"] = self.env["ir.sequence"].next_by_code("lighting.archive.file") or "/"
        return super().create(vals_list)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for archive_file in self:
            archive_file.display_name = f"[{archive_file.code}] {archive_file.name}"

    @api.depends("class_id")
    def _compute_retention_years(self):
        for archive_file in self:
            archive_file.retention_years = archive_file.class_id.retention_years

    @api.depends("date_filed", "retention_years")
    def _compute_date_review(self):
        for archive_file in self:
            years = archive_file.retention_years
            archive_file.date_review = (
                archive_file.date_filed and years and (archive_file.date_filed + relativedelta(years=years))
            )

    @api.depends("loan_ids.state", "loan_ids.borrower_id")
    def _compute_borrower_id(self):
        for archive_file in self:
            loan = archive_file.loan_ids.filtered(lambda loan: loan.state == "borrowed")[:1]
            archive_file.borrower_id = loan.borrower_id
