from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestMeetings(LightingOfficeCase):
    """R6.3: office meetings in the calendar with notice and minutes; action items followed up; activity plans."""

    def _meeting(self, meeting_type="weekly", **vals):
        start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        return (
            self.env["lighting.meeting"]
            .with_user(self.users["manager", "a"])
            .create(
                {
                    "name": "Sales review",
                    "meeting_type": meeting_type,
                    "company_id": self.office_a.id,
                    "date_start": start,
                    "duration": 1.5,
                    "location": "Meeting room",
                    "repeat_count": 4,
                    "agenda": "<p>1. Orders of the week</p>",
                    "attendee_ids": [(6, 0, (self.users["sales", "a"] | self.users["support", "a"]).ids)],
                    **vals,
                }
            )
        )

    def test_notice_puts_series_in_calendar(self):
        """R6.3: weekly, monthly and quarterly meetings become recurring calendar events; attendees get notice."""
        for meeting_type, rrule_type, interval in (
            ("weekly", "weekly", 1),
            ("monthly", "monthly", 1),
            ("quarterly", "monthly", 3),
        ):
            meeting = self._meeting(meeting_type)
            meeting.action_send_notice()
            event = meeting.event_id
            self.assertEqual(meeting.state, "notified")
            self.assertEqual((event.recurrence_id.rrule_type, event.recurrence_id.interval), (rrule_type, interval))
            self.assertEqual(len(event.recurrence_id.calendar_event_ids), 4)
            self.assertEqual(event.partner_ids, meeting.attendee_ids.partner_id)
            self.assertEqual(event.alarm_ids, self.env.ref("calendar.alarm_notif_5"), "reminded the day before")
            notice = meeting.message_ids.filtered(lambda message: "Meeting notice" in (message.body or ""))
            self.assertEqual(notice.partner_ids, meeting.attendee_ids.partner_id)
            self.assertIn("Orders of the week", notice.body)

    def test_each_meeting_of_a_series_has_its_minutes(self):
        """R6.3: the notice of a weekly meeting makes one meeting per occurrence of its calendar
        series, each with the topic, attendees and agenda, waiting for its own minutes; sending the
        first one's minutes leaves the others waiting."""
        meeting = self._meeting("weekly")
        meeting.action_send_notice()
        series = self.env["lighting.meeting"].search(
            [("event_id.recurrence_id", "=", meeting.event_id.recurrence_id.id)]
        )
        self.assertEqual(len(series), 4)
        events = meeting.event_id.recurrence_id.calendar_event_ids.sorted("start")
        self.assertEqual(series.sorted("date_start").event_id, events)
        self.assertEqual(series.sorted("date_start").mapped("date_start"), events.mapped("start"))
        later = series - meeting
        self.assertEqual(set(later.mapped("state")), {"notified"})
        self.assertEqual(later.mapped("name"), ["Sales review"] * 3)
        self.assertEqual(later.attendee_ids, meeting.attendee_ids)
        self.assertTrue(all("Orders of the week" in agenda for agenda in later.mapped("agenda")))
        meeting.write({"minutes": "<p>Orders are on track</p>"})
        meeting.action_send_minutes()
        self.assertEqual(set(later.mapped("state")), {"notified"})
        self.assertFalse(any(later.mapped("minutes")))
        self.assertEqual(len(self.env["lighting.meeting"].search([("name", "=", "Sales review")])), 4)
        second = later.sorted("date_start")[0]
        moved_to = second.date_start + timedelta(hours=3)
        second.event_id.with_user(self.users["manager", "a"]).write(
            {"start": moved_to, "stop": moved_to + timedelta(hours=1.5)}
        )
        self.assertEqual(second.date_start, moved_to, "the meeting moves with its calendar event")
        held_at = meeting.date_start
        meeting.event_id.write({"start": held_at + timedelta(hours=1), "stop": held_at + timedelta(hours=2)})
        self.assertEqual(meeting.date_start, held_at, "a meeting whose minutes are sent keeps its date")

    def test_notice_beforehand(self):
        """R6.3: a notice needs attendees and a meeting still to come."""
        past = self._meeting(date_start=fields.Datetime.now() - timedelta(hours=1))
        with self.assertRefused(UserError, "Sales review", "Start"):
            past.action_send_notice()
        nobody = self._meeting(attendee_ids=[(5, 0, 0)])
        with self.assertRefused(UserError, "Sales review", "Attendees"):
            nobody.action_send_notice()
        self.assertFalse((past | nobody).event_id)

    def test_minutes_and_action_items(self):
        """R6.3: minutes with decisions and action items go to the attendees; owners get activities;
        overdue items stand out; each owner completes only their own."""
        meeting = self._meeting("other")
        with self.assertRefused(UserError, "Sales review"):
            meeting.action_send_minutes()
        meeting.action_send_notice()
        self.assertFalse(meeting.event_id.recurrency)
        today = fields.Date.context_today(meeting)
        meeting.write(
            {
                "decisions": "<p>Visit the three A-class prospects</p>",
                "action_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Visit prospects",
                            "owner_id": self.users["sales", "a"].id,
                            "date_due": today + timedelta(days=7),
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "Update the solution",
                            "owner_id": self.users["support", "a"].id,
                            "date_due": today - timedelta(days=1),
                        },
                    ),
                ],
            }
        )
        with self.assertRefused(UserError, "Sales review", "Minutes"):
            meeting.action_send_minutes()
        meeting.minutes = "<p>Orders are on track</p>"
        meeting.action_send_minutes()
        self.assertEqual(meeting.state, "done")
        sent = meeting.message_ids.filtered(lambda message: "Minutes of" in (message.body or ""))
        self.assertEqual(sent.partner_ids, meeting.attendee_ids.partner_id)
        self.assertIn("Visit the three A-class prospects", sent.body)
        update, visit = meeting.action_ids.sorted("date_due")
        self.assertEqual(visit.activity_ids.user_id, self.users["sales", "a"])
        self.assertEqual(update.activity_ids.user_id, self.users["support", "a"])
        self.assertTrue(update.is_overdue)
        self.assertFalse(visit.is_overdue)
        self.assertEqual(meeting.overdue_action_count, 1)
        Action = self.env["lighting.meeting.action"]
        self.assertEqual(Action.search([("is_overdue", "=", True), ("meeting_id", "=", meeting.id)]), update)
        with self.assertRaises(AccessError):
            update.with_user(self.users["sales", "a"]).action_done()
        update.with_user(self.users["support", "a"]).action_done()
        self.assertFalse(update.activity_ids)
        self.assertFalse(meeting.overdue_action_count)

    def test_meetings_per_office(self):
        """R6.3: staff read their office's meetings, only managers organise them; office B sees none."""
        meeting = self._meeting()
        Meeting = self.env["lighting.meeting"]
        self.assertEqual(Meeting.with_user(self.users["sales", "a"]).search([]), meeting)
        self.assertFalse(Meeting.with_user(self.users["manager", "b"]).search([]))
        with self.assertRaises(AccessError):
            Meeting.with_user(self.users["sales", "a"]).create(
                {
                    "name": "x",
                    "date_start": fields.Datetime.now(),
                    "company_id": self.office_a.id,
                }
            )

    def test_event_plan(self):
        """R6.3: a trade show plan with goal, content, time, place and budget; the outcome closes it."""
        start = fields.Datetime.now()
        plan = (
            self.env["lighting.event.plan"]
            .with_user(self.users["sales", "a"])
            .create(
                {
                    "name": "Guangzhou lighting fair",
                    "plan_type": "trade_show",
                    "company_id": self.office_a.id,
                    "goal": "Meet 20 distributors",
                    "content": "<p>Booth with the new downlights</p>",
                    "date_start": start,
                    "date_end": start + timedelta(days=3),
                    "location": "Guangzhou",
                    "budget": 30000,
                }
            )
        )
        plan.action_plan()
        with self.assertRefused(UserError, plan.name, "Outcome"):
            plan.action_done()
        plan.write({"outcome": "<p>25 distributors met</p>", "cost": 28000})
        plan.action_done()
        self.assertEqual(plan.state, "done")
        with self.assertRefused(ValidationError, plan.name, "End"):
            plan.date_end = start - timedelta(days=1)
        with self.assertRefused(ValidationError, plan.name, "Budget"):
            plan.budget = -1
        self.assertFalse(self.env["lighting.event.plan"].with_user(self.users["sales", "b"]).search([]))
