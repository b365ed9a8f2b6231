from odoo import fields, models


class LightingTodoMixin(models.AbstractModel):
    """To-do activities for many records in one insert, where activity_schedule
    would create and notify them one record at a time (reminder crons)."""

    _name = "lighting.todo.mixin"
    _description = "Batched To-do Activities"

    def _schedule_todos(self, user, summary, deadline=None):
        """One to-do per record; user, summary and deadline are functions of the
        record, the deadline being today when not given. The summary is written in
        the language of the user it is for (crons run in the system's language)."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        return self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "user_id": user(record).id,
                    "activity_type_id": todo.id,
                    "automated": True,
                    "summary": summary(record.with_context(lang=user(record).lang)),
                    "date_deadline": deadline(record) if deadline else today,
                }
                for record in self
            ]
        )
