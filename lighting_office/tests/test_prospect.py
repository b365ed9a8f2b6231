from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestProspects(LightingOfficeCase):
    """R3.1.2: prospects classified by intent and followed up by class."""

    def setUp(self):
        super().setUp()
        self.sales = self.users["sales", "a"]
        self.lead = (
            self.env["crm.lead"]
            .with_user(self.sales)
            .create({"name": "School lighting", "type": "opportunity", "user_id": self.sales.id})
        )
        self.followup = self.env.ref("lighting_office.mail_activity_prospect_followup")
        self.today = fields.Date.context_today(self.lead)

    def _followups(self):
        return self.lead.activity_ids.filtered(lambda a: a.activity_type_id == self.followup)

    def test_class_plans_followup_by_office_interval(self):
        """R3.1.2: classing a prospect A plans its follow-up after the office's A interval."""
        self.office_a.lighting_followup_days_a = 5
        self.lead.with_user(self.sales).prospect_class = "a"
        self.assertEqual(self._followups().date_deadline, self.today + timedelta(days=5))
        self.assertEqual(self._followups().user_id, self.sales)

    def test_contact_replans_followup(self):
        """R3.1.2: logging a phone call replaces the planned follow-up by the next one."""
        self.lead.with_user(self.sales).prospect_class = "c"
        self.env["lighting.contact.log"].with_user(self.sales).create(
            {"lead_id": self.lead.id, "channel": "phone", "summary": "Asked for samples", "next_step": "Send samples"}
        )
        self.assertEqual(len(self._followups()), 1)
        self.assertEqual(self._followups().date_deadline, self.today + timedelta(days=30))
        self.assertEqual(self.lead.contact_log_ids.channel, "phone")

    def test_late_followup_stands_out(self):
        """R3.1.2: a lead whose follow-up is past due is flagged and found by the filter."""
        self.lead.with_user(self.sales).prospect_class = "b"
        self.assertFalse(self.lead.followup_late)
        self._followups().date_deadline = self.today - timedelta(days=1)
        self.lead.invalidate_recordset(["followup_late"])
        self.assertTrue(self.lead.followup_late)
        late = self.env["crm.lead"].with_user(self.sales).search([("followup_late", "=", True)])
        self.assertEqual(late, self.lead)

    def test_contact_log_per_office(self):
        """R3.1.2/R1.2: office B's sales cannot read office A's contact log; support has no access."""
        log = (
            self.env["lighting.contact.log"]
            .with_user(self.sales)
            .create({"lead_id": self.lead.id, "channel": "visit", "summary": "Site visit"})
        )
        self.assertEqual(log.company_id, self.office_a)
        with self.assertRaises(AccessError):
            log.with_user(self.users["sales", "b"]).read(["summary"])
        with self.assertRaises(AccessError):
            log.with_user(self.users["support", "a"]).read(["summary"])
