from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .training import TRAINING_FORMS, TRAINING_TYPES


class LightingTrainingPlanLine(models.Model):
    """A course planned for an employee, done once a training record of it is done (R5.2)."""

    _name = "lighting.training.plan.line"
    _description = "Planned Course"
    _check_company_auto = True
    _order = "plan_id, date_planned, id"

    plan_id = fields.Many2one("lighting.training.plan", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, string="Office")
    name = fields.Char(string="Course", required=True)
    training_type = fields.Selection(TRAINING_TYPES, string="Type", required=True, default="business")
    training_form = fields.Selection(TRAINING_FORMS, string="Form", required=True, default="internal")
    date_planned = fields.Date(string="Planned By")
    planned_hours = fields.Float()
    training_ids = fields.One2many("lighting.training", "plan_line_id", string="Training Records")
    is_done = fields.Boolean(string="Completed", compute="_compute_is_done", store=True)

    @api.depends("training_ids.state")
    def _compute_is_done(self):
        for line in self:
            line.is_done = "done" in line.training_ids.mapped("state")

    @api.constrains("planned_hours")
    def _check_planned_hours(self):
        for line in self:
            if line.planned_hours < 0:
                raise ValidationError(
                    _(
                        "%(plan)s, course %(course)s: the field Planned Hours cannot be negative.",
                        plan=line.plan_id.name,
                        course=line.name,
                    )
                )
