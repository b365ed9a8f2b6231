from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import LightingOfficeCase
from .expense_common import ExpenseCase

# One grouped SELECT, for 2 offices or 50 (bench/scorecard.py).
GROUP_QUERIES = 1


@tagged("post_install", "-at_install")
class TestOfficeCompliance(LightingOfficeCase):
    """Issue 18 item 2: per office, month and rule of the regulation, the share of the
    records that followed the rule, its offending records, the weighted score and rank."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["lighting.office.compliance"])
        cls.past = cls.today - timedelta(days=20)
        cls.Compliance = cls.env["lighting.office.compliance"]
        cls.Score = cls.env["lighting.office.compliance.score"]
        cls.order = cls._order(cls.office_a, cls.users["sales", "a"])

    @classmethod
    def _force(cls, records, **values):
        """Put records in the state a flow leaves them in; the flows are proven in their
        own tests, here only what the compliance view reads of them matters."""
        records.env.flush_all()
        assignments = SQL(", ").join(SQL("%s = %s", SQL.identifier(name), value) for name, value in values.items())
        records.env.cr.execute(
            SQL("UPDATE %s SET %s WHERE id IN %s", SQL.identifier(records._table), assignments, tuple(records.ids))
        )
        records.env.invalidate_all()

    def _rule(self, key, office=None, day=None, user=None):
        self.Compliance._refresh_office_figures()
        Compliance = self.Compliance.with_user(user) if user else self.Compliance
        Compliance.invalidate_model()
        return Compliance.search(
            [
                ("company_id", "=", (office or self.office_a).id),
                ("check_key", "=", key),
                ("date", "=", (day or self.past).replace(day=1)),
            ]
        )

    def _offending(self, row):
        action = row.action_open_offending()
        return self.env[action["res_model"]].search(action["domain"])

    def _assert_rule(self, key, compliant, offending, day=None):
        row = self._rule(key, day=day)
        self.assertEqual((row.total_count, row.compliant_count), (len(compliant | offending), len(compliant)), key)
        self.assertAlmostEqual(row.share, 100.0 * len(compliant) / len(compliant | offending))
        self.assertEqual(self._offending(row), offending, key)
        return row

    def test_contracts_filed_in_time(self):
        """R3.1.4: a contract counts once filed or past its filing period; it complies when HQ
        filed it within the office's days."""
        filed, late, unfiled, pending = [self._order(self.office_a, self.users["sales", "a"]) for _i in range(4)]
        self._force(filed, signed_date=self.past, hq_filed_date=self.past + timedelta(days=2))
        self._force(late, signed_date=self.past, hq_filed_date=self.past + timedelta(days=15))
        self._force(unfiled, signed_date=self.past)
        self._force(pending, signed_date=self.today)
        self._assert_rule("contract_filing", filed, late | unfiled)
        if self.today.month != self.past.month:  # else the count above already leaves it out
            self.assertFalse(self._rule("contract_filing", day=self.today), "a contract within its period counts not")

    def _job(self, **values):
        return self.env["lighting.install.job"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.office_a.id,
                "sale_order_id": self.order.id,
                "planned_date": self.past,
                **values,
            }
        )

    def test_jobs_with_handover_safety_and_satisfaction(self):
        """R3.2.3, R3.3.4: a started job complies with an acknowledged handover; a done job with
        its whole safety checklist ticked and a satisfaction score."""
        good, bad = self._job(), self._job()
        handover = self.env["lighting.tech.handover"].create(
            {
                "install_job_id": good.id,
                "support_user_id": self.users["support", "a"].id,
            }
        )
        self._force(handover, state="acknowledged")
        self.assertTrue(good.safety_line_ids, "the safety checklist comes from the office's safety items")
        self._force(good.safety_line_ids, checked=True)
        self._force(good, state="done", satisfaction_score=5)
        self._force(bad, state="done")
        self._assert_rule("job_handover", good, bad)
        self._assert_rule("job_closure", good, bad)

    def test_consultations_answered_within_target(self):
        """R3.2.1: a consultation counts once answered or past its target, and complies when
        answered by its response deadline."""
        Ticket = self.env["helpdesk.ticket"]
        on_time, late, open_late = Ticket.create(
            [
                {"name": f"Question {i}", "description": "Dimming", "team_id": self.office_a.office_support_team_id.id}
                for i in range(3)
            ]
        )
        Ticket.create({"name": "Fresh", "description": "Fresh", "team_id": self.office_a.office_support_team_id.id})
        past = fields.Datetime.now() - timedelta(days=20)
        self._force(on_time | late | open_late, create_date=past, response_deadline=past + timedelta(hours=24))
        self._force(on_time, first_response_date=past + timedelta(hours=2))
        self._force(late, first_response_date=past + timedelta(hours=48))
        self._assert_rule("consultation_response", on_time, late | open_late, day=past.date())

    def test_repairs_tested_before_shipping(self):
        """R3.3.2: every finished repair had a passed test (a repair cannot finish without one)."""
        repair = (
            self.env["repair.order"]
            .with_company(self.office_a)
            .create({"product_id": self.product.id, "company_id": self.office_a.id})
        )
        self.env["lighting.repair.test"].create(
            {"repair_id": repair.id, "tests_done": "Burn-in", "measured_results": "OK", "result": "passed"}
        )
        repair.write({"state": "done"})
        self._assert_rule("repair_tested", repair, repair.browse(), day=self.today)

    def test_revisits_loans_meetings_trips_rounds_suggestions(self):
        """§3.3, R6.2, R6.3, R6.4.3, R7.1.1, R5.4: revisits done by their date, loans returned
        by their due date, meetings with minutes sent, trips with a report, risk rounds held,
        suggestions answered by their deadline."""
        Revisit = self.env["lighting.revisit"]
        visits = Revisit.create(
            [
                {
                    "name": f"Visit {i}",
                    "company_id": self.office_a.id,
                    "partner_id": self.customer.id,
                    "planned_date": self.past,
                }
                for i in range(2)
            ]
        )
        self._force(visits[0], state="done", done_date=self.past)
        self._assert_rule("revisit_on_time", visits[0], visits[1])

        document_class = self.env["lighting.document.class"].search([], limit=1)
        archive = self.env["lighting.archive.file"].create(
            {
                "name": "Contracts 2025",
                "class_id": document_class.id,
                "company_id": self.office_a.id,
                "location": "Cabinet 1",
            }
        )
        loans = self.env["lighting.archive.loan"].create(
            [{"file_id": archive.id, "purpose": "Audit", "date_due": fields.Date.today()} for _i in range(2)]
        )
        # requested due today, lent, and now past their due date (a loan is not requested due in the past)
        self._force(loans[0], state="returned", date_due=self.past, date_returned=self.past)
        self._force(loans[1], state="borrowed", date_due=self.past)
        self._assert_rule("loan_returned", loans[0], loans[1])

        meetings = self.env["lighting.meeting"].create(
            [{"name": f"Weekly {i}", "company_id": self.office_a.id, "date_start": self.past} for i in range(2)]
        )
        self._force(meetings[0], state="done")
        self._force(meetings[1], state="notified")
        self._assert_rule("meeting_minutes", meetings[0], meetings[1])

        employee = self.env["hr.employee"].create({"name": "Traveller", "company_id": self.office_a.id})
        trips = self.env["lighting.business.trip"].create(
            [
                {
                    "company_id": self.office_a.id,
                    "employee_id": employee.id,
                    "destination": "Shanghai",
                    "date_from": self.past - timedelta(days=2),
                    "date_to": self.past,
                    "purpose": "Fair",
                    "estimated_cost": 100,
                }
                for _i in range(2)
            ]
        )
        self._force(trips, state="approved")
        self._force(trips[0], state="reported", report_date=self.past)
        self._assert_rule("trip_report", trips[0], trips[1])

        rounds = self.env["lighting.risk.round"].create(
            [
                {
                    "company_id": self.office_a.id,
                    "date_start": self.past - timedelta(days=days),
                    "date_deadline": self.past,
                }
                for days in (0, 100)
            ]
        )
        self._force(rounds[0], state="done")
        self._assert_rule("risk_round", rounds[0], rounds[1])

        suggestions = self.env["lighting.suggestion"].create(
            [{"name": f"Idea {i}", "description": "Better coffee", "company_id": self.office_a.id} for i in range(2)]
        )
        self._force(suggestions, submit_date=self.past, deadline=self.past + timedelta(days=3))
        self._force(suggestions[0], answer_date=self.past + timedelta(days=1))
        self._assert_rule("suggestion_answered", suggestions[0], suggestions[1])

    def test_stocktakes_done_and_risk_responses_fitting_their_level(self):
        """R4.3.2, R7.2: a stocktake dated in a past period counts as done once adjusted; an assessed
        risk follows R7.2 when its response is one its level allows (none, or one written around the
        form's check, offends); a risk only identified is not counted yet."""
        stocktakes = self.env["lighting.asset.stocktake"].create(
            [{"company_id": self.office_a.id, "date": self.past} for _i in range(2)]
        )
        self._force(stocktakes[0], state="done")
        self._assert_rule("stocktake_done", stocktakes[0], stocktakes[1])

        risks = self.env["lighting.risk"].create(
            [
                {
                    "name": f"Price war {i}",
                    "company_id": self.office_a.id,
                    "category": "market",
                    "owner_id": self.users["manager", "a"].id,
                    "identified_on": self.past,
                    "likelihood": 4,
                    "impact": 3,
                }
                for i in range(4)
            ]
        )
        self.assertEqual(set(risks.mapped("level")), {"high"})
        risks[0].response = "mitigate"
        self._force(risks[:3], state="assessed")
        self._force(risks[2], response="accept")  # refused by the form for a high risk (test_risk)
        self._assert_rule("risk_response", risks[0], risks[1] | risks[2])

    def _two_rules(self):
        """Office A: meetings 1 of 2 with minutes (50 %), suggestions 1 of 1 answered (100 %);
        office B: 1 of 1 meeting with minutes (100 %)."""
        meetings = self.env["lighting.meeting"].create(
            [
                {"name": f"Weekly {i}", "company_id": office.id, "date_start": self.past}
                for i, office in enumerate((self.office_a, self.office_a, self.office_b))
            ]
        )
        self._force(meetings[0] | meetings[2], state="done")
        suggestion = self.env["lighting.suggestion"].create(
            {"name": "Idea", "description": "Better coffee", "company_id": self.office_a.id}
        )
        self._force(suggestion, submit_date=self.past, deadline=self.past + timedelta(days=3), answer_date=self.past)

    def _scores(self, user=None, refresh=True):
        if refresh:
            self.Compliance._refresh_office_figures()
        Score = self.Score.with_user(user) if user else self.Score
        Score.invalidate_model()
        rows = Score.search(
            [("company_id", "in", (self.office_a | self.office_b).ids), ("date", "=", self.past.replace(day=1))]
        )
        return {row.company_id: row for row in rows}

    def test_score_is_weighted_mean_and_ranked(self):
        """Issue 18 item 2: an office's score is the mean of its rules' shares weighted by HQ's
        weights, and offices rank by it; a group's share is its compliant records over its records."""
        self._two_rules()
        scores = self._scores()
        self.assertAlmostEqual(scores[self.office_a].score, 75.0)
        self.assertEqual((scores[self.office_b].score, scores[self.office_b].rank), (100.0, 1))
        self.assertEqual(scores[self.office_a].rank, 2)
        weight = self.env.ref("lighting_office.compliance_weight_meeting_minutes")
        weight.with_user(self.hq_management).weight = 3.0
        self.assertAlmostEqual(
            self._scores(refresh=False)[self.office_a].score, (3 * 50 + 100) / 4, "a weight counts before any refresh"
        )
        [group] = self.Compliance.read_group(
            [("company_id", "=", self.office_a.id), ("date", "=", self.past.replace(day=1))],
            ["share:avg", "score:avg"],
            [],
        )
        self.assertAlmostEqual(group["share"], 100.0 * 2 / 3)
        self.assertAlmostEqual(group["score"], (3 * 50 + 100) / 4)
        rules = self.env["lighting.office.compliance"].search(scores[self.office_a].action_open_rules()["domain"])
        self.assertEqual(set(rules.mapped("check_key")), {"meeting_minutes", "suggestion_answered"})

    def test_rows_per_role(self):
        """Issue 18 item 5: an office manager sees the own office's rules and score (with its rank
        among all offices) only; HQ sees every office; only HQ Management sets the weights."""
        self._two_rules()
        self.Compliance._refresh_office_figures()
        manager_a = self.users["manager", "a"]
        self.assertEqual(self.Compliance.with_user(manager_a).search([]).company_id, self.office_a)
        scores = self._scores(manager_a)
        self.assertEqual(list(scores), [self.office_a])
        self.assertEqual(scores[self.office_a].rank, 2)
        self.assertEqual(set(self._scores(self.hq_finance)), {self.office_a, self.office_b})
        weight = self.env.ref("lighting_office.compliance_weight_meeting_minutes")
        for user in (manager_a, self.hq_finance):
            with self.assertRaises(AccessError):
                weight.with_user(user).weight = 0
        with self.assertRaises(AccessError):
            self.Compliance.with_user(self.users["sales", "a"]).search([])

    def test_negative_weight_refused(self):
        """Issue 18 item 2: a negative weight is refused naming the field."""
        weight = self.env.ref("lighting_office.compliance_weight_meeting_minutes")
        with self.assertRefused(Exception, "Weight"):
            weight.with_user(self.hq_management).weight = -1

    def test_grouped_read_query_count(self):
        """Issue 18 item 4: compliance by office and rule is one grouped query, whatever the volume."""
        self._two_rules()
        self.Compliance._refresh_office_figures()
        Compliance = self.Compliance.with_user(self.hq_management)
        Compliance._read_group([], ["company_id"], ["total_count:sum"])
        self.env.cr.flush()  # the set-up's pending notifications are not the report's queries
        with self.assertQueryCount(GROUP_QUERIES):
            Compliance._read_group(
                [],
                ["company_id", "check_key"],
                ["compliant_count:sum", "total_count:sum", "weighted_share:sum", "weight:sum"],
            )


