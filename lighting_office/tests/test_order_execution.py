from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestOrderExecution(LightingOfficeCase):
    """R3.1.5: jobs, production follow-up and customer training of a confirmed order."""

    def setUp(self):
        super().setUp()
        self.sales = self.users["sales", "a"]
        self.order = self._order(self.office_a, self.sales)
        self.order.commitment_date = fields.Datetime.now().replace(microsecond=0) + timedelta(days=14)
        self._approve(self.order)
        self.order.with_user(self.sales).action_confirm()
        self.job = self.order.install_job_ids

    def test_confirmed_order_gets_installation_job(self):
        """R3.1.5: the confirmed order gets its installation job, at the contract's date and site."""
        self.assertEqual(len(self.job), 1)
        self.assertEqual(self.job.planned_date, self.order.commitment_date)
        self.assertEqual(self.job.partner_id, self.order.partner_shipping_id)
        self.assertEqual(self.job.company_id, self.office_a)
        self.assertTrue(self.job.name.startswith("JOB/"))

    def _acknowledged_handover(self, job):
        """R3.2.3: the job starts only after its technical handover is acknowledged."""
        handover = (
            self.env["lighting.tech.handover"]
            .with_user(self.users["support", "a"])
            .create({"install_job_id": job.id, "line_ids": [Command.create({"name": "Isolate the circuit"})]})
        )
        handover.action_hand_over()
        handover.with_user(job.user_id).action_acknowledge()

    def test_aftersales_work_from_the_job(self):
        """R3.1.5: after-sales staff take, start and finish the job; sales only read it."""
        aftersales = self.users["aftersales", "a"]
        job = self.job.with_user(aftersales)
        job.user_id = aftersales
        self._acknowledged_handover(job)
        job.action_start()
        job.safety_line_ids.write({"checked": True})  # R3.3.4: the job closes with its safety checklist done
        self._train_customer(job)  # and its customer trained
        job.action_done()
        self.assertEqual(self.job.state, "done")
        with self.assertRaises(AccessError):
            self.job.with_user(self.sales).write({"state": "planned"})
        with self.assertRaises(AccessError):
            self.job.with_user(self.users["aftersales", "b"]).read(["name"])

    def test_support_records_production_followup(self):
        """R3.1.5: technical support records promised production and shipping; late promises stand out."""
        support = self.users["support", "a"]
        today = fields.Date.context_today(self.order)
        self.order.with_user(support).write({"promised_production_date": today - timedelta(days=2)})
        self.assertTrue(self.order.shipping_late)
        late = self.env["sale.order"].with_user(support).search([("shipping_late", "=", True)])
        self.assertIn(self.order, late)
        self.order.with_user(support).write({"shipped_date": today - timedelta(days=3)})
        self.assertFalse(self.order.shipping_late)
        with self.assertRefused(AccessError, self.order.name, "production"):
            self.order.with_user(support).write({"note": "changed"})

    def test_customer_training_recorded_after_job(self):
        """R3.1.5: after the job the customer's training is recorded on it."""
        aftersales = self.users["aftersales", "a"]
        action = self.job.with_user(aftersales).action_record_training()
        training = (
            self.env["lighting.customer.training"]
            .with_user(aftersales)
            .with_context(**action["context"])
            .create({"name": "Operating the dimmers"})
        )
        self.assertEqual(training.install_job_id, self.job)
        self.assertEqual(training.sale_order_id, self.order)
        self.assertEqual(training.partner_id, self.order.partner_id)
        self.assertEqual(self.job.training_ids, training)
