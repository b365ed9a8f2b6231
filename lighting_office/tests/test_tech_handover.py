from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestTechHandover(LightingOfficeCase):
    """R3.2.3: technical handover from technical support to the job's after-sales staff."""

    def setUp(self):
        super().setUp()
        self.support = self.users["support", "a"]
        self.aftersales = self.users["aftersales", "a"]
        order = self._order(self.office_a, self.users["sales", "a"])
        self._approve(order)
        order.with_user(self.users["sales", "a"]).action_confirm()
        self.job = order.install_job_ids.with_env(self.env)
        self.job.with_user(self.aftersales).user_id = self.aftersales
        drawing = self.env["ir.attachment"].create({"name": "wiring.pdf", "raw": b"%PDF-1.4"})
        self.handover = (
            self.env["lighting.tech.handover"]
            .with_user(self.support)
            .create(
                {
                    "install_job_id": self.job.id,
                    "attachment_ids": [Command.set(drawing.ids)],
                    "line_ids": [
                        Command.create({"kind": "requirement", "name": "Ceiling cut-out 150 mm"}),
                        Command.create({"kind": "commissioning", "name": "Set DALI addresses, then scenes"}),
                        Command.create({"kind": "precaution", "name": "Isolate the circuit before wiring"}),
                    ],
                }
            )
        )

    def test_handover_then_acknowledge_then_start(self):
        """R3.2.3: support hands over checklist and drawings; the job's after-sales staff acknowledge; the job
        starts."""
        self.assertTrue(self.handover.name.startswith("HO/"))
        self.assertEqual(self.handover.company_id, self.office_a)
        self.assertEqual(self.handover.aftersales_user_id, self.aftersales)
        self.assertEqual(self.handover.line_count, 3)
        self.handover.with_user(self.support).action_hand_over()
        self.assertEqual(self.handover.state, "handed_over")
        self.assertEqual(self.handover.activity_ids.user_id, self.aftersales)
        self.handover.with_user(self.aftersales).action_acknowledge()
        self.assertEqual(self.handover.state, "acknowledged")
        self.assertEqual(self.handover.acknowledged_by_id, self.aftersales)
        self.assertFalse(self.handover.activity_ids)
        self.assertTrue(self.job.handover_acknowledged)
        self.job.with_user(self.aftersales).action_start()
        self.assertEqual(self.job.state, "in_progress")

    def test_job_cannot_start_without_acknowledgement(self):
        """R3.2.3: neither the Start button nor a direct write of the state starts an unacknowledged job."""
        job = self.job.with_user(self.aftersales)
        with self.assertRefused(UserError, self.job.name, "acknowledge the technical handover"):
            job.action_start()
        with self.assertRefused(UserError, self.job.name, "acknowledge the technical handover"):
            job.write({"state": "in_progress"})
        self.handover.with_user(self.support).action_hand_over()
        with self.assertRefused(UserError, self.job.name):
            job.action_start()
        self.assertEqual(self.job.state, "planned")

    def test_only_the_jobs_aftersales_staff_acknowledge(self):
        """R3.2.3: support, a manager or other after-sales staff cannot acknowledge, not even by writing the state."""
        self.handover.with_user(self.support).action_hand_over()
        other = self.env["res.users"].create(
            {
                "login": "aftersales_a2",
                "name": "Second after-sales",
                "company_id": self.office_a.id,
                "company_ids": [Command.set(self.office_a.ids)],
                "groups_id": [
                    Command.set(
                        [
                            self.env.ref("base.group_user").id,
                            self.env.ref("lighting_office.group_lighting_aftersales").id,
                        ]
                    )
                ],
            }
        )
        for user in (self.support, self.users["manager", "a"], other):
            with self.assertRefused(UserError, self.handover.name, self.aftersales.name):
                self.handover.with_user(user).write({"state": "acknowledged"})
        self.assertEqual(self.handover.state, "handed_over")

    def test_handover_needs_staff_and_checklist(self):
        """R3.2.3: only support hands over; a handover without checklist or after-sales staff is refused."""
        empty = self.env["lighting.tech.handover"].with_user(self.support).create({"install_job_id": self.job.id})
        with self.assertRefused(UserError, empty.name, "checklist"):
            empty.action_hand_over()
        with self.assertRefused(UserError, self.handover.name, "technical support"):
            self.handover.with_user(self.aftersales).action_hand_over()
        self.job.user_id = False
        with self.assertRefused(UserError, self.handover.name, "After-sales Staff", self.job.name):
            self.handover.with_user(self.support).action_hand_over()
        self.assertEqual(self.handover.state, "draft")

    def test_handed_over_content_is_locked(self):
        """R3.2.3: what was handed over cannot change behind the after-sales staff's back."""
        self.handover.with_user(self.support).action_hand_over()
        line = self.handover.line_ids[0]
        with self.assertRefused(UserError, self.handover.name):
            line.with_user(self.support).name = "Changed"
        with self.assertRefused(UserError, self.handover.name):
            self.handover.with_user(self.support).line_ids = [Command.create({"name": "More"})]
        self.assertEqual(line.name, "Ceiling cut-out 150 mm")
        with self.assertRefused(UserError, self.handover.name, "technical support"):
            self.handover.with_user(self.aftersales).action_reset_draft()
        self.handover.with_user(self.support).action_reset_draft()
        line.with_user(self.support).name = "Ceiling cut-out 155 mm"

    def test_role_access(self):
        """R3.2.3: support writes handovers, after-sales cannot create them, sales and HQ read, office B sees
        nothing."""
        with self.assertRaises(AccessError):
            self.env["lighting.tech.handover"].with_user(self.aftersales).create({"install_job_id": self.job.id})
        with self.assertRaises(AccessError):
            self.handover.line_ids.with_user(self.aftersales).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.handover.with_user(self.users["sales", "a"]).write({"summary": "x"})
        for reader in (self.users["sales", "a"], self.hq_finance, self.hq_management):
            self.assertEqual(self.handover.with_user(reader).line_count, 3)
        for role in ("support", "aftersales", "manager"):
            with self.assertRaises(AccessError):
                self.handover.with_user(self.users[role, "b"]).read(["name"])
