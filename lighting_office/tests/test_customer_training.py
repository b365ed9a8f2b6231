from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestCustomerTraining(LightingOfficeCase):
    """R3.2.4: customer technical training sessions with attendees and assessment results."""

    def setUp(self):
        super().setUp()
        self.support = self.users["support", "a"]
        Partner = self.env["res.partner"]
        self.wang = Partner.create({"name": "Wang Wei", "parent_id": self.customer.id})
        self.li = Partner.create({"name": "Li Na", "parent_id": self.customer.id})
        self.zhao = Partner.create({"name": "Zhao Lei", "parent_id": self.customer.id})
        self.training = (
            self.env["lighting.customer.training"]
            .with_user(self.support)
            .create(
                {
                    "name": "Maintaining the DALI system",
                    "partner_id": self.customer.id,
                    "company_id": self.office_a.id,
                    "topic": "maintenance",
                    "mode": "online",
                    "pass_mark": 70,
                    "attendee_ids": [
                        Command.create({"partner_id": self.wang.id, "assessed": True, "score": 85}),
                        Command.create({"partner_id": self.li.id, "assessed": True, "score": 65}),
                        Command.create({"partner_id": self.zhao.id, "attended": False}),
                    ],
                }
            )
        )

    def test_assessment_flags_retakes(self):
        """R3.2.4: scores against the pass mark; who fails or is absent is flagged for a retake."""
        wang, li, zhao = self.training.attendee_ids
        self.assertEqual((wang.passed, wang.retake_needed), (True, False))
        self.assertEqual((li.passed, li.retake_needed), (False, True))
        self.assertEqual((zhao.passed, zhao.retake_needed), (False, True))
        self.assertEqual(
            (self.training.attendee_count, self.training.passed_count, self.training.retake_count), (3, 1, 2)
        )
        self.training.pass_mark = 60
        self.assertTrue(li.passed)
        self.assertEqual(self.training.retake_count, 1)
        self.assertIn(
            self.training, self.env["lighting.customer.training"].search([("attendee_ids.retake_needed", "=", True)])
        )

    def test_score_outside_0_100_refused(self):
        """R3.2.4: a score or a pass mark outside 0-100 is refused, naming the training and attendee; nothing
        written."""
        li = self.training.attendee_ids[1]
        with self.assertRefused(ValidationError, "Maintaining the DALI system", "Li Na", "Score"):
            li.with_user(self.support).score = 105
        with self.assertRefused(ValidationError, "Maintaining the DALI system", "Score"):
            li.with_user(self.support).score = -1
        self.assertEqual(li.score, 65)
        with self.assertRefused(ValidationError, "Maintaining the DALI system", "Pass Mark"):
            self.training.with_user(self.support).pass_mark = 120
        self.assertEqual(self.training.pass_mark, 70)

    def test_done_needs_attendees(self):
        """R3.2.4: a training cannot close without attendees."""
        empty = (
            self.env["lighting.customer.training"]
            .with_user(self.support)
            .create({"name": "Principles of glare", "partner_id": self.customer.id, "topic": "principles"})
        )
        with self.assertRefused(UserError, "Principles of glare", "attendees"):
            empty.action_done()
        self.training.action_done()
        self.assertEqual(self.training.state, "done")

    def test_attendance_and_result_sheet(self):
        """R3.2.4: the attendance and result sheet lists each attendee's score and result, in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "lighting_office.report_customer_training", self.training.ids
        )
        html = html.decode()
        for fragment in ("Wang Wei", "Li Na", "Zhao Lei", "85", "65"):
            self.assertIn(fragment, html)
        self.assertEqual(html.count("o_lighting_attendee"), 3)
        self.assertEqual(self.training._print_lang(), "zh_CN")
        self.assertEqual(self.training.action_print_sheet()["report_name"], "lighting_office.report_customer_training")

    def test_role_access(self):
        """R3.2.4: support and after-sales record trainings and scores; sales and HQ read; office B sees nothing."""
        aftersales = self.users["aftersales", "a"]
        self.training.attendee_ids[1].with_user(aftersales).score = 75
        self.assertEqual(self.training.with_user(self.users["sales", "a"]).passed_count, 2)
        with self.assertRaises(AccessError):
            self.training.attendee_ids[1].with_user(self.users["sales", "a"]).score = 90
        for reader in (self.hq_finance, self.hq_management):
            self.assertEqual(self.training.with_user(reader).attendee_count, 3)
        with self.assertRaises(AccessError):
            self.training.with_user(self.users["support", "b"]).read(["name"])
        with self.assertRaises(AccessError):
            self.training.attendee_ids.with_user(self.users["aftersales", "b"]).read(["score"])
