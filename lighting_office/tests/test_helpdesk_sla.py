from datetime import timedelta

from dateutil.relativedelta import FR, MO

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .aftersales_common import AftersalesCase


@tagged("post_install", "-at_install")
class TestHelpdeskSla(AftersalesCase):
    """R3.2.1, R3.3.1: response and resolution targets are the office's helpdesk_mgmt_sla SLAs, counted in
    its working calendar (Mon–Fri 8–12, 13–17 in China), paused while a ticket awaits the customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office_a.resource_calendar_id.tz = "Asia/Shanghai"
        cls.support = cls.users["support", "a"]
        cls.installation = cls.env.ref("lighting_office.consultation_category_installation")
        cls.awaiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        cls.in_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")

    def _consultation(self, moment, user=None):
        with self._at(moment):
            return (
                self.env["helpdesk.ticket"]
                .with_user(user or self.support)
                .create(
                    {
                        "name": "Which driver for a 0-10 V dimmer?",
                        "description": "<p>Dimming</p>",
                        "team_id": self.office_a.office_support_team_id.id,
                        "category_id": self.installation.id,
                    }
                )
            )

    def _sla(self, office, team_field, target, **criteria):
        domain = [("team_ids", "=", office[team_field].id), ("lighting_target", "=", target)]
        return self.env["helpdesk.sla"].search(domain + [(name, "=", value) for name, value in criteria.items()])

    def _local(self, moment, days=0, hour=None):
        """moment shifted by whole days, at hour o'clock of office A (UTC+8) when given."""
        shifted = moment + timedelta(days=days)
        return shifted.replace(hour=hour - 8, minute=0) if hour is not None else shifted

    def test_every_office_gets_its_default_slas(self):
        """R3.2.1, R3.3.1: a new office's support team has a response and a resolution SLA per consultation
        category and for consultations not classified yet, its after-sales team per feedback severity and for
        feedback not judged yet, both counting in the office's calendar; an office without SLAs gets them on
        update, once."""
        office = self.env["res.company"].create({"name": "Office C", "is_lighting_office": True, "office_code": "TC"})
        slas = self.env["helpdesk.sla"].search([("company_id", "=", office.id)])
        support, aftersales = office.office_support_team_id, office.office_aftersales_team_id
        self.assertEqual(len(slas.filtered(lambda s: s.team_ids == support)), 8)
        self.assertEqual(
            set(slas.filtered(lambda s: s.team_ids == aftersales).mapped("lighting_severity")),
            {"minor", "major", "critical", False},
        )
        self.assertEqual(set(slas.mapped("lighting_target")), {"response", "resolution"})
        self.assertEqual(slas.ignore_stage_ids, self.awaiting)
        self.assertTrue(support.use_sla and aftersales.use_sla)
        self.assertEqual((support | aftersales).resource_calendar_id, office.resource_calendar_id)
        slas.unlink()
        self.env["helpdesk.sla"]._lighting_create_missing_office_slas()
        self.env["helpdesk.sla"]._lighting_create_missing_office_slas()
        self.assertEqual(self.env["helpdesk.sla"].search_count([("company_id", "=", office.id)]), 16)

    def test_default_names_in_every_language(self):
        """R3.2.1: the default SLAs are named in every installed language, Chinese installed after the office
        was created included; a name the manager changed stays as it is."""
        response = self._sla(self.office_a, "office_support_team_id", "response", category_ids=self.installation.id)
        resolution = self._sla(self.office_a, "office_support_team_id", "resolution", category_ids=self.installation.id)
        resolution.with_user(self.users["manager", "a"]).name = "Wiring questions: next morning"
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "lighting_office")])._update_translations(["zh_CN"])
        self.assertEqual(response.with_context(lang="zh_CN").name, "首次响应：安装与接线")
        self.assertEqual(resolution.with_context(lang="zh_CN").name, "Wiring questions: next morning")
        office = self.env["res.company"].create({"name": "Office C", "is_lighting_office": True, "office_code": "TC"})
        self.assertEqual(
            set(self._sla(office, "office_support_team_id", "resolution").with_context(lang="zh_CN").mapped("name")),
            {"解决：产品选型", "解决：安装与接线", "解决：调光与控制", "解决：未分类"},
        )

    def test_friday_evening_is_due_on_monday(self):
        """R3.2.1, R3.3.1: a 2-hour target set Friday 19:00 is due Monday 10:00; a critical feedback's
        one-day resolution Monday 17:00 (working hours of the office's calendar)."""
        friday = self._office_moment(self.office_a, FR, 19)
        consultation = self._consultation(friday)
        with self._at(friday):
            feedback = self._feedback(self.aftersales, severity="critical")
        monday = self._local(friday, days=3)
        self.assertEqual(consultation.response_deadline, self._local(monday, hour=10))
        self.assertEqual(feedback.response_deadline, self._local(monday, hour=10))
        self.assertEqual(feedback.resolution_deadline, self._local(monday, hour=17))

    def test_changed_target_keeps_past_deadlines(self):
        """R3.2.1: the manager's new target applies to tickets recorded after it; a ticket recorded before
        keeps its deadline, even when its SLAs are applied again or its category is set again; Set SLA by
        support drops an SLA the manager archived."""
        monday = self._office_moment(self.office_a, MO, 9)
        before = self._consultation(monday)
        self.assertEqual(before.response_deadline, monday + timedelta(hours=2))
        response = self._sla(self.office_a, "office_support_team_id", "response", category_ids=self.installation.id)
        response.with_user(self.users["manager", "a"]).hours = 4
        after = self._consultation(monday)
        self.assertEqual(before.response_deadline, monday + timedelta(hours=2))
        self.assertEqual(after.response_deadline, monday + timedelta(hours=3 + 2))  # lunch 12–13
        before.with_user(self.support).refresh_sla()
        before.with_user(self.support).category_id = self.installation
        self.assertEqual(before.response_deadline, monday + timedelta(hours=2))
        response.with_user(self.users["manager", "a"]).active = False
        (before | after).with_user(self.support).refresh_sla()
        self.assertEqual((before.response_deadline, after.response_deadline), (False, False))
        self.assertEqual(before.ticket_sla_ids.sla_id.lighting_target, "resolution")

    def test_awaiting_pauses_the_clock(self):
        """R3.2.1: while a consultation awaits the customer it has no running deadline and is not late; back
        in progress, the working time left is counted on (answered 09:30 Monday, paused 10:00 until
        Wednesday 09:00: 7 working hours left, due Wednesday 17:00)."""
        monday = self._office_moment(self.office_a, MO, 9)
        ticket = self._consultation(monday).with_user(self.support)
        self.assertEqual(ticket.resolution_deadline, monday + timedelta(hours=24))
        with self._at(monday + timedelta(minutes=30)):
            ticket.action_mark_responded()
        with self._at(monday + timedelta(hours=1)):
            ticket.stage_id = self.awaiting
        self.assertFalse(ticket.resolution_deadline)
        wednesday = self._local(monday, days=2, hour=9)
        with self._at(wednesday):
            self.assertFalse(ticket.is_late)
            self.assertNotIn(ticket, ticket.search([("is_late", "=", True)]))
            ticket.stage_id = self.in_progress
        self.assertEqual(ticket.resolution_deadline, self._local(wednesday, hour=17))
        self.assertEqual(ticket.response_deadline, monday + timedelta(hours=2))
        responses = ticket.ticket_sla_ids.filtered(lambda line: line.sla_id.lighting_target == "response")
        self.assertEqual(responses.state, "accomplished")

    def test_late_answer_expires_the_response_sla(self):
        """R3.2.1: Mark Responded after the response deadline leaves the response SLA expired, and the
        ticket late."""
        monday = self._office_moment(self.office_a, MO, 9)
        ticket = self._consultation(monday).with_user(self.support)
        with self._at(monday + timedelta(hours=3)):
            ticket.action_mark_responded()
            self.assertTrue(ticket.is_late)
        responses = ticket.ticket_sla_ids.filtered(lambda line: line.sla_id.lighting_target == "response")
        self.assertEqual(responses.state, "expired")
        self.assertTrue(ticket.response_late_measured)

    def test_who_may_change_targets(self):
        """R3.2.1, R1.2: the office manager changes the own office's SLAs, not another office's nor the
        shared ones; sales, support and after-sales only read their office's."""
        manager = self.users["manager", "a"]
        own = self._sla(self.office_a, "office_aftersales_team_id", "response", lighting_severity="minor")
        other = self._sla(self.office_b, "office_aftersales_team_id", "response", lighting_severity="minor")
        shared = self.env["helpdesk.sla"].create({"name": "Shared", "hours": 8})
        own.with_user(manager).hours = 6
        self.assertEqual(own.hours, 6)
        created = (
            self.env["helpdesk.sla"]
            .with_user(manager)
            .create(
                {
                    "name": "Key accounts",
                    "company_id": self.office_a.id,
                    "team_ids": [(6, 0, self.office_a.office_aftersales_team_id.ids)],
                    "hours": 1,
                }
            )
        )
        self.assertEqual(created.company_id, self.office_a)
        for record in (other, shared):
            with self.assertRaises(AccessError):
                record.with_user(manager).hours = 1
        with self.assertRaises(AccessError):
            self.env["helpdesk.sla"].with_user(manager).create(
                {"name": "B's", "company_id": self.office_b.id, "hours": 1}
            )
        for role in ("sales", "support", "aftersales"):
            user = self.users[role, "a"]
            self.assertEqual(own.with_user(user).hours, 6)
            with self.assertRaises(AccessError):
                own.with_user(user).hours = 1
            with self.assertRaises(AccessError):
                other.with_user(user).read(["hours"])

    def test_target_needs_time(self):
        """R3.2.1: an SLA with neither days nor hours, or negative ones, is refused naming it."""
        own = self._sla(self.office_a, "office_support_team_id", "response", category_ids=self.installation.id)
        with self.assertRefused(ValidationError, own.name, "days and hours"):
            own.with_user(self.users["manager", "a"]).write({"hours": 0, "days": 0})
        with self.assertRefused(ValidationError, own.name):
            own.with_user(self.users["manager", "a"]).hours = -2

    def test_applying_slas_queries(self):
        """R3.2.1: recording a consultation applies its two SLAs in a pinned number of queries (24; 10 for a
        team without SLAs: the SLA search, the lines and their deadlines in the calendar)."""
        monday = self._office_moment(self.office_a, MO, 9)
        self._consultation(monday)  # warm the caches: the office's SLAs, calendar, sequences
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(24):
            ticket = self._consultation(monday)
            self.env.flush_all()
        self.assertEqual(len(ticket.ticket_sla_ids), 2)
