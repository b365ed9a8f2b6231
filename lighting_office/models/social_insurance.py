from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

INSURANCE_KINDS = [
    ("pension", "Pension Insurance"),
    ("medical", "Medical Insurance"),
    ("unemployment", "Unemployment Insurance"),
    ("work_injury", "Work Injury Insurance"),
    ("maternity", "Maternity Insurance"),
    ("housing_fund", "Housing Provident Fund"),
]


class LightingSocialInsurance(models.Model):
    """An employee's social insurance and housing fund (五险一金, R5.4): the
    base and the employer's and employee's rate of each of the six."""

    _name = "lighting.social.insurance"
    _description = "Social Insurance and Housing Fund"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "lighting.employee.record.mixin", "lighting.made.name.mixin"]
    _order = "date_from desc, employee_id"

    date_from = fields.Date(string="Valid From", required=True, tracking=True, default=fields.Date.context_today)
    line_ids = fields.One2many(
        "lighting.social.insurance.line",
        "insurance_id",
        string="Insurances",
        copy=True,
        default=lambda self: [fields.Command.create({"kind": kind}) for kind, _label in INSURANCE_KINDS],
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    employer_amount = fields.Monetary(string="Employer per Month", compute="_compute_amounts", store=True)
    employee_amount = fields.Monetary(string="Employee per Month", compute="_compute_amounts", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Force"), ("closed", "Ended")],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.depends("employee_id.name", "date_from")
    @api.depends_context("lang")
    def _compute_name(self):
        for insurance in self:
            insurance.name = _(
                "%(employee)s social insurance from %(date)s",
                employee=insurance.employee_id.name,
                date=insurance.date_from,
            )

    def _search_name(self, operator, value):
        return [("employee_id.name", operator, value)]

    @api.depends("line_ids.employer_amount", "line_ids.employee_amount")
    def _compute_amounts(self):
        for insurance in self:
            insurance.employer_amount = sum(insurance.line_ids.mapped("employer_amount"))
            insurance.employee_amount = sum(insurance.line_ids.mapped("employee_amount"))

    @api.constrains("line_ids")
    def _check_all_six(self):
        labels = dict(INSURANCE_KINDS)
        for insurance in self:
            kinds = insurance.line_ids.mapped("kind")
            missing = [labels[kind] for kind in labels if kind not in kinds]
            if missing or len(kinds) != len(set(kinds)):
                raise ValidationError(
                    _(
                        "%(name)s: the field Insurances must hold each of the five insurances and the "
                        "housing fund once (missing: %(missing)s).",
                        name=insurance.name,
                        missing=", ".join(missing) or "-",
                    )
                )

    def action_activate(self):
        self.write({"state": "active"})

    def action_close(self):
        self.write({"state": "closed"})

    def action_reset_draft(self):
        self.write({"state": "draft"})
