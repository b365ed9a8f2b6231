from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .risk_common import RiskCase


@tagged("post_install", "-at_install")
class TestRiskIdentification(RiskCase):
    """R7.1.1: risks of each office are identified periodically."""

    def test_manager_records_a_risk_through_its_states(self):
        """R7.1.1: the office manager records a risk with its identification fields and moves it
        from identified to assessed, treated and closed."""
        manager = self.users["manager", "a"]
        risk = self.Risk.with_user(manager).create(
            {
                "name": "Installer leaves",
                "category": "personnel",
                "description": "Our only installer may quit",
                "cause": "Pay below market",
                "owner_id": manager.id,
            }
        )
        self.assertEqual(risk.company_id, self.office_a)
        self.assertEqual(risk.identified_on, fields.Date.today())
        self.assertGreater(risk.next_review_date, risk.identified_on)
        self.assertEqual(risk.state, "identified")
        with self.assertRefused(UserError, "Installer leaves", "Likelihood"):
            risk.action_assess()
        risk.write({"likelihood": 3, "impact": 3})
        risk.action_assess()
        self.assertEqual(risk.state, "assessed")
        with self.assertRefused(UserError, "Installer leaves", "Response"):
            risk.action_treat()
        risk.write({"response": "monitor"})
        risk.action_treat()
        risk.action_close()
        self.assertEqual(risk.state, "closed")

    def test_five_categories(self):
        """R7.1.1: market, technical, financial, legal and personnel risks."""
        categories = [value for value, _label in self.Risk._fields["category"].selection]
        self.assertEqual(categories, ["market", "technical", "financial", "legal", "personnel"])

    def test_quarterly_round_asks_each_manager(self):
        """R7.1.1: the quarterly cron opens one round per office, with an activity for its manager,
        and running it again in the quarter adds nothing."""
        Round = self.env["lighting.risk.round"]
        rounds = Round._cron_open_quarterly_rounds()
        mine = rounds.filtered(lambda r: r.company_id in self.office_a | self.office_b)
        self.assertEqual(mine.company_id, self.office_a | self.office_b)
        today = fields.Date.today()
        self.assertEqual(mine[0].date_start, today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1))
        for round_ in mine:
            self.assertEqual(round_.activity_ids.user_id, round_.company_id.office_manager_id)
            self.assertIn("add new ones", round_.activity_ids.summary)
        self.assertFalse(Round._cron_open_quarterly_rounds())
        self.assertEqual(Round.search_count([("company_id", "=", self.office_a.id)]), 1)
        round_a = mine.filtered(lambda r: r.company_id == self.office_a).with_user(self.users["manager", "a"])
        risk = self.Risk.with_user(self.users["manager", "a"]).create(
            {"name": "New rival shop", "category": "market", "round_id": round_a.id}
        )
        round_a.action_done()
        self.assertEqual((round_a.state, round_a.risk_ids), ("done", risk))
        self.assertFalse(
            self.env["mail.activity"].search([("res_model", "=", "lighting.risk.round"), ("res_id", "=", round_a.id)])
        )


