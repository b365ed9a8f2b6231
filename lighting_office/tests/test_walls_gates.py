from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .risk_common import RiskCase


@tagged("post_install", "-at_install")
class TestWallsGates(RiskCase):
    """Gates a client cannot walk round: a job closes only after its handover, and
    what the server computes is not written by a client."""

    def _job(self):
        order = self._order(self.office_a, self.users["sales", "a"])
        self._approve(order)
        order.with_user(self.users["sales", "a"]).action_confirm()
        job = order.install_job_ids.with_user(self.users["aftersales", "a"])
        job.user_id = self.users["aftersales", "a"]
        job.safety_line_ids.checked = True
        return job

    def test_job_does_not_close_without_acknowledged_handover(self):
        """R3.2.3/R3.3.4: neither Done nor a written state closes a job whose handover is not acknowledged."""
        job = self._job()
        with self.assertRefused(UserError, job.name, "acknowledge the technical handover"):
            job.action_done()
        with self.assertRefused(UserError, job.name, "acknowledge the technical handover"):
            job.write({"state": "done"})
        self.assertEqual(job.state, "planned")
        self.assertFalse(job.revisit_ids)

    def test_job_is_not_created_started_or_done(self):
        """R3.2.3: a job created straight in progress or done passes the same gate."""
        for state in ("in_progress", "done"):
            with self.subTest(state=state), self.assertRefused(UserError, "acknowledge the technical handover"):
                self.env["lighting.install.job"].with_user(self.users["aftersales", "a"]).create(
                    {
                        "sale_order_id": self._job().sale_order_id.id,
                        "partner_id": self.customer.id,
                        "company_id": self.office_a.id,
                        "state": state,
                    }
                )

    def test_job_closes_after_acknowledged_handover(self):
        """R3.3.4: with the handover acknowledged, the checklist done and the customer trained, Done closes the
        job and plans revisits."""
        job = self._job()
        handover = (
            self.env["lighting.tech.handover"]
            .with_user(self.users["support", "a"])
            .create(
                {"install_job_id": job.id, "line_ids": [Command.create({"kind": "requirement", "name": "Cut-out"})]}
            )
        )
        handover.action_hand_over()
        handover.with_user(self.users["aftersales", "a"]).action_acknowledge()
        job.action_start()
        self._train_customer(job)
        job.action_done()
        self.assertEqual(job.state, "done")
        self.assertTrue(job.revisit_ids)

    def test_risk_level_and_score_are_not_written(self):
        """R7.2: a high risk's level/score cannot be written down, so its response stays bound to the real level."""
        risk = self._risk(likelihood=5, impact=5)
        self.assertEqual(risk.level, "high")
        manager = risk.with_user(self.users["manager", "a"])
        for vals in ({"level": "low"}, {"score": 1}, {"residual_level": "low", "residual_score": 1}):
            with self.subTest(vals=vals), self.assertRefused(UserError, risk.name, "computed by the system"):
                manager.write(vals)
        with self.assertRefused(UserError, "computed by the system"):
            self.Risk.with_user(self.users["manager", "a"]).create(
                {
                    "name": "Cheat",
                    "company_id": self.office_a.id,
                    "category": "market",
                    "likelihood": 5,
                    "impact": 5,
                    "level": "low",
                }
            )
        self.assertEqual((risk.level, risk.score), ("high", 25))

    def test_guards_hold_on_odoo_documents(self):
        """R1.2: what the module computes on Odoo's own documents is the server's too, and the
        numbers it adds to them are checked; models it adds neither to are left to Odoo."""
        order = self._order(self.office_a, self.users["sales", "a"])
        self.assertIn("shipped_after_promise", order._lighting_computed_fnames)
        with self.assertRefused(UserError, order.name, "computed by the system"):
            order.write({"shipped_after_promise": True})
        self.assertFalse(order.shipped_after_promise)
        admin = self.office_a.with_user(self.env.ref("base.user_admin"))
        with self.assertRefused(ValidationError, "cannot be stored", str(2**40)):
            admin.write({"lighting_filing_due_days": 2**40})
        lines = self.env["account.move.line"]
        self.assertFalse(lines._lighting_computed_fnames | lines._lighting_number_fnames)

    def test_stored_computed_and_related_fields_are_refused(self):
        """R1.2: no client moves a line to another office or another employee through a copied field."""
        risk = self._risk()
        action = self._action(risk, self.users["sales", "a"]).with_user(self.users["manager", "a"])
        with self.assertRefused(UserError, action.display_name, "Office"):
            action.write({"company_id": self.office_b.id})
        self.assertEqual(action.company_id, self.office_a)

    def test_default_context_does_not_set_computed_fields(self):
        """R7.2: a default_level context key sent by a client does not set the level."""
        risk = (
            self.Risk.with_user(self.users["manager", "a"])
            .with_context(default_level="low")
            .create(
                {
                    "name": "Default cheat",
                    "company_id": self.office_a.id,
                    "category": "market",
                    "owner_id": self.users["manager", "a"].id,
                    "likelihood": 5,
                    "impact": 5,
                }
            )
        )
        self.assertEqual(risk.level, "high")
