from odoo import api, fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    lighting_department_id = fields.Many2one(
        "hr.department",
        string="Department",
        index="btree_not_null",
        compute="_compute_lighting_department_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The office department the amount counts against in budget versus actual (R4.1.3): "
        "the claimant's for an expense, by default the salesperson's for an invoice.",
    )

    @api.depends("move_id.invoice_user_id", "display_type")
    def _compute_lighting_department_id(self):
        # Only lines without a department get one: a department given on purpose
        # (an expense's claimant) stays when the move's salesperson is computed.
        # Only product lines carry revenue, cost or expense: tax and payment-term lines,
        # created in later batches, need no department and no employee search.
        lines = self.filtered(
            lambda line: (
                line.display_type == "product" and not line.lighting_department_id and line.move_id.invoice_user_id
            )
        )
        if not lines:
            return
        # sudo: whoever invoices may not read employees; only the department id is copied.
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search_fetch(
                [("user_id", "in", lines.move_id.invoice_user_id.ids), ("department_id", "!=", False)],
                ["user_id", "company_id", "department_id"],
            )
        )
        department_of = {(employee.user_id, employee.company_id): employee.department_id for employee in employees}
        for line in lines:
            line.lighting_department_id = department_of.get((line.move_id.invoice_user_id, line.company_id))
