from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

# What staff may write straight on their own task; the rest is the manager's or the schedule's.
STAFF_FIELDS = {"note"}


class LightingCleaningTask(models.Model):
    """One occurrence of a recurring cleaning or disinfection task, due on a
    date, done by its responsible or missed (R6.1)."""

    _name = "lighting.cleaning.task"
    _description = "Cleaning Task"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_due desc, area_id, id"

    plan_id = fields.Many2one("lighting.cleaning.plan", string="Recurring Task", required=True, ondelete="cascade")
    name = fields.Char(related="plan_id.name", store=True, string="Task")
    task_type = fields.Selection(related="plan_id.task_type", store=True)
    area_id = fields.Many2one(related="plan_id.area_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True, string="Office")
    employee_id = fields.Many2one("hr.employee", check_company=True, string="Responsible", required=True, tracking=True)
    date_due = fields.Date(string="Due Date", required=True, index=True)
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done"), ("missed", "Missed")],
        default="todo",
        required=True,
        tracking=True,
    )
    done_date = fields.Datetime(string="Done On", readonly=True)
    note = fields.Char()

    _sql_constraints = [
        ("plan_date_unique", "unique(plan_id, date_due)", "A recurring task is due once a period."),
    ]

    def write(self, vals):
        if (
            set(vals) - STAFF_FIELDS
            and not self.env.su
            and not self.env.user.has_group("lighting_office.group_lighting_manager")
        ):
            raise AccessError(
                _(
                    "%(task)s: only the office manager changes a scheduled task; mark yours done with its button.",
                    task=self[:1].display_name,
                )
            )
        return super().write(vals)

    @api.depends("area_id", "name", "date_due")
    def _compute_display_name(self):
        for task in self:
            task.display_name = f"{task.area_id.name} / {task.name} ({task.date_due})"

    def action_done(self):
        for task in self:
            if task.state != "todo":
                raise UserError(
                    _(
                        "%(task)s is %(state)s and cannot be marked done.",
                        task=task.display_name,
                        state=dict(self._fields["state"]._description_selection(self.env))[task.state],
                    )
                )
        self.check_access("write")
        # sudo: the user may write these tasks (checked above, the record rules
        # keep staff to their own); the only change is To Do -> Done, now.
        self.sudo().write({"state": "done", "done_date": fields.Datetime.now()})

    @api.model
    def _cron_schedule(self, today=None):
        """Create this period's task of every recurring task, then mark the
        tasks left undone after their due date as missed."""
        today = today or fields.Date.context_today(self)
        plans = self.env["lighting.cleaning.plan"].search([("area_id.active", "=", True)])
        wanted = {(plan, plan._due_date(today)) for plan in plans}
        wanted = {(plan, due) for plan, due in wanted if due >= plan.date_start}
        existing = {
            (task.plan_id, task.date_due)
            for task in self.search(
                [("plan_id", "in", plans.ids), ("date_due", "in", list({due for _plan, due in wanted}))]
            )
        }
        self.create(
            [
                {"plan_id": plan.id, "employee_id": plan.employee_id.id, "date_due": due}
                for plan, due in wanted
                if (plan, due) not in existing
            ]
        )
        self.search([("state", "=", "todo"), ("date_due", "<", today)]).write({"state": "missed"})
