from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

TRAINING_TYPES = [
    ("business", "Business Knowledge"),
    ("technical", "Technical Skills"),
    ("management", "Management"),
    ("communication", "Communication"),
]
TRAINING_FORMS = [
    ("internal", "Internal"),
    ("external", "External"),
    ("online", "Online"),
    ("on_the_job", "On the Job"),
]


class LightingTraining(models.Model):
    """A course an employee took, or an industry event attended (R5.2)."""

    _name = "lighting.training"
    _description = "Employee Training"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "lighting.employee.record.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(string="Course", required=True, tracking=True)
    kind = fields.Selection(
        [("course", "Training Course"), ("event", "Industry Event")],
        required=True,
        default="course",
        tracking=True,
        help="Industry events are trade shows, forums and academic exchanges attended.",
    )
    company_id = fields.Many2one(tracking=True)
    training_type = fields.Selection(TRAINING_TYPES, string="Type", required=True, default="business")
    training_form = fields.Selection(TRAINING_FORMS, string="Form", required=True, default="internal")
    date_start = fields.Date(string="Start", required=True, default=fields.Date.context_today)
    date_end = fields.Date(string="End", required=True, default=fields.Date.context_today)
    hours = fields.Float(tracking=True)
    provider = fields.Char(help="Trainer, school or organiser.")
    currency_id = fields.Many2one(related="company_id.currency_id")
    cost = fields.Monetary(tracking=True)
    result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed"), ("attended", "Attended")],
        tracking=True,
    )
    result_note = fields.Text(string="Result Notes")
    certificate = fields.Binary(attachment=True)
    certificate_name = fields.Char(string="Certificate File Name")
    plan_line_id = fields.Many2one(
        "lighting.training.plan.line",
        check_company=True,
        string="Planned Course",
        index=True,
        domain="[('employee_id', '=', employee_id)]",
    )
    appraisal_id = fields.Many2one(
        "lighting.appraisal",
        check_company=True,
        string="From Appraisal",
        readonly=True,
        index=True,
        help="The appraisal whose weak indicators called for this training (R5.3).",
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )

    @api.constrains("date_start", "date_end", "hours", "cost", "employee_id", "plan_line_id")
    def _check_values(self):
        for training in self:
            if training.date_end < training.date_start:
                raise ValidationError(_("Training %(name)s: the field End is before Start.", name=training.name))
            if training.hours < 0:
                raise ValidationError(_("Training %(name)s: the field Hours cannot be negative.", name=training.name))
            if training.cost < 0:
                raise ValidationError(_("Training %(name)s: the field Cost cannot be negative.", name=training.name))
            if training.plan_line_id and training.plan_line_id.employee_id != training.employee_id:
                raise ValidationError(
                    _(
                        "Training %(name)s: the field Planned Course belongs to another employee's plan.",
                        name=training.name,
                    )
                )

    def action_done(self):
        for training in self:
            if training.hours <= 0:
                raise UserError(
                    _("Training %(name)s: fill in the field Hours before marking it done.", name=training.name)
                )
            if not training.result:
                raise UserError(
                    _("Training %(name)s: fill in the field Result before marking it done.", name=training.name)
                )
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancel"})

    def action_reset_planned(self):
        self.write({"state": "planned"})
