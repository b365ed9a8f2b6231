from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import LightingOfficeCase


class ConsultationTourCase(LightingOfficeCase, HttpCase):
    """R3.2.1: a consultation answered in the browser becomes a FAQ entry customers read on the portal."""

    def _consultation_to_faq_to_portal(self):
        support = self.users["support", "a"]
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Downlight flicker when dimmed",
                "description": "<p>The 12W downlights flicker below 20%.</p>",
                "team_id": self.office_a.office_support_team_id.id,
                "user_id": support.id,
                "channel_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id,
                "category_id": self.env.ref("lighting_office.consultation_category_control").id,
            }
        )
        self.start_tour(
            f"/odoo/action-lighting_office.action_lighting_consultations/{ticket.id}",
            "lighting_office_consultation_faq",
            login=support.login,
        )
        faq = ticket.faq_id
        self.assertEqual((faq.state, faq.portal_published), ("published", True))
        self.assertIn("trailing-edge dimmer", faq.answer)
        portal = self.env["res.users"].create(
            {
                "name": "Customer portal user",
                "login": "faq_portal",
                "password": "faq_portal_pw",
                "partner_id": self.env["res.partner"]
                .create({"name": "Portal contact", "parent_id": self.customer.id})
                .id,
                "groups_id": [Command.set([self.env.ref("base.group_portal").id])],
            }
        )
        self.authenticate(portal.login, "faq_portal_pw")
        page = self.url_open("/my/faq?search=flicker").text
        self.assertIn("Downlight flicker when dimmed", page)
        faq.action_withdraw()
        self.assertNotIn("Downlight flicker when dimmed", self.url_open("/my/faq").text)


@tagged("post_install", "-at_install")
class TestConsultationTour(ConsultationTourCase):
    def test_consultation_to_faq_to_portal(self):
        """R3.2.1: support answers, publishes as FAQ with one click and shows it on the portal."""
        self._consultation_to_faq_to_portal()


@tagged("post_install", "-at_install")
class TestConsultationTourPhone(ConsultationTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_consultation_to_faq_to_portal_phone(self):
        """R3.2.1: the same answer, FAQ and portal flag on a phone (390x844)."""
        self._consultation_to_faq_to_portal()
