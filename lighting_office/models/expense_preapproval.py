from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..approval_flows import flow_step


class LightingExpensePreapproval(models.Model):
    """A large expense approved by head office before it is spent (R4.2.2)."""

    _name = "lighting.expense.preapproval"
    _description = "Expense Pre-approval"
    _check_company_auto = True
    _inherit = ["tier.validation", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    _state_from = ["draft"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        tracking=True,
        default=lambda self: self.env.company,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        required=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id,
        domain="[('company_id', '=', company_id)]",
    )
    purpose = fields.Text(required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(string="Approved Amount", required=True, tracking=True)
    expense_ids = fields.One2many("hr.expense", "lighting_preapproval_id", string="Expenses", readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("lighting.expense.preapproval") or "/"
        return super().create(vals_list)

    def _get_claimant_user(self):
        return self.employee_id.user_id

    @flow_step
    def action_confirm(self):
        for request in self:
            if request.amount <= 0:
                raise UserError(_("%(request)s: the field Approved Amount must be positive.", request=request.name))
        self.write({"state": "approved"})

    @flow_step
    def action_cancel(self):
        self.write({"state": "cancel"})

    @flow_step
    def action_reset_draft(self):
        self.write({"state": "draft"})
        self.restart_validation()
