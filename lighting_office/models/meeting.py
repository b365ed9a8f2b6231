from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

# (rrule_type, interval) of the calendar series of each kind of office meeting.
RECURRENCE = {"weekly": ("weekly", 1), "monthly": ("monthly", 1), "quarterly": ("monthly", 3)}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class LightingMeeting(models.Model):
    """An office meeting (weekly, monthly, quarterly): topic, agenda and
    attendees, a notice sent beforehand, minutes with decisions and action
    items sent to the attendees (R6.3). Its series lives in the calendar."""

    _name = "lighting.meeting"
    _description = "Office Meeting"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc"

    name = fields.Char(string="Topic", required=True, tracking=True)
    meeting_type = fields.Selection(
        [
            ("weekly", "Weekly Meeting"),
            ("monthly", "Monthly Meeting"),
            ("quarterly", "Quarterly Meeting"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="weekly",
        tracking=True,
    )
    repeat_count = fields.Integer(
        string="Occurrences",
        default=12,
        help="How many meetings of the series the calendar holds; each has its own minutes.",
    )
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    organizer_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    date_start = fields.Datetime(string="Start", required=True, tracking=True)
    duration = fields.Float(default=1.0, help="In hours.")
    location = fields.Char(string="Place")
    agenda = fields.Html()
    attendee_ids = fields.Many2many(
        "res.users", string="Attendees", domain="[('share', '=', False), ('company_ids', 'in', company_id)]"
    )
    event_id = fields.Many2one("calendar.event", string="Calendar Event", readonly=True, copy=False)
    minutes = fields.Html()
    decisions = fields.Html()
    action_ids = fields.One2many("lighting.meeting.action", "meeting_id", string="Action Items")
    state = fields.Selection(
        [("draft", "Draft"), ("notified", "Notice Sent"), ("done", "Minutes Sent"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    overdue_action_count = fields.Integer(compute="_compute_overdue_action_count")

    @api.depends("action_ids.is_overdue")
    def _compute_overdue_action_count(self):
        for meeting in self:
            meeting.overdue_action_count = len(meeting.action_ids.filtered("is_overdue"))

    def action_send_notice(self):
        """Put the meeting (and its series) in the attendees' calendars and send them the agenda."""
        now = fields.Datetime.now()
        for meeting in self:
            if not meeting.attendee_ids:
                raise UserError(_("%(meeting)s: the field Attendees is empty.", meeting=meeting.name))
            if meeting.date_start <= now:
                raise UserError(
                    _(
                        "%(meeting)s: the field Start is in the past; a notice goes out beforehand.",
                        meeting=meeting.name,
                    )
                )
        events = self.env["calendar.event"].create([meeting._event_vals() for meeting in self])
        for meeting, event in zip(self, events, strict=True):
            meeting.write({"event_id": event.id, "state": "notified"})
            meeting.message_post(
                body=_(
                    "Meeting notice: %(topic)s on %(date)s",
                    topic=meeting.name,
                    date=format_datetime(self.env, meeting.date_start, tz=meeting._tz()),
                )
                + (meeting.agenda or ""),
                partner_ids=meeting.attendee_ids.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self._create_later_meetings()

    def _create_later_meetings(self):
        """Each meeting of a series has its own minutes: one meeting per later event of the
        calendar series, announced with it, with the same topic, attendees and agenda."""
        later = []
        for meeting in self.filtered("event_id.recurrence_id"):
            events = meeting.event_id.recurrence_id.calendar_event_ids - meeting.event_id
            later += [
                dict(
                    meeting.copy_data()[0],
                    date_start=event.start,
                    event_id=event.id,
                    state="notified",
                    minutes=False,
                    decisions=False,
                )
                for event in events.sorted("start")
            ]
        self.create(later)

    def _event_vals(self):
        vals = {
            "name": self.name,
            "start": self.date_start,
            "stop": self.date_start + timedelta(hours=self.duration or 1.0),
            "duration": self.duration,
            "location": self.location,
            "description": self.agenda,
            "user_id": self.organizer_id.id,
            "partner_ids": [(6, 0, self.attendee_ids.partner_id.ids)],
        }
        # Every meeting of the series is announced again the day before.
        day_before = self.env.ref("calendar.alarm_notif_5", raise_if_not_found=False)
        if day_before:
            vals["alarm_ids"] = [(6, 0, day_before.ids)]
        if self.meeting_type in RECURRENCE:
            rrule_type, interval = RECURRENCE[self.meeting_type]
            local_start = fields.Datetime.context_timestamp(self.with_context(tz=self._tz()), self.date_start)
            vals.update(
                {
                    "recurrency": True,
                    "rrule_type_ui": "custom",
                    "rrule_type": rrule_type,
                    "interval": interval,
                    "end_type": "count",
                    "count": max(self.repeat_count, 1),
                    "event_tz": self._tz(),
                    WEEKDAYS[local_start.weekday()]: True,
                    "month_by": "date",
                    "day": local_start.day,
                }
            )
        return vals

    def _tz(self):
        return self.organizer_id.tz or self.env.user.tz or "UTC"

    def action_send_minutes(self):
        """Send the minutes to the attendees; each action item becomes its owner's activity."""
        for meeting in self:
            if meeting.state != "notified":
                raise UserError(
                    _("%(meeting)s: the notice was not sent, so there are no minutes to send.", meeting=meeting.name)
                )
            if not meeting.minutes:
                raise UserError(_("%(meeting)s: the field Minutes is empty.", meeting=meeting.name))
        self.action_ids._schedule_activities()
        for meeting in self:
            meeting.message_post(
                body=_("Minutes of %(topic)s", topic=meeting.name) + meeting.minutes + (meeting.decisions or ""),
                partner_ids=meeting.attendee_ids.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self.write({"state": "done"})

    def action_cancel(self):
        self.filtered(lambda meeting: meeting.state != "done").write({"state": "cancel"})
