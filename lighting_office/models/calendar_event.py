from odoo import models


class CalendarEvent(models.Model):
    """R6.3: an office meeting is held when its calendar event is."""

    _inherit = "calendar.event"

    def write(self, vals):
        res = super().write(vals)
        if "start" in vals:
            self._move_lighting_meetings()
        return res

    def _move_lighting_meetings(self):
        # sudo: the meeting's date follows its event, whoever may move the event in the calendar;
        # only the date is written, and meetings whose minutes are sent keep theirs.
        meetings = (
            self.env["lighting.meeting"]
            .sudo()
            .search([("event_id", "in", self.ids), ("state", "in", ("draft", "notified"))])
        )
        for start, moved in meetings.grouped(lambda meeting: meeting.event_id.start).items():
            moved.filtered(lambda meeting, start=start: meeting.date_start != start).write({"date_start": start})
