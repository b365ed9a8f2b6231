from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .portal_common import PortalCase, SatisfactionCase


class PortalTourCase(PortalCase, HttpCase):
    def _run_feedback_tours(self):
        faq = self.env["lighting.faq"].create(
            {
                "name": "Why does a high-bay flicker when warm?",
                "answer": "<p>Check the driver's temperature.</p>",
                "company_id": self.office_a.id,
                "state": "published",
            }
        )
        faq.portal_published = True
        self.start_tour("/my", "lighting_office_portal_feedback", login=self.portal_user.login)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "High-bay flickers when warm")])
        self.assertEqual(
            (ticket.product_id, ticket.lot_id, ticket.feedback_nature, ticket.team_id),
            (self.luminaire, self.serial, "quality", self.office_a.office_aftersales_team_id),
        )
        ticket.first_judgement = "Driver overheating; needs bench repair."
        self._ship_back(ticket, fields.Date.today() + timedelta(days=3))
        self.start_tour("/my/tickets", "lighting_office_portal_receipt", login=self.portal_user.login)
        self.assertEqual(ticket.delivery_picking_id.lighting_date_received, fields.Date.today())
        self.assertEqual(ticket.product_whereabouts, "delivered")


@tagged("post_install", "-at_install")
class TestPortalTour(PortalTourCase):
    def test_portal_feedback_to_receipt_desktop(self):
        """R3.3.1, R3.3.3, R3.2.1: the customer sends feedback (a matching FAQ suggested), follows the
        repair to "shipped" and confirms receipt."""
        self._run_feedback_tours()


@tagged("post_install", "-at_install")
class TestPortalTourMobile(PortalTourCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_portal_feedback_to_receipt_mobile(self):
        """R3.3.1, R3.3.3: the same tours in a phone-sized window."""
        self._run_feedback_tours()


class SatisfactionTourCase(SatisfactionCase):
    def _run_satisfaction_tour(self):
        self.start_tour(self._url(self.job), "lighting_office_portal_satisfaction", login=None)
        self.assertEqual((self.job.satisfaction_score, self.job.satisfaction_channel), (5, "customer"))
        self.assertEqual(self.job.satisfaction_comment, "Quick and tidy work.")


@tagged("post_install", "-at_install")
class TestSatisfactionTour(SatisfactionTourCase):
    def test_satisfaction_link_desktop(self):
        """R3.3.4: the customer answers the survey from the link, not logged in."""
        self._run_satisfaction_tour()


@tagged("post_install", "-at_install")
class TestSatisfactionTourMobile(SatisfactionTourCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_satisfaction_link_mobile(self):
        """R3.3.4: the same in a phone-sized window."""
        self._run_satisfaction_tour()