@tagged("post_install", "-at_install")
class TestRiskAssessment(RiskCase):
    """R7.1.2: likelihood and impact on scales, a score and a level, indicators, history."""

    def test_default_score_and_level(self):
        """R7.1.2: by default score = likelihood x impact; low below 5, medium from 5, high from 12."""
        high, medium, low = (
            self._risk(likelihood=4, impact=3),
            self._risk(likelihood=2, impact=3),
            self._risk(likelihood=1, impact=2),
        )
        self.assertEqual((high.score, high.level), (12, "high"))
        self.assertEqual((medium.score, medium.level), (6, "medium"))
        self.assertEqual((low.score, low.level), (2, "low"))
        self.assertFalse(self._risk().level)

    def test_company_sets_rule_and_thresholds(self):
        """R7.1.2: the office's own score rule and thresholds decide the level, also of existing risks."""
        risk = self._risk(likelihood=4, impact=3)
        self.office_a.write({"risk_score_rule": "sum", "risk_medium_threshold": 4, "risk_high_threshold": 8})
        self.assertEqual((risk.score, risk.level), (7, "medium"))
        self.office_a.risk_score_rule = "max"
        self.assertEqual((risk.score, risk.level), (4, "medium"))
        with self.assertRefused(ValidationError, "Office A", "High Risk from Score"):
            self.office_a.risk_high_threshold = 3
        self.assertEqual(self.office_a.risk_high_threshold, 8)

    def test_scales_describe_values(self):
        """R7.1.2: each value of the 1-5 scales has a configurable description."""
        risk = self._risk(likelihood=5, impact=1)
        self.assertEqual((risk.likelihood_name, risk.impact_name), ("Almost certain", "Negligible"))
        self.env.ref("lighting_office.risk_scale_likelihood_5").name = "Weekly"
        risk.invalidate_recordset(["likelihood_name"])
        self.assertEqual(risk.likelihood_name, "Weekly")
        with self.assertRefused(ValidationError, "Value must be from 1 to 5"):
            self.env["lighting.risk.scale"].create({"axis": "impact", "value": 6, "name": "Beyond"})

    def test_outside_the_scale_refused(self):
        """R7.1.2: a likelihood or impact outside the scale is refused, naming the risk and the field;
        nothing is written."""
        with self.assertRefused(ValidationError, "Risk Too likely", "Likelihood", "6"):
            self._risk(name="Risk Too likely", likelihood=6, impact=2)
        self.assertFalse(self.Risk.search([("name", "=", "Risk Too likely")]))
        risk = self._risk(name="Risk Odd", likelihood=2, impact=2)
        with self.assertRefused(ValidationError, "Risk Odd", "Impact", "-1"):
            risk.write({"impact": -1})
        with self.assertRefused(ValidationError, "Risk Odd", "Residual Likelihood"):
            risk.write({"residual_likelihood": 9, "residual_impact": 1})
        self.assertEqual((risk.impact, risk.residual_likelihood), (2, 0))
        self.assertEqual(len(risk.assessment_ids), 1)

    def test_every_reassessment_is_kept(self):
        """R7.1.2: every (re-)assessment is kept with who assessed and when."""
        manager = self.users["manager", "a"]
        risk = self._risk(likelihood=1, impact=2).with_user(manager)
        risk.write({"likelihood": 3})
        risk.write({"impact": 4, "likelihood": 4})
        risk.write({"name": "Renamed"})
        history = risk.assessment_ids.sorted("id")
        self.assertEqual(
            [(h.likelihood, h.impact, h.score, h.level) for h in history],
            [(1, 2, 2, "low"), (3, 2, 6, "medium"), (4, 4, 16, "high")],
        )
        self.assertEqual(history[1:].user_id, manager)
        self.assertTrue(all(h.assessed_on for h in history))

    def test_crossed_indicator_raises_likelihood(self):
        """R7.1.2: an indicator (measure, threshold, current value) raises the likelihood when
        crossed, once, up to the top of the scale, and the history says why."""
        risk = self._risk(likelihood=2, impact=3, response="reduce")
        indicator = (
            self.env["lighting.risk.indicator"]
            .with_user(self.users["manager", "a"])
            .create({"name": "Orders lost (%)", "risk_id": risk.id, "threshold": 10, "current_value": 5})
        )
        self.assertEqual(risk.likelihood, 2)
        indicator.current_value = 15
        self.assertTrue(indicator.is_crossed)
        self.assertEqual(risk.likelihood, 3)
        self.assertIn("Orders lost (%)", risk.assessment_ids.sorted("id")[-1].note)
        indicator.current_value = 20
        self.assertEqual(risk.likelihood, 3)
        below = self.env["lighting.risk.indicator"].create(
            {
                "name": "Cash days",
                "risk_id": risk.id,
                "direction": "below",
                "threshold": 30,
                "current_value": 40,
                "likelihood_step": 4,
            }
        )
        below.current_value = 20
        self.assertEqual(risk.likelihood, 5)

    def test_new_level_drops_unfit_response(self):
        """R7.1.2/R7.2: when a re-assessment moves a treated risk to another level, the response the
        new level does not allow is dropped and the owner is asked to choose again."""
        risk = self._risk(likelihood=2, impact=3, response="monitor", state="treated")
        self.env["lighting.risk.indicator"].create(
            {
                "name": "Complaints",
                "risk_id": risk.id,
                "threshold": 3,
                "current_value": 9,
                "likelihood_step": 3,
            }
        )
        self.assertEqual((risk.likelihood, risk.level), (5, "high"))
        self.assertFalse(risk.response)
        self.assertEqual(risk.state, "assessed")
        self.assertEqual(risk.assessment_ids.mapped("note"), [False, "Indicator crossed: Complaints"])
        self.assertEqual(risk.activity_ids.user_id, self.users["manager", "a"])

    def test_new_office_settings_drop_unfit_responses(self):
        """R7.1.2/R7.2: when the office's thresholds move an open risk to another level, the history
        says why, a response the new level does not allow is dropped and the owner chooses again;
        the settings' administrator need not work in the risk register."""
        treated = self._risk(likelihood=2, impact=3, response="monitor", state="treated")
        still_high = self._risk(name="Risk Still High", likelihood=4, impact=4, response="avoid")
        closed = self._risk(name="Risk Closed", likelihood=2, impact=3, response="reduce", state="closed")
        history_before = (still_high | closed).assessment_ids
        administrator = new_test_user(
            self.env, login="settings_admin", groups="base.group_user,base.group_system", company_id=self.office_a.id
        )
        self.assertFalse(self.Risk.with_user(administrator).has_access("read"))
        self.office_a.with_user(administrator).write({"risk_medium_threshold": 3, "risk_high_threshold": 6})
        self.assertEqual((treated.level, treated.response, treated.state), ("high", False, "assessed"))
        self.assertEqual(treated.activity_ids.user_id, self.users["manager", "a"])
        latest = treated.assessment_ids.sorted("id")[-1]
        self.assertEqual((latest.score, latest.level), (6, "high"))
        self.assertIn("settings changed", latest.note)
        self.assertEqual((still_high.level, still_high.response), ("high", "avoid"))
        self.assertEqual((closed.level, closed.response), ("high", "reduce"))
        self.assertEqual((still_high | closed).assessment_ids, history_before)


