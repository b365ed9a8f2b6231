from datetime import date

from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    lighting_training_ids = fields.One2many("lighting.training", "employee_id", string="Trainings")
    lighting_appraisal_ids = fields.One2many(
        "lighting.appraisal",
        "employee_id",
        string="Appraisals",
        groups="hr.group_hr_user",
    )
    lighting_training_hours = fields.Float(
        string="Training Hours This Year",
        compute="_compute_lighting_training",
        groups="hr.group_hr_user",
    )
    lighting_training_cost = fields.Float(
        string="Training Cost This Year",
        compute="_compute_lighting_training",
        groups="hr.group_hr_user",
    )

    def _compute_lighting_training(self):
        # One grouped query for every employee shown (R5.2 hours and cost).
        year_start = date(fields.Date.context_today(self).year, 1, 1)
        totals = {
            employee: (hours, cost)
            for employee, hours, cost in self.env["lighting.training"]._read_group(
                [("employee_id", "in", self.ids), ("state", "=", "done"), ("date_start", ">=", year_start)],
                ["employee_id"],
                ["hours:sum", "cost:sum"],
            )
        }
        for employee in self:
            employee.lighting_training_hours, employee.lighting_training_cost = totals.get(employee, (0.0, 0.0))
