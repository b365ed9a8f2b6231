from datetime import datetime, time, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase

QUERIES = {"_overdue_list": 3, "_aging": 1}


@tagged("post_install", "-at_install")
class TestCollection(LightingOfficeCase):
    """R3.1.6: overdue receivables per office, collection log, escalation and reports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["account.move"])
        cls.inv_10 = cls._invoice(cls.office_a, 100, 10)
        cls.inv_45 = cls._invoice(cls.office_a, 200, 45)
        cls.inv_120 = cls._invoice(cls.office_a, 400, 120)
        cls.inv_not_due = cls._invoice(cls.office_a, 800, -5)
        cls.inv_b = cls._invoice(cls.office_b, 1600, 70)

    @classmethod
    def _invoice(cls, office, amount, days_overdue):
        return cls._overdue_invoice(office, amount, days_overdue, cls.today)

    def _overdue(self, user):
        Move = self.env["account.move"].with_user(user)
        return Move.search(Move._overdue_domain())

    def test_overdue_list_per_office(self):
        """R3.1.6: the office sees its overdue invoices with days overdue; HQ sees every office's."""
        overdue = self._overdue(self.users["manager", "a"])
        self.assertEqual(overdue, self.inv_10 | self.inv_45 | self.inv_120)
        self.assertEqual(self.inv_45.days_overdue, 45)
        self.assertEqual(self.inv_not_due.days_overdue, 0)
        self.assertEqual(self._overdue(self.hq_finance), overdue | self.inv_b)

    def test_days_overdue_follow_the_readers_day(self):
        """R3.1.6: days overdue count from the reader's own day: at 23:30 UTC it is 07:30 the next day
        in Asia/Shanghai, so the office manager there sees one day more, on the invoice and in the
        report alike, than HQ Finance reading on UTC."""
        day = self.today - timedelta(days=3)
        late = self._invoice(self.office_a, 50, 0)
        late.invoice_date_due = day - timedelta(days=10)
        due_that_day = self._invoice(self.office_a, 70, 0)
        due_that_day.invoice_date_due = day
        manager = self.users["manager", "a"]
        manager.tz = "Asia/Shanghai"
        self.hq_finance.tz = "UTC"
        with freeze_time(datetime.combine(day, time(23, 30))):
            for user, expected in ((manager, {late: 11, due_that_day: 1}), (self.hq_finance, {late: 10})):
                self.env.invalidate_all()
                moves = (late | due_that_day).with_user(user)
                self.assertEqual({move: move.days_overdue for move in moves if move.days_overdue}, expected, user.tz)
                self.assertEqual(
                    set(moves.filtered_domain(moves._overdue_domain()).ids), {move.id for move in expected}
                )
                report = self.env["lighting.collection.report"].with_user(user).search([("move_id", "in", moves.ids)])
                self.assertEqual({line.move_id: line.days_overdue for line in report}, expected, user.tz)

    def _aging(self, user):
        # The web client sends the reader's time zone in the context, which the report counts days from.
        Report = self.env["lighting.collection.report"].with_user(user).with_context(tz="Asia/Shanghai")
        return Report._read_group([], ["company_id", "aging_bucket"], ["amount_residual:sum"])

    def _overdue_list(self, user):
        Move = self.env["account.move"].with_user(user)
        moves = Move.search_fetch(Move._overdue_domain(), ["name", "invoice_date_due", "payment_state"])
        moves.mapped("days_overdue")
        return moves

    def test_aging_report_buckets(self):
        """R3.1.6: the collection report sums what is due per office and aging bucket."""
        totals = {(company, bucket): amount for company, bucket, amount in self._aging(self.hq_finance)}
        self.assertEqual(totals[self.office_a, "1_30"], 100)
        self.assertEqual(totals[self.office_a, "31_60"], 200)
        self.assertEqual(totals[self.office_a, "over_90"], 400)
        self.assertEqual(totals[self.office_b, "61_90"], 1600)
        office_view = (
            self.env["lighting.collection.report"]
            .with_user(self.users["sales", "a"])
            ._read_group([], ["company_id"], ["amount_residual:sum"])
        )
        self.assertEqual([(c, a) for c, a in office_view], [(self.office_a, 700)])

    def test_reports_queries_do_not_grow(self):
        """R3.1.6: the overdue list and the aging report cost the same queries for 4 or 10 invoices."""
        for report, user in ((self._overdue_list, self.users["manager", "a"]), (self._aging, self.hq_finance)):
            report(user)
            self.env.invalidate_all()
            with self.assertQueryCount(__system__=QUERIES[report.__name__]):
                report(user)
        for days in (20, 50, 80, 100, 130, 150):
            self._invoice(self.office_a, 10, days)
        self.env.invalidate_all()
        for report, user in ((self._overdue_list, self.users["manager", "a"]), (self._aging, self.hq_finance)):
            with self.assertQueryCount(__system__=QUERIES[report.__name__]):
                result = report(user)
            self.assertTrue(result)
        self.assertEqual(len(self._overdue_list(self.users["manager", "a"])), 9)

    def test_collection_log_and_past_promise(self):
        """R3.1.6: sales log a collection step; a promised date in the past is refused, nothing written."""
        Log = self.env["lighting.collection.log"].with_user(self.users["sales", "a"])
        log = Log.create(
            {
                "move_id": self.inv_45.id,
                "channel": "phone",
                "reason": "Waiting for budget",
                "promised_date": self.today + timedelta(days=7),
                "action_taken": "Called the buyer",
            }
        )
        self.assertEqual(self.inv_45.collection_log_ids, log)
        with self.assertRefused(ValidationError, self.inv_45.name, "Promised Payment Date"):
            Log.create({"move_id": self.inv_45.id, "channel": "mail", "promised_date": self.today - timedelta(days=1)})
        self.assertEqual(len(self.inv_45.collection_log_ids), 1)
        with self.assertRaises(AccessError):
            Log.with_user(self.users["sales", "b"]).create({"move_id": self.inv_45.id, "channel": "phone"})

    def test_escalation_to_manager_and_hq_finance(self):
        """R3.1.6: an invoice past the office's limit, or in payment difficulty, raises activities for
        the office manager and HQ Finance, once."""
        self.office_a.lighting_collection_escalation_days = 100
        self.env["lighting.collection.log"].with_user(self.users["sales", "a"]).create(
            {"move_id": self.inv_10.id, "channel": "visit", "payment_difficulty": True}
        )
        self.assertTrue(self.inv_10.payment_difficulty)
        self.env["account.move"]._cron_escalate_collection()
        self.env["account.move"]._cron_escalate_collection()
        escalation = self.env.ref("lighting_office.mail_activity_collection_escalation")
        for move, expected in ((self.inv_10, True), (self.inv_120, True), (self.inv_45, False)):
            users = move.activity_ids.filtered(lambda a: a.activity_type_id == escalation).user_id
            if expected:
                self.assertEqual(users, self.users["manager", "a"] | self.hq_finance)
            else:
                self.assertFalse(users)
