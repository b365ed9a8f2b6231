from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ROLES
from .risk_common import RiskCase

STAFF = ("sales", "support", "aftersales")


@tagged("post_install", "-at_install")
class TestRiskAccess(RiskCase):
    """R7.1.1 per office: each role's access to the risk register; office A never reads or
    changes office B's risks; head office reads every office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.records = {key: cls._office_risk(office, key) for office, key in ((cls.office_a, "a"), (cls.office_b, "b"))}

    @classmethod
    def _office_risk(cls, office, key):
        risk = cls._risk(office, name=f"Risk {key}", likelihood=4, impact=4, response="mitigate")
        return {
            "lighting.risk": risk,
            "lighting.risk.action": cls._action(risk, cls.users["sales", key]),
            "lighting.risk.indicator": cls.env["lighting.risk.indicator"].create(
                {"name": f"Indicator {key}", "risk_id": risk.id, "threshold": 10}
            ),
            "lighting.risk.assessment": risk.assessment_ids,
            "lighting.risk.round": cls.env["lighting.risk.round"].create(
                {
                    "company_id": office.id,
                    "date_start": fields.Date.today() + relativedelta(day=1),
                    "date_deadline": fields.Date.today() + relativedelta(day=31),
                }
            ),
        }

    def _readable(self, user, records):
        Model = self.env[records._name].with_user(user)
        if not Model.has_access("read"):
            return Model.browse()
        return Model.search([("id", "in", records.ids)])

    def test_every_role_reads_own_office_only(self):
        """R7.1.1: every role of office A reads A's risks, actions, indicators, history and rounds,
        and none of office B's."""
        for role in ROLES:
            user = self.users[role, "a"]
            for model in self.records["a"]:
                with self.subTest(role=role, model=model):
                    self.assertEqual(self._readable(user, self.records["a"][model]), self.records["a"][model])
                    self.assertFalse(self._readable(user, self.records["b"][model]))
                    with self.assertRaises(AccessError):
                        self.records["b"][model].with_user(user).read(["display_name"])

    def test_staff_cannot_change_risks(self):
        """R7.1.1: sales, support and after-sales staff read the register but do not change it."""
        risk = self.records["a"]["lighting.risk"]
        for role in STAFF:
            user = self.users[role, "a"]
            with self.subTest(role=role):
                with self.assertRaises(AccessError):
                    risk.with_user(user).write({"name": "changed"})
                with self.assertRaises(AccessError):
                    self.Risk.with_user(user).create({"name": "Mine", "category": "legal"})
                with self.assertRaises(AccessError):
                    risk.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    self.records["a"]["lighting.risk.indicator"].with_user(user).write({"current_value": 99})
        self.assertEqual(risk.name, "Risk a")

    def test_staff_complete_only_their_own_actions(self):
        """R7.2: the owner of a response action marks it done; other staff cannot change it."""
        action = self.records["a"]["lighting.risk.action"]
        with self.assertRaises(AccessError):
            action.with_user(self.users["support", "a"]).action_done()
        action.with_user(self.users["sales", "a"]).action_done()
        self.assertEqual(action.state, "done")

    def test_manager_runs_own_office_register(self):
        """R7.1.1/R7.1.2: the office manager creates, assesses and answers risks of the own office,
        and cannot create or change office B's."""
        manager = self.users["manager", "a"]
        risk = self.Risk.with_user(manager).create(
            {"name": "Contract clause", "category": "legal", "likelihood": 1, "impact": 2, "response": "accept"}
        )
        self.assertEqual(risk.company_id, self.office_a)
        self.assertEqual(risk.assessment_ids.user_id, manager)
        self.records["a"]["lighting.risk.indicator"].with_user(manager).write({"current_value": 50})
        self.assertEqual(self.records["a"]["lighting.risk"].likelihood, 5)
        self._action(risk, manager).with_user(manager).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.Risk.with_user(manager).create(
                {"name": "Other office", "category": "legal", "company_id": self.office_b.id}
            )
        for model, records in self.records["b"].items():
            if model in ("lighting.risk.assessment",):
                continue
            with self.subTest(model=model), self.assertRaises(AccessError):
                records.with_user(manager).write(
                    {"name": "changed"} if model != "lighting.risk.round" else {"state": "done"}
                )
        self.assertEqual(self.records["b"]["lighting.risk"].name, "Risk b")

    def test_history_cannot_be_rewritten(self):
        """R7.1.2: nobody of an office edits or deletes an assessment of the history."""
        history = self.records["a"]["lighting.risk.assessment"]
        for user in (self.users["manager", "a"], self.users["sales", "a"], self.hq_management):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    history.with_user(user).write({"likelihood": 1})
                with self.assertRaises(AccessError):
                    history.with_user(user).unlink()

    def test_head_office_reads_every_office(self):
        """R7.1.1: HQ Finance reads both offices' registers without changing them; HQ Management
        reads and changes both."""
        for user in (self.hq_finance, self.hq_management):
            for key in ("a", "b"):
                for model, records in self.records[key].items():
                    with self.subTest(user=user.login, office=key, model=model):
                        self.assertEqual(self._readable(user, records), records)
        with self.assertRaises(AccessError):
            self.records["b"]["lighting.risk"].with_user(self.hq_finance).write({"name": "changed"})
        self.records["b"]["lighting.risk"].with_user(self.hq_management).write({"name": "Reviewed by HQ"})
        self.assertEqual(self.records["b"]["lighting.risk"].name, "Reviewed by HQ")

    def test_only_hq_management_configures_scales(self):
        """R7.1.2: every role reads the scales; only HQ Management rewords them."""
        step = self.env.ref("lighting_office.risk_scale_impact_3")
        for user in [self.users[role, "a"] for role in ROLES] + [self.hq_finance]:
            with self.subTest(user=user.login):
                self.assertEqual(step.with_user(user).name, "Moderate")
                with self.assertRaises(AccessError):
                    step.with_user(user).write({"name": "changed"})
        step.with_user(self.hq_management).write({"name": "Serious"})
        self.assertEqual(step.name, "Serious")
