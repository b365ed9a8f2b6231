from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, fields, sql_db
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models.office_figures_mixin import REFRESH_LOCK
from .budget_common import BudgetCase

# One grouped SELECT, for 2 offices or 50 (bench/scorecard.py).
GROUP_QUERIES = 1
# The lock, JIT off, then a DELETE and an INSERT ... SELECT for the scorecard and for compliance.
REFRESH_QUERIES = 6


@tagged("post_install", "-at_install")
class TestOfficeScorecard(BudgetCase):
    """Issue 18: one scorecard row per office and month, every figure from the
    office's records and each opening the records behind it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["lighting.office.scorecard"])
        cls.month = cls.today.replace(day=1)
        cls.Scorecard = cls.env["lighting.office.scorecard"]
        sales_a = cls.users["sales", "a"]
        cls.orders_a = cls._confirmed(cls.office_a, sales_a, 10) | cls._confirmed(cls.office_a, sales_a, 5)
        cls._order(cls.office_a, sales_a, 99)  # a quotation: no sale
        cls._confirmed(cls.office_b, cls.users["sales", "b"], 7)
        cls.target = cls.env["lighting.office.target"].create(
            {
                "name": "Quarter",
                "company_id": cls.office_a.id,
                "target_amount": 9000,
                "state": "active",
                "date_start": cls.month,
                "date_end": cls.month + relativedelta(months=3, days=-1),
            }
        )
        cls.Scorecard._refresh_office_figures()

    @classmethod
    def _confirmed(cls, office, salesperson, qty):
        order = cls._order(office, salesperson, qty)
        cls._approve(order)
        order.with_user(salesperson).action_confirm()
        return order

    def _row(self, office, month=None, user=None):
        """The office's row of the month, refreshed from the records as they are now."""
        self.Scorecard._refresh_office_figures()
        Scorecard = self.Scorecard.with_user(user) if user else self.Scorecard
        Scorecard.invalidate_model()
        return Scorecard.search([("company_id", "=", office.id), ("date", "=", month or self.month)])

    def _records(self, action):
        return self.env[action["res_model"]].search(action["domain"])

    def test_sales_against_target(self):
        """R1.3: sales are the office's confirmed orders of the month, the target its share of the
        targets in force; a group's achievement is its sales over its target."""
        row = self._row(self.office_a)
        self.assertEqual(row.sales_amount, 1500)
        self.assertEqual(row.target_amount, 3000)
        self.assertAlmostEqual(row.sales_achievement, 50.0)
        self.assertEqual(self._row(self.office_b).sales_amount, 700)
        self.assertEqual(self._records(row.action_open_sales()), self.orders_a)
        self.assertEqual(self._records(row.action_open_targets()), self.target)
        next_month = self._row(self.office_a, self.month + relativedelta(months=1))
        self.assertEqual((next_month.sales_amount, next_month.target_amount), (0, 3000))
        [total] = self.Scorecard.read_group(
            [("company_id", "in", (self.office_a | self.office_b).ids), ("date", "=", self.month)],
            ["sales_amount:sum", "target_amount:sum", "sales_achievement:avg"],
            [],
        )
        self.assertAlmostEqual(total["sales_achievement"], 2200 / 3000 * 100)

    def test_pipeline_by_prospect_class(self):
        """R3.1.1: leads of the month are counted by prospect class with their expected revenue."""
        Lead = self.env["crm.lead"]
        leads = Lead.create(
            [
                {"name": f"Lead {cls}", "company_id": self.office_a.id, "prospect_class": cls, "expected_revenue": 400}
                for cls in ("a", "a", "b")
            ]
        )
        Lead.create({"name": "Other office", "company_id": self.office_b.id, "prospect_class": "c"})
        row = self._row(self.office_a)
        self.assertEqual((row.lead_a_count, row.lead_b_count, row.lead_c_count), (2, 1, 0))
        self.assertEqual(row.pipeline_amount, 1200)
        self.assertEqual(self._records(row.action_open_leads()), leads)
        self.assertEqual(self._row(self.office_b).lead_c_count, 1)

    def _invoice(self, office, amount, days_overdue):
        return self._overdue_invoice(office, amount, days_overdue, self.today)

    def test_overdue_receivables_by_aging(self):
        """R3.1.6: overdue receivables count in their due month, in their aging bucket."""
        late = self._invoice(self.office_a, 200, 45)
        self._invoice(self.office_a, 800, -5)  # not yet due
        row = self._row(self.office_a, (self.today - timedelta(days=45)).replace(day=1))
        self.assertEqual((row.overdue_amount, row.overdue_31_60, row.overdue_1_30), (200, 200, 0))
        self.assertEqual(self._records(row.action_open_overdue()).move_id, late)
        self.assertFalse(self._row(self.office_a, (self.today + timedelta(days=5)).replace(day=1)).overdue_amount)

    def test_budget_versus_actual(self):
        """R4.1: revenue, cost, expense and profit come from posted entries, the budgeted profit from
        the budget in force."""
        self._put_in_force(
            self._budget(self.office_a, [("revenue", 1, 1000.0), ("cost", 1, 400.0), ("expense", 1, 200.0)])
        )
        self._post(self.office_a, "revenue", 1500.0)
        self._post(self.office_a, "cost", 300.0)
        self._post(self.office_a, "expense", 250.0)
        self._post(self.office_a, "revenue", 5000.0, post=False)
        row = self._row(self.office_a, date(self.YEAR, 1, 1))
        self.assertEqual((row.revenue, row.cost, row.expense), (1500, 300, 250))
        self.assertEqual((row.profit, row.budget_profit), (950, 400))
        lines = self._records(row.action_open_budget())
        self.assertEqual(set(lines.mapped("category")), {"revenue", "cost", "expense"})
        self.assertEqual(sum(lines.mapped("profit_actual")), row.profit)

    def test_expenses_and_preapprovals(self):
        """R4.2: approved expenses of the month and the large expenses HQ pre-approved."""
        employee = self.env["hr.employee"].create({"name": "Claimant", "company_id": self.office_a.id})
        product = self.env["product.product"].create({"name": "Travel", "type": "service", "can_be_expensed": True})
        expenses = self.env["hr.expense"].create(
            [
                {
                    "name": f"Taxi {amount}",
                    "employee_id": employee.id,
                    "product_id": product.id,
                    "total_amount_currency": amount,
                    "company_id": self.office_a.id,
                }
                for amount in (120.0, 80.0, 999.0)
            ]
        )
        self.env.flush_all()
        # The report's approval flow is proven in test_expense; here only its outcome matters.
        self.env.cr.execute("UPDATE hr_expense SET state = 'approved' WHERE id IN %s", [tuple(expenses[:2].ids)])
        self.env.invalidate_all()
        Preapproval = self.env["lighting.expense.preapproval"]
        approved = Preapproval.create(
            {"company_id": self.office_a.id, "employee_id": employee.id, "purpose": "Trade fair booth", "amount": 20000}
        )
        approved.request_validation()
        approved.with_user(self.hq_finance).validate_tier()
        approved.action_confirm()
        self.assertEqual(approved.state, "approved")
        Preapproval.create(
            {"company_id": self.office_a.id, "employee_id": employee.id, "purpose": "Draft", "amount": 50000}
        )
        row = self._row(self.office_a)
        self.assertEqual(row.expense_claimed, 200)
        self.assertEqual((row.preapproval_count, row.preapproval_amount), (1, 20000))
        self.assertEqual(self._records(row.action_open_expenses()), expenses[:2])
        self.assertEqual(self._records(row.action_open_preapprovals()), approved)

    def test_service_figures(self):
        """R3.2, R3.3: consultations and feedback in time, repair turnaround and satisfaction."""
        Ticket = self.env["helpdesk.ticket"]
        consultations = Ticket.create(
            [
                {"name": f"Question {i}", "description": "Dimming", "team_id": self.office_a.office_support_team_id.id}
                for i in range(3)
            ]
        )
        consultations[0].first_response_date = consultations[0].create_date + timedelta(hours=1)
        consultations[1].first_response_date = consultations[1].create_date + timedelta(days=30)
        feedback = Ticket.create(
            {
                "name": "Flicker",
                "description": "Flicker",
                "team_id": self.office_a.office_aftersales_team_id.id,
                "severity": "minor",
            }
        )
        feedback.closed_date = feedback.create_date + timedelta(hours=2)
        row = self._row(self.office_a)
        self.assertEqual((row.consultation_count, row.consultation_on_time), (3, 1))
        self.assertAlmostEqual(row.consultation_on_time_rate, 100 / 3)
        self.assertEqual((row.feedback_count, row.feedback_on_time, row.feedback_on_time_rate), (1, 1, 100))
        self.assertEqual(self._records(row.action_open_consultations()), consultations)
        self.assertEqual(self._records(row.action_open_feedback()), feedback)

        repairs = (
            self.env["repair.order"]
            .with_company(self.office_a)
            .create([{"product_id": self.product.id, "company_id": self.office_a.id} for _i in range(2)])
        )
        for repair in repairs:
            self.env["lighting.repair.test"].create(
                {"repair_id": repair.id, "tests_done": "Burn-in", "measured_results": "OK", "result": "passed"}
            )
        repairs.write({"state": "done"})
        self.env.flush_all()
        # Turnarounds of 2 and 4 days, as if the repairs had been opened earlier.
        for repair, days in zip(repairs, (2.0, 4.0), strict=True):
            self.env.cr.execute(
                "UPDATE repair_order SET lighting_turnaround_days = %s WHERE id = %s", [days, repair.id]
            )
        jobs = self.env["lighting.install.job"].create(
            [
                {
                    "partner_id": self.customer.id,
                    "company_id": self.office_a.id,
                    "sale_order_id": self.orders_a[0].id,
                    "satisfaction_score": score,
                    "satisfaction_date": self.today,
                }
                for score in (5, 3)
            ]
        )
        self.env.invalidate_all()
        row = self._row(self.office_a)
        self.assertEqual((row.repair_count, row.repair_turnaround), (2, 3.0))
        self.assertEqual((row.survey_count, row.satisfaction), (2, 4.0))
        self.assertEqual(self._records(row.action_open_repairs()), repairs)
        self.assertEqual(self._records(row.action_open_surveys()), jobs)

    def test_risks_and_overdue_actions(self):
        """R7: open risks of the month by level and the response actions past their due date."""
        Risk = self.env["lighting.risk"]
        owner = self.users["manager", "a"]
        high = Risk.create(
            {
                "name": "Price war",
                "company_id": self.office_a.id,
                "category": "market",
                "owner_id": owner.id,
                "likelihood": 5,
                "impact": 5,
            }
        )
        Risk.create(
            {
                "name": "Closed",
                "company_id": self.office_a.id,
                "category": "market",
                "owner_id": owner.id,
                "likelihood": 5,
                "impact": 5,
                "state": "closed",
            }
        )
        action = self.env["lighting.risk.action"].create(
            {
                "name": "Sign price protection",
                "risk_id": high.id,
                "owner_id": owner.id,
                "date_deadline": self.today - timedelta(days=1),
            }
        )
        row = self._row(self.office_a)
        self.assertEqual((row.risk_high_count, row.risk_medium_count, row.risk_low_count), (1, 0, 0))
        self.assertEqual(self._records(row.action_open_risks()), high)
        overdue_row = self._row(self.office_a, action.date_deadline.replace(day=1))
        self.assertEqual(overdue_row.overdue_action_count, 1)
        self.assertEqual(self._records(overdue_row.action_open_overdue_actions()), action)

    def test_people_against_plan(self):
        """R5.1: headcount and open positions today against this year's approved recruitment plan."""
        before = self._row(self.office_a).headcount
        self.env["hr.employee"].create([{"name": f"Staff {i}", "company_id": self.office_a.id} for i in range(2)])
        job = self.env["hr.job"].create({"name": "Installer", "company_id": self.office_a.id, "no_of_recruitment": 3})
        plan = self.env["lighting.recruitment.plan"].create(
            {
                "company_id": self.office_a.id,
                "year": self.today.year,
                "line_ids": [Command.create({"name": "Installer", "headcount": 4})],
            }
        )
        plan.request_validation()
        plan.with_user(self.hq_management).validate_tier()
        plan.action_confirm()
        self.assertEqual(plan.state, "approved")
        row = self._row(self.office_a)
        self.assertEqual(row.headcount, before + 2)
        self.assertEqual(row.planned_headcount, 4)
        positions = self._records(row.action_open_positions())
        self.assertIn(job, positions)
        self.assertEqual(row.open_position_count, sum(positions.mapped("no_of_recruitment")))
        open_positions = row.open_position_count
        job.no_of_recruitment = 0
        self.assertEqual(self._row(self.office_a).open_position_count, open_positions - 3)
        self.assertEqual(self._records(row.action_open_plan()), plan.line_ids)
        self.assertEqual(len(self._records(row.action_open_employees())), row.headcount)

    def test_rows_per_role(self):
        """Issue 18 item 5: an office manager reads the own office's row only, HQ every office's,
        other roles no scorecard at all."""
        manager_a = self.users["manager", "a"]
        rows = self.Scorecard.with_user(manager_a).search([("date", "=", self.month)])
        self.assertEqual(rows.company_id, self.office_a)
        self.assertFalse(self._row(self.office_b, user=manager_a))
        groups = self.Scorecard.with_user(self.users["manager", "b"]).read_group(
            [], ["sales_amount:sum"], ["company_id"]
        )
        self.assertEqual([group["company_id"][0] for group in groups], [self.office_b.id])
        for hq_user in (self.hq_finance, self.hq_management):
            offices = self.Scorecard.with_user(hq_user).search([("date", "=", self.month)]).company_id
            self.assertLessEqual(self.office_a | self.office_b, offices)
        with self.assertRaises(AccessError):
            self.Scorecard.with_user(self.users["sales", "a"]).search([])

    def test_grouped_read_query_count(self):
        """Issue 18 item 4: the scorecard by office and quarter is one grouped query, whatever the volume."""
        Scorecard = self.Scorecard.with_user(self.hq_management)
        Scorecard._read_group([], ["company_id"], ["sales_amount:sum"])  # warm the rules' cache
        self.env.cr.flush()  # the set-up's pending notifications are not the report's queries
        with self.assertQueryCount(GROUP_QUERIES):
            Scorecard._read_group(
                [], ["company_id", "date:quarter"], ["sales_amount:sum", "target_amount:sum", "satisfaction_total:sum"]
            )

    def test_refresh_query_count(self):
        """Issue 18 item 4: refreshing every office's figures is a fixed number of statements,
        whatever the number of offices and records."""
        self.Scorecard._refresh_office_figures()  # the reader's time zone and the fields' caches
        with self.assertQueryCount(REFRESH_QUERIES):
            self.Scorecard._refresh_office_figures()

    def test_figures_as_of_their_refresh(self):
        """Issue 18 item 4: the figures are those of their last refresh, which each row shows (As of);
        the Refresh button brings in the records since for whoever reads the scorecard, and refuses
        a salesperson."""
        row = self._row(self.office_a)
        as_of = row.refreshed_at
        self.assertEqual(row.sales_amount, 1500)
        self.assertTrue(as_of)
        self._confirmed(self.office_a, self.users["sales", "a"], 4)
        self.env["lighting.meeting"].create(
            {"name": "Weekly", "company_id": self.office_a.id, "date_start": fields.Datetime.now() - timedelta(hours=1)}
        )
        self.env.flush_all()
        row.invalidate_recordset()
        self.assertEqual(row.sales_amount, 1500, "not refreshed yet: the figure of its As of")
        with self.assertRaises(AccessError):
            self.Scorecard.with_user(self.users["sales", "a"]).action_refresh()
        self.Scorecard.with_user(self.users["manager", "a"]).action_refresh()
        row.invalidate_recordset()
        self.assertEqual(row.sales_amount, 1900, "the row keeps its id across refreshes")
        self.assertGreaterEqual(row.refreshed_at, as_of)
        compliance = self.env["lighting.office.compliance"].search([("check_key", "=", "meeting_minutes")], limit=1)
        self.assertEqual(compliance.refreshed_at, row.refreshed_at, "scorecard and compliance share their As of")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("lighting_office.action_report_office_scorecard", row.ids)[0]
            .decode()
        )
        self.assertRegex(html, r"As of <span>[^<]+</span>", "the PDF says how fresh it is")

    def test_refresh_excludes_another(self):
        """Issue 18 item 4: a refresh holds its lock until its transaction ends, so a second refresh
        from another transaction (cron, another user's button) cannot run at the same moment."""
        self.Scorecard.with_user(self.hq_management).action_refresh()
        other = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            other.execute("SELECT pg_try_advisory_xact_lock(%s)", [REFRESH_LOCK])
            self.assertFalse(other.fetchone()[0])
        finally:
            other.rollback()
            other.close()

    def test_monthly_mail_in_chinese(self):
        """Issue 18 item 3: on the 1st each office manager gets last month's scorecard PDF of the
        own office, HQ Management every office's and one of all offices, in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "lighting_office")])._update_translations(["zh_CN"])
        last_month = self.month - relativedelta(months=1)
        self.env["lighting.office.target"].create(
            [
                {
                    "name": "Last month",
                    "company_id": office.id,
                    "target_amount": 1000,
                    "state": "active",
                    "date_start": last_month,
                    "date_end": self.month - timedelta(days=1),
                }
                for office in (self.office_a, self.office_b)
            ]
        )
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        self.Scorecard._cron_mail_monthly_scorecard()
        mails = Mail.search([]) - before
        manager_a = self.users["manager", "a"].partner_id
        to_a = mails.filtered(lambda mail: manager_a in mail.recipient_ids)
        self.assertEqual(len(to_a), 1, "manager A gets the own office's scorecard only")
        self.assertIn("Office A", to_a.subject)
        self.assertNotIn(self.users["manager", "b"].partner_id, to_a.recipient_ids)
        hq_mails = mails.filtered(lambda mail: self.hq_management.partner_id in mail.recipient_ids)
        self.assertGreaterEqual(len(hq_mails), 3, "HQ gets office A's, office B's and the all-offices scorecard")
        all_offices = hq_mails.filtered(lambda mail: "所有办事处" in mail.subject)
        self.assertEqual(len(all_offices), 1)
        self.assertIn("办事处经营记分卡", all_offices.subject)
        self.assertEqual(all_offices.attachment_ids.mimetype, "application/pdf")
        self.assertIn(last_month.strftime("%Y-%m"), all_offices.subject)
