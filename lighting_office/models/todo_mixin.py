from collections import defaultdict

from odoo import models


class LightingTodoMixin(models.AbstractModel):
    """To-do activities for many records through mail.activity.mixin's activity_schedule, whose
    single create is kept for the records that share a user, summary and deadline (reminder crons)."""

    _name = "lighting.todo.mixin"
    _description = "Batched To-do Activities"

    def _schedule_todos(self, user, summary, deadline=None):
        """One to-do per record; user, summary and deadline are functions of the
        record, the deadline being today when not given. The summary is written in
        the language of the user it is for (crons run in the system's language)."""
        record_ids = defaultdict(list)
        for record in self:
            assignee = user(record)
            text = summary(record.with_context(lang=assignee.lang))
            record_ids[assignee, text, deadline(record) if deadline else None].append(record.id)
        activities = self.env["mail.activity"]
        for (assignee, text, day), ids in record_ids.items():
            # activity_schedule gives False when the context skips activity automation.
            activities |= (
                self.browse(ids).activity_schedule(
                    "mail.mail_activity_data_todo", date_deadline=day, summary=text, user_id=assignee.id
                )
                or activities.browse()
            )
        return activities
