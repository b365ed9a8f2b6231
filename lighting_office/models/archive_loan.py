from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..approval_flows import flow_step

HQ_LEVELS = ("confidential", "secret")


class LightingArchiveLoan(models.Model):
    """Borrowing an archive file: requested with a purpose and due date,
    approved by the office manager and, for confidential or secret files, by
    HQ Management; handed over and returned on record (R6.2.3)."""

    _name = "lighting.archive.loan"
    _description = "Archive File Loan"
    _check_company_auto = True
    _inherit = [
        "tier.validation",
        "mail.thread",
        "mail.activity.mixin",
        "lighting.todo.mixin",
        "lighting.overdue.mixin",
    ]
    _order = "id desc"
    _overdue_state = "borrowed"

    _state_from = ["draft"]
    _state_to = ["borrowed"]
    _tier_validation_manual_config = False

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    file_id = fields.Many2one("lighting.archive.file", required=True, tracking=True, index=True)
    confidentiality = fields.Selection(related="file_id.confidentiality", store=True)
    company_id = fields.Many2one(related="file_id.company_id", store=True, string="Office")
    borrower_id = fields.Many2one("res.users", required=True, tracking=True, default=lambda self: self.env.user)
    purpose = fields.Text(required=True)
    date_due = fields.Date(
        string="Due Date",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=14),
    )
    date_borrowed = fields.Date(string="Borrowed on", readonly=True, copy=False, tracking=True)
    date_returned = fields.Date(string="Returned on", readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [("draft", "Requested"), ("borrowed", "Borrowed"), ("returned", "Returned"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("lighting.archive.loan") or "/"
        loans = super().create(vals_list)
        loans._check_file_readable()
        return loans

    def write(self, vals):
        if (
            vals.get("state") in ("borrowed", "returned")
            or {"date_borrowed", "date_returned"} & set(vals)
            or ("date_due" in vals and self.filtered(lambda loan: loan.state != "draft"))
        ):
            self._check_archive_keeper()
        if vals.get("state") == "borrowed":
            self._check_may_borrow()
        if vals.get("state") == "returned":
            self._check_may_return()
        result = super().write(vals)
        if "file_id" in vals:
            self._check_file_readable()
        return result

    def _check_file_readable(self):
        """Nobody requests a file they may not read: the loan would show it to them."""
        if not self.env.su:
            self.file_id.check_access("read")

    def request_validation(self):
        today = fields.Date.context_today(self)
        for loan in self:
            if loan.date_due < today:
                raise UserError(
                    _("%(loan)s: the field Due Date (%(date)s) is in the past.", loan=loan.name, date=loan.date_due)
                )
        return super().request_validation()

    @api.constrains("date_due")
    def _check_date_due(self):
        """A loan is not requested due in the past (R6.2.3); once lent, only the
        office manager moves its due date (_check_archive_keeper)."""
        today = fields.Date.context_today(self)
        for loan in self.filtered(lambda loan: loan.state == "draft"):
            if loan.date_due < today:
                raise ValidationError(
                    _("%(loan)s: the field Due Date (%(date)s) is in the past.", loan=loan.name, date=loan.date_due)
                )

    def _check_archive_keeper(self):
        if not self.env.su and not self.env.user.has_group("lighting_office.group_lighting_manager"):
            raise AccessError(
                _(
                    "%(loan)s: only the office manager records that a file is handed over or "
                    "returned, or changes its due date once lent.",
                    loan=self[:1].name,
                )
            )

    def _check_may_borrow(self):
        for loan in self:
            if loan.state != "draft":
                raise UserError(
                    _(
                        "%(loan)s: the field Status is “%(state)s”, so the file cannot be borrowed.",
                        loan=loan.name,
                        state=loan._selection_label("state"),
                    )
                )
            if loan.confidentiality in HQ_LEVELS and not loan._hq_approved():
                raise UserError(
                    _(
                        "%(loan)s: the file %(file)s is %(level)s (field Confidentiality); "
                        "it cannot be borrowed before HQ Management approves the loan.",
                        loan=loan.name,
                        file=loan.file_id.sudo().display_name,
                        level=loan._selection_label("confidentiality"),
                    )
                )

    def _selection_label(self, field_name):
        return dict(self._fields[field_name]._description_selection(self.env))[self[field_name]]

    def _hq_approved(self):
        hq_management = self.env.ref("lighting_office.group_lighting_hq_management")
        # sudo: only whether an HQ Management member approved is read; the
        # user handing the file over may not read every review or reviewer.
        return any(
            review.status == "approved" and hq_management in review.done_by.groups_id
            for review in self.sudo().review_ids
        )

    def _check_may_return(self):
        for loan in self:
            if loan.state == "returned":
                raise UserError(
                    _(
                        "%(loan)s: the file %(file)s was already returned (field Returned on is %(date)s).",
                        loan=loan.name,
                        file=loan.file_id.sudo().display_name,
                        date=loan.date_returned,
                    )
                )
            if loan.state != "borrowed":
                raise UserError(
                    _(
                        "%(loan)s: the file %(file)s was never borrowed (field Borrowed on is empty); "
                        "it cannot be returned.",
                        loan=loan.name,
                        file=loan.file_id.sudo().display_name,
                    )
                )

    @flow_step
    def action_borrow(self):
        """The archive keeper hands the approved file over."""
        self.write({"state": "borrowed", "date_borrowed": fields.Date.context_today(self)})

    @flow_step
    def action_return(self):
        self.write({"state": "returned", "date_returned": fields.Date.context_today(self)})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    @flow_step
    def action_cancel(self):
        self.filtered(lambda loan: loan.state == "draft").write({"state": "cancel"})

    @api.model
    def _cron_remind_overdue(self):
        """Give each borrower of an overdue file one reminder activity."""
        loans = self.search([("is_overdue", "=", True), ("activity_ids", "=", False)])
        loans._schedule_todos(
            user=lambda loan: loan.borrower_id,
            summary=lambda loan: loan.env._("Return the borrowed file %(file)s", file=loan.file_id.display_name),
            deadline=lambda loan: loan.date_due,
        )
        return loans
