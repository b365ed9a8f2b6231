from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

BIRTHDAY_NOTICE_DAYS = 7


class LightingWelfareBenefit(models.Model):
    """A holiday or birthday benefit for an employee, planned then given (R5.4)."""

    _name = "lighting.welfare.benefit"
    _description = "Holiday and Birthday Benefit"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "lighting.employee.record.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["name", "employee_id.name"]

    name = fields.Char(
        string="Benefit",
        tracking=True,
        help="Left empty, the benefit is named after its occasion and employee, in the reader's language.",
    )
    occasion = fields.Selection(
        [
            ("birthday", "Birthday"),
            ("spring_festival", "Spring Festival"),
            ("dragon_boat", "Dragon Boat Festival"),
            ("mid_autumn", "Mid-Autumn Festival"),
            ("other", "Other Holiday"),
        ],
        required=True,
        default="birthday",
        tracking=True,
    )
    date = fields.Date(required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(tracking=True)
    note = fields.Text()
    state = fields.Selection(
        [("planned", "Planned"), ("given", "Given"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )

    @api.depends("name", "occasion", "employee_id.name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        occasions = dict(self._fields["occasion"]._description_selection(self.env))
        for benefit in self:
            benefit.display_name = benefit.name or _(
                "%(occasion)s benefit of %(employee)s",
                occasion=occasions[benefit.occasion],
                employee=benefit.employee_id.name,
            )

    @api.constrains("amount")
    def _check_amount(self):
        for benefit in self:
            if benefit.amount < 0:
                raise ValidationError(
                    _("Benefit %(name)s: the field Amount cannot be negative.", name=benefit.display_name)
                )

    def action_given(self):
        self.write({"state": "given"})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_cancel(self):
        self.write({"state": "cancel"})

    @api.model
    def _cron_plan_birthday_benefits(self, today=None):
        """Plan the birthday benefit of every office employee whose birthday
        comes within a week, and remind the office manager to give it."""
        today = today or fields.Date.context_today(self)
        horizon = [today + timedelta(days=offset) for offset in range(BIRTHDAY_NOTICE_DAYS + 1)]
        employees = self.env["hr.employee"].search(
            [("company_id.is_lighting_office", "=", True), ("birthday", "!=", False)]
        )
        upcoming = {}
        for employee in employees:
            for day in horizon:
                if (employee.birthday.month, employee.birthday.day) == (day.month, day.day):
                    upcoming[employee] = day
        planned = self.search(
            [
                ("occasion", "=", "birthday"),
                ("employee_id", "in", [e.id for e in upcoming]),
                ("date", ">=", date(today.year, 1, 1)),
            ]
        )
        already = set(planned.mapped("employee_id"))
        benefits = self.create(
            [
                {
                    "occasion": "birthday",
                    "employee_id": employee.id,
                    "date": day,
                }
                for employee, day in upcoming.items()
                if employee not in already
            ]
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model,
                    "res_id": benefit.id,
                    "activity_type_id": todo.id,
                    "automated": True,
                    "date_deadline": benefit.date - timedelta(days=1),
                    "summary": _(
                        "Birthday of %(employee)s on %(date)s", employee=benefit.employee_id.name, date=benefit.date
                    ),
                    "user_id": benefit.company_id.office_manager_id.id,
                }
                for benefit in benefits.filtered("company_id.office_manager_id")
            ]
        )
        return benefits
