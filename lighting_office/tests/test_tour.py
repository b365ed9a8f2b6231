from datetime import date

from odoo.tests import HttpCase, tagged

from .common import LightingOfficeCase


class ContractTermsMixin:
    """R3.1.3: the customer's payment terms and the office's contract terms fill the quotation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.with_company(cls.office_a).property_payment_term_id = cls.env.ref(
            "account.account_payment_term_30days"
        )
        cls.office_a.lighting_contract_terms = "<p>Warranty 3 years.</p>"


class QuotationReviewTourCase(ContractTermsMixin, LightingOfficeCase, HttpCase):
    def _run_tour(self):
        salesperson = self.users["sales", "a"]
        self.start_tour("/odoo", "lighting_office_quotation_review", login=salesperson.login)
        order = self.env["sale.order"].search([("user_id", "=", salesperson.id), ("partner_id", "=", self.customer.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.company_id, self.office_a)
        self.assertEqual(order.review_ids.status, "pending")
        self.assertEqual(order.review_ids.reviewer_ids, self.users["manager", "a"])
        self.assertTrue(order.commitment_date and order.payment_term_id and order.contract_terms)


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


class SalesFlowTourCase(ContractTermsMixin, LightingOfficeCase, HttpCase):
    """R3.1.2-R3.1.4: lead -> quotation -> review -> signed -> filed, each step by its role in the browser."""

    def _walk_lead_to_filed_contract(self, start="/odoo"):
        sales, manager = self.users["sales", "a"], self.users["manager", "a"]
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour opportunity",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "user_id": sales.id,
                "company_id": self.office_a.id,
                "team_id": self.office_a.office_sales_team_id.id,
            }
        )
        self.start_tour(start, "lighting_office_lead_to_review", login=sales.login)
        order = lead.order_ids
        self.assertEqual(order.review_ids.reviewer_ids, manager)
        self.start_tour(
            "/odoo/action-lighting_office.action_lighting_orders_to_review",
            "lighting_office_manager_review",
            login=manager.login,
        )
        self.assertEqual(order.validation_status, "validated")
        self.start_tour(
            "/odoo/action-sale.action_quotations_with_onboarding", "lighting_office_sign_contract", login=sales.login
        )
        self.assertEqual((order.state, order.contract_state), ("sale", "signed"))
        self.assertTrue(order.install_job_ids)
        # Head office works with every office ticked in the company switcher.
        cids = "-".join(str(cid) for cid in (self.hq | self.office_a | self.office_b).ids)
        self.start_tour(
            f"/odoo/action-lighting_office.action_contracts_to_file?cids={cids}",
            "lighting_office_hq_filing",
            login=self.hq_finance.login,
        )
        self.assertEqual(order.contract_state, "filed")
        self.assertEqual(order.hq_filing_number, f"HQ-{date.today().year}-0001")
        self.assertEqual(order.hq_filed_by_id, self.hq_finance)


@tagged("post_install", "-at_install")
class TestSalesFlowTour(SalesFlowTourCase):
    def test_lead_to_filed_contract(self):
        """R3.1.4: the salesperson, the office manager and HQ Finance walk the contract to its filing."""
        self._walk_lead_to_filed_contract()


@tagged("post_install", "-at_install")
class TestSalesFlowTourPhone(SalesFlowTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_lead_to_filed_contract_phone(self):
        """R3.1.4: the same walk of sales, office manager and HQ Finance on a phone (390x844)."""
        self._walk_lead_to_filed_contract(start="/odoo/action-lighting_office.action_lighting_leads")
