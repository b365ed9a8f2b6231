from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class LightingCleaningPlan(models.Model):
    """A recurring cleaning or disinfection task of an area: what, who and when (R6.1)."""

    _name = "lighting.cleaning.plan"
    _description = "Recurring Cleaning Task"
    _check_company_auto = True
    _order = "area_id, sequence, id"

    name = fields.Char(string="Task", required=True)
    sequence = fields.Integer(default=10)
    area_id = fields.Many2one("lighting.cleaning.area", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="area_id.company_id", store=True, index=True)
    active = fields.Boolean(default=True)
    task_type = fields.Selection(
        [("cleaning", "Cleaning"), ("disinfection", "Disinfection")],
        string="Type",
        required=True,
        default="cleaning",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        string="Responsible",
        required=True,
        domain="[('company_id', '=', company_id)]",
    )
    frequency = fields.Selection(
        [("daily", "Daily"), ("weekly", "Weekly"), ("monthly", "Monthly")], required=True, default="daily"
    )
    weekday = fields.Selection(WEEKDAYS, string="Day of the Week", default="0")
    month_day = fields.Integer(string="Day of the Month", default=1)
    date_start = fields.Date(
        string="Starts On",
        required=True,
        default=fields.Date.context_today,
        help="No task is scheduled before this date.",
    )

    @api.constrains("month_day", "frequency", "weekday")
    def _check_when(self):
        for plan in self:
            if plan.frequency == "monthly" and not 1 <= plan.month_day <= 28:
                raise ValidationError(
                    _(
                        "%(area)s, %(task)s: the field Day of the Month must be between 1 and 28.",
                        area=plan.area_id.name,
                        task=plan.name,
                    )
                )
            if plan.frequency == "weekly" and not plan.weekday:
                raise ValidationError(
                    _(
                        "%(area)s, %(task)s: the field Day of the Week is empty.",
                        area=plan.area_id.name,
                        task=plan.name,
                    )
                )

    def _due_date(self, day):
        """The date this task is due in the period (day, week or month) containing `day`."""
        self.ensure_one()
        if self.frequency == "weekly":
            return day + timedelta(days=int(self.weekday) - day.weekday())
        if self.frequency == "monthly":
            return day.replace(day=self.month_day)
        return day