@tagged("post_install", "-at_install")
class TestComplianceReviewFlows(ExpenseCase):
    """Issue 18 item 2, the rules whose compliance is a review flow gone through."""

    def _rule(self, key):
        Compliance = self.env["lighting.office.compliance"]
        Compliance._refresh_office_figures()
        Compliance.invalidate_model()
        month = fields.Date.context_today(Compliance).replace(day=1)
        return Compliance.search([("company_id", "=", self.office_a.id), ("check_key", "=", key), ("date", "=", month)])

    def _offending(self, row):
        action = row.action_open_offending()
        return self.env[action["res_model"]].search(action["domain"])

    def test_expense_reports_through_all_steps(self):
        """R4.2.1: an approved expense report complies when the department head, the office manager
        and HQ Finance all approved it."""
        sheet = self._sheet()
        sheet.action_submit_sheet()
        for reviewer in (self.users["support", "a"], self.users["manager", "a"], self.hq_finance):
            sheet.with_user(reviewer).validate_tier()
        sheet.with_user(self.hq_finance).action_approve_expense_sheets()
        skipped = self._sheet(role="manager")
        TestOfficeCompliance._force(skipped, state="approve")
        row = self._rule("expense_steps")
        self.assertEqual((row.total_count, row.compliant_count, row.share), (2, 1, 50.0))
        self.assertEqual(self._offending(row), skipped)

    def test_documents_issued_with_review_and_number(self):
        """R6.2.1: an issued document complies when the office manager approved it and it has its number."""
        Document = self.env["lighting.document"]
        values = {
            "name": "Office hours notice",
            "document_type": "notice",
            "company_id": self.office_a.id,
            "class_id": self.env.ref("lighting_office.document_class_adm").id,
        }
        reviewed = Document.with_user(self.users["sales", "a"]).create(values)
        reviewed.request_validation()
        reviewed.with_user(self.users["manager", "a"]).validate_tier()
        reviewed.with_user(self.users["manager", "a"]).action_issue()
        self.assertTrue(reviewed.number)
        unreviewed = Document.create(dict(values, name="Issued without review"))
        TestOfficeCompliance._force(
            unreviewed, state="issued", number="TA-X-1", date_issue=fields.Date.context_today(Document)
        )
        row = self._rule("document_issued")
        self.assertEqual((row.total_count, row.compliant_count), (2, 1))
        self.assertEqual(self._offending(row), unreviewed)
