from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestInstallationService(LightingOfficeCase):
    """R3.3.4 and §二(二)4: safety checklist, training, satisfaction and revisits of installation jobs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aftersales = cls.users["aftersales", "a"]
        order = cls._order(cls.office_a, cls.users["sales", "a"])
        cls._approve(order)
        order.with_user(cls.users["sales", "a"]).action_confirm()
        cls.job = cls.env["lighting.install.job"].browse(order.install_job_ids.ids)
        cls.job.user_id = cls.aftersales
        handover = (
            cls.env["lighting.tech.handover"]
            .with_user(cls.users["support", "a"])
            .create({"install_job_id": cls.job.id, "line_ids": [Command.create({"name": "Isolate the circuit"})]})
        )
        handover.action_hand_over()
        handover.with_user(cls.aftersales).action_acknowledge()
        cls.job.with_user(cls.aftersales).action_start()

    def _close(self, job):
        job.safety_line_ids.write({"checked": True})
        self._train_customer(job)
        job.action_done()

    def test_safety_checklist_before_closing(self):
        """R3.3.4: the job gets the safety rules; closing with an unchecked one is refused by button and write."""
        job = self.job.with_user(self.aftersales)
        rules = self.env["lighting.safety.item"].search([])
        self.assertEqual(job.safety_line_ids.mapped("name"), rules.mapped("name"))
        job.safety_line_ids[1:].write({"checked": True})
        first = job.safety_line_ids[0]
        with self.assertRefused(UserError, job.name, "Safety Checklist", first.name):
            job.action_done()
        with self.assertRefused(UserError, job.name, "Safety Checklist"):
            job.write({"state": "done"})
        self.assertEqual(job.state, "in_progress")
        first.checked = True
        self.assertEqual((first.checked_by_id, job.safety_complete), (self.aftersales, True))
        self._train_customer(job)
        job.action_done()
        self.assertEqual(job.state, "done")

    def test_customer_trained_before_closing(self):
        """R3.1.5/R3.3.4: a job with its checklist complete still closes only once its customer's
        training is recorded and done, by button and by write."""
        job = self.job.with_user(self.aftersales)
        job.safety_line_ids.write({"checked": True})
        with self.assertRefused(UserError, job.name, "training"):
            job.action_done()
        training = self._train_customer(job)
        training.state = "planned"
        with self.assertRefused(UserError, job.name, "training"):
            job.write({"state": "done"})
        xmlid = job._export_rows([["id"]])[0][0]
        result = self.env["lighting.install.job"].with_user(self.aftersales).load(["id", "state"], [[xmlid, "done"]])
        self.assertFalse(result["ids"])
        self.assertIn("training", result["messages"][0]["message"])
        self.assertEqual((job.state, job.revisit_ids), ("in_progress", job.revisit_ids.browse()))
        training.action_done()
        job.action_done()
        self.assertEqual(job.state, "done")

    def test_training_recorded_on_the_job(self):
        """R3.3.4: the customer's training is recorded on the job."""
        action = self.job.with_user(self.aftersales).action_record_training()
        training = (
            self.env["lighting.customer.training"]
            .with_user(self.aftersales)
            .with_context(**action["context"])
            .create({"name": "Operating the DALI controls", "date": fields.Date.today()})
        )
        self.assertEqual(self.job.training_ids, training)

    def test_satisfaction_survey_and_low_score(self):
        """R3.3.4: closing sends the survey to the customer; score 1-5 only; 2 or less is an activity for the
        manager."""
        job = self.job.with_user(self.aftersales)
        self._close(job)
        survey = job.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertIn("how satisfied", survey.subject)
        for score in (-1, 6):
            with self.assertRefused(ValidationError, job.name, "Satisfaction (1-5)"):
                job.write({"satisfaction_score": score, "satisfaction_comment": "x"})
        self.assertFalse(job.satisfaction_score or job.satisfaction_comment)
        job.write({"satisfaction_score": 4, "satisfaction_comment": "Tidy work."})
        self.assertFalse(job.activity_ids.filtered(lambda a: a.user_id == self.office_a.office_manager_id))
        job.write({"satisfaction_score": 2, "satisfaction_comment": "Came late twice."})
        alert = job.activity_ids.filtered(lambda a: a.user_id == self.office_a.office_manager_id)
        self.assertEqual(len(alert), 1)
        self.assertIn("2/5", alert.summary)
        self.assertEqual(job.satisfaction_date, fields.Date.context_today(job))

    def test_revisits_planned_after_installation(self):
        """§二(二)4: closing plans revisits after the office's months (3 and 12 by default) as after-sales
        activities."""
        self.office_a.lighting_revisit_second_months = 6
        job = self.job.with_user(self.aftersales)
        self._close(job)
        today = fields.Date.context_today(job)
        revisits = job.revisit_ids.sorted("planned_date")
        self.assertEqual(
            revisits.mapped("planned_date"), [today + relativedelta(months=3), today + relativedelta(months=6)]
        )
        self.assertEqual(revisits.activity_ids.mapped("user_id"), self.aftersales)
        revisit = revisits[0].with_user(self.aftersales)
        self.assertFalse(revisit.name, "named at display, not stored in the closer's language")
        self.assertEqual(revisit.display_name, f"{job.name}: revisit after 3 months")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "lighting_office")])._update_translations(["zh_CN"])
        self.assertEqual(revisit.with_context(lang="zh_CN").display_name, f"{job.name}：3 个月后回访")
        with self.assertRefused(UserError, revisit.display_name, "Outcome"):
            revisit.action_done()
        revisit.outcome = "All luminaires fine; customer asks for two more."
        revisit.action_done()
        self.assertEqual((revisit.state, revisit.done_date, revisit.activity_ids.ids), ("done", today, []))

    def test_satisfaction_by_office_and_staff(self):
        """R3.3 reports: average satisfaction by office and by staff member, one grouped query."""
        self._close(self.job.with_user(self.aftersales))
        self.job.satisfaction_score = 5
        Job = self.env["lighting.install.job"].with_user(self.hq_management)
        domain = [("satisfaction_score", "!=", 0)]
        Job._read_group(domain, ["company_id", "user_id"], ["satisfaction_score:avg"])
        with self.assertQueryCount(1):
            groups = Job._read_group(domain, ["company_id", "user_id"], ["satisfaction_score:avg"])
        self.assertEqual(groups, [(self.office_a, self.aftersales, 5.0)])

    def test_roles_and_offices(self):
        """R3.3.4: after-sales of the office check safety and record revisits; sales read; office B nothing."""
        self._close(self.job.with_user(self.aftersales))
        revisit = self.job.revisit_ids[:1]
        line = self.job.safety_line_ids[:1]
        sales = self.users["sales", "a"]
        revisit.with_user(sales).read(["outcome"])
        with self.assertRaises(AccessError):
            revisit.with_user(sales).write({"outcome": "x"})
        with self.assertRaises(AccessError):
            line.with_user(sales).write({"checked": False})
        for role in ("aftersales", "manager"):
            user = self.users[role, "b"]
            with self.assertRaises(AccessError):
                revisit.with_user(user).read(["outcome"])
            with self.assertRaises(AccessError):
                line.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["lighting.safety.item"].with_user(self.users["manager", "a"]).create({"name": "x"})