@tagged("post_install", "-at_install")
class TestRiskResponse(RiskCase):
    """R7.2: responses by level, response actions, residual assessment."""

    def test_responses_allowed_by_level(self):
        """R7.2: high allows avoid, mitigate or transfer; medium reduce or monitor; low accept."""
        cases = {(4, 4): ("avoid", "mitigate", "transfer"), (2, 3): ("reduce", "monitor"), (1, 1): ("accept",)}
        every = {"avoid", "mitigate", "transfer", "reduce", "monitor", "accept"}
        for (likelihood, impact), allowed in cases.items():
            risk = self._risk(name=f"Risk {likelihood}x{impact}", likelihood=likelihood, impact=impact)
            for response in allowed:
                risk.response = response
                self.assertEqual(risk.response, response)
            for response in every - set(allowed):
                with (
                    self.subTest(level=risk.level, response=response),
                    self.assertRefused(ValidationError, risk.name, "Response", "allowed"),
                ):
                    risk.write({"response": response})
            self.assertEqual(risk.response, allowed[-1])

    def test_unfit_response_refused_on_create(self):
        """R7.2: a response outside what the level allows is refused when the risk is saved."""
        with self.assertRefused(ValidationError, "Risk Accepting", "Response", "Accept", "High"):
            self._risk(name="Risk Accepting", likelihood=5, impact=5, response="accept")
        with self.assertRefused(ValidationError, "Risk Unassessed", "Response"):
            self._risk(name="Risk Unassessed", response="monitor")
        self.assertFalse(self.Risk.search([("name", "in", ["Risk Accepting", "Risk Unassessed"])]))

    def test_high_risk_not_closed_with_open_actions(self):
        """R7.2: a high risk with open response actions cannot be closed; once they are done it can."""
        risk = self._risk(name="Risk Dealer", likelihood=4, impact=5, response="transfer")
        action = self._action(risk, self.users["sales", "a"])
        with self.assertRefused(ValidationError, "Risk Dealer", "Response Actions"):
            risk.action_close()
        with self.assertRefused(ValidationError, "Risk Dealer", "Response Actions"):
            risk.write({"state": "closed"})
        self.assertEqual(risk.state, "identified")
        action.action_done()
        risk.action_close()
        self.assertEqual(risk.state, "closed")
        medium = self._risk(likelihood=2, impact=3, response="reduce")
        self._action(medium, self.users["sales", "a"])
        medium.action_close()
        self.assertEqual(medium.state, "closed")

    def test_residual_assessment_after_actions(self):
        """R7.2: the residual assessment comes after the response actions, and is kept as history."""
        risk = self._risk(name="Risk Receivable", likelihood=4, impact=4, response="mitigate")
        action = self._action(risk, self.users["manager", "a"])
        with self.assertRefused(ValidationError, "Risk Receivable", "Residual"):
            risk.write({"residual_likelihood": 2, "residual_impact": 2})
        action.action_cancel()
        risk.write({"residual_likelihood": 2, "residual_impact": 2})
        self.assertEqual((risk.residual_score, risk.residual_level), (4, "low"))
        self.assertEqual(risk.assessment_ids.sorted("id")[-1].kind, "residual")

    def test_todos_scheduled_in_one_create_per_owner(self):
        """R7.2: overdue actions of two owners get each one automated to-do, due today, made through
        activity_schedule in one create per owner; none when activity automation is skipped."""
        risk = self._risk(likelihood=4, impact=4, response="avoid")
        owners = self.users["sales", "a"], self.users["support", "a"]
        yesterday = fields.Date.today() - timedelta(days=1)
        actions = [self._action(risk, owner, date_deadline=yesterday) for owner in (*owners, owners[0])]
        Action = self.env["lighting.risk.action"]
        Activity = type(self.env["mail.activity"])
        Action.with_context(mail_activity_automation_skip=True)._cron_flag_overdue()
        self.assertFalse(risk.action_ids.activity_ids)
        with patch.object(Activity, "create", autospec=True, side_effect=Activity.create) as create:
            Action._cron_flag_overdue()
        self.assertEqual(create.call_count, 2)
        for action, owner in zip(actions, (*owners, owners[0]), strict=True):
            activity = action.activity_ids
            self.assertEqual(activity.user_id, owner)
            self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))
            self.assertTrue(activity.automated)
            self.assertEqual(activity.date_deadline, fields.Date.context_today(activity))

    def test_overdue_actions_stand_out_and_raise_activities(self):
        """R7.2: an overdue action is flagged on itself and its risk, and the daily cron gives its
        owner one activity."""
        risk = self._risk(likelihood=4, impact=4, response="avoid")
        owner = self.users["sales", "a"]
        late = self._action(risk, owner, date_deadline=fields.Date.today() - timedelta(days=1))
        on_time = self._action(risk, owner)
        self.assertTrue(late.is_overdue)
        self.assertFalse(on_time.is_overdue)
        self.assertTrue(risk.has_overdue_action)
        Action = self.env["lighting.risk.action"]
        self.assertEqual(Action.search([("is_overdue", "=", True), ("risk_id", "=", risk.id)]), late)
        self.assertEqual(self.Risk.search([("has_overdue_action", "=", True)]), risk)
        Action._cron_flag_overdue()
        self.assertEqual(late.activity_ids.user_id, owner)
        self.assertFalse(on_time.activity_ids)
        Action._cron_flag_overdue()
        self.assertEqual(len(late.activity_ids), 1)
        late.with_user(owner).action_done()
        self.assertFalse(risk.has_overdue_action)
        self.assertFalse(
            self.env["mail.activity"].search([("res_model", "=", "lighting.risk.action"), ("res_id", "=", late.id)])
        )
