from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..approval_flows import flow_step


class HrExpenseSheet(models.Model):
    """An expense report is submitted with its receipts, then approved by the
    department head, the office manager and HQ Finance in turn (R4.2.1)."""

    _inherit = "hr.expense.sheet"

    lighting_trip_id = fields.Many2one(
        "lighting.business.trip",
        check_company=True,
        string="Business Trip",
        index="btree_not_null",
        tracking=True,
        domain="[('employee_id', '=', employee_id), ('state', 'in', ('approved', 'reported'))]",
        help="The approved business trip these expenses were spent on (R6.4.3).",
    )

    def _get_claimant_user(self):
        return self.employee_id.user_id

    def _get_department_head_user(self):
        return self.employee_id.department_id.manager_id.user_id

    def action_submit_sheet(self):
        self._check_receipts()
        self._check_preapprovals()
        self._check_trip_reports()
        result = super().action_submit_sheet()
        self.request_validation()
        return result

    # The steps of the report's flow (approval_flows.FLOWS["hr.expense.sheet"]).
    @flow_step
    def _do_submit(self):
        return super()._do_submit()

    @flow_step
    def _do_approve(self):
        return super()._do_approve()

    @flow_step
    def _do_refuse(self, reason):
        return super()._do_refuse(reason)

    @flow_step
    def _do_reset_approval(self):
        return super()._do_reset_approval()

    def _check_receipts(self):
        missing = self.expense_line_ids.filtered(lambda expense: not expense.attachment_ids)
        if missing:
            raise UserError(
                _(
                    "%(sheet)s: attach the receipt of %(expenses)s before submitting.",
                    sheet=missing[0].sheet_id.name,
                    expenses=", ".join(missing.mapped("name")),
                )
            )

    def _check_preapprovals(self):
        for expense in self.expense_line_ids:
            threshold = expense.company_id.lighting_expense_threshold
            preapproval = expense.lighting_preapproval_id
            covered = sum(
                expense.sheet_id.expense_line_ids.filtered(
                    lambda line: line.lighting_preapproval_id == preapproval
                ).mapped("total_amount")
            )
            if (
                threshold
                and expense.total_amount > threshold
                and (preapproval.state != "approved" or preapproval.amount < covered)
            ):
                raise UserError(
                    _(
                        "%(expense)s: its amount is above the office's threshold of %(threshold)s; the field "
                        "Pre-approval must name a request approved by head office for at least this amount.",
                        expense=expense.name,
                        threshold=threshold,
                    )
                )

    def validate_tier(self):
        self._check_not_own_claim()
        result = super().validate_tier()
        self.invalidate_recordset(["validated"])
        validated = self.filtered(lambda sheet: sheet.validated and sheet.approval_state == "submit")
        # R4.2.1: the last review approves the report, so Validate is its one approval
        # (hr_expense's Approve button is hidden on reviewed reports).
        return validated.action_approve_expense_sheets() or result if validated else result

    def reject_tier(self):
        self._check_not_own_claim()
        return super().reject_tier()

    def _check_not_own_claim(self):
        for sheet in self:
            if sheet._get_claimant_user() == self.env.user:
                raise AccessError(
                    _(
                        "%(sheet)s: nobody approves their own expense claim; the next level decides it.",
                        sheet=sheet.name,
                    )
                )

    @api.constrains("lighting_trip_id", "employee_id")
    def _check_trip_traveller(self):
        for sheet in self.filtered("lighting_trip_id"):
            if sheet.lighting_trip_id.employee_id != sheet.employee_id:
                raise ValidationError(
                    _(
                        "%(sheet)s: the field Business Trip names %(trip)s of another traveller.",
                        sheet=sheet.name,
                        trip=sheet.lighting_trip_id.name,
                    )
                )

    def _check_trip_reports(self):
        """R6.4.3: a trip's expense report is submitted once its trip report is filed."""
        for sheet in self.filtered("lighting_trip_id"):
            if sheet.lighting_trip_id.state != "reported":
                raise UserError(
                    _(
                        "%(sheet)s: file the trip report of %(trip)s (field Business Trip) before submitting "
                        "its expenses.",
                        sheet=sheet.name,
                        trip=sheet.lighting_trip_id.name,
                    )
                )
