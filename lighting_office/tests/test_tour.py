from odoo.tests import HttpCase, tagged

from .common import LightingOfficeCase


class QuotationReviewTourCase(LightingOfficeCase, HttpCase):
    def _run_tour(self):
        salesperson = self.users["sales", "a"]
        self.start_tour("/odoo", "lighting_office_quotation_review", login=salesperson.login)
        order = self.env["sale.order"].search(
            [("user_id", "=", salesperson.id), ("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.company_id, self.office_a)
        self.assertEqual(order.review_ids.status, "pending")
        self.assertEqual(order.review_ids.reviewer_ids, self.users["manager", "a"])


@tagged("post_install", "-at_install")
class TestQuotationReviewTour(QuotationReviewTourCase):
    def test_quotation_review_desktop(self):
        """R3.1.4: a salesperson opens the app, creates a quotation and requests its review."""
        self._run_tour()


@tagged("post_install", "-at_install")
class TestQuotationReviewTourMobile(QuotationReviewTourCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_quotation_review_mobile(self):
        """R3.1.4: the same tour in a phone-sized window."""
        self._run_tour()
