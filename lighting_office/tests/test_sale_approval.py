from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestContractReview(LightingOfficeCase):
    """R3.1.4 (first half): an office's contract is confirmed only after that
    office's manager has reviewed it, however the confirmation is attempted."""

    def setUp(self):
        super().setUp()
        self.salesperson = self.users["sales", "a"]
        self.order = self._order(self.office_a, self.salesperson)

    def test_confirm_button_refused_before_review(self):
        """R3.1.4: the salesperson's Confirm (action_confirm over RPC too) is refused, naming the order."""
        with self.assertRefused(ValidationError, self.order.name, "approved"):
            self.order.with_user(self.salesperson).action_confirm()
        self.assertEqual(self.order.state, "draft")

    def test_writing_state_refused_before_review(self):
        """R3.1.4: writing the state directly does not skip the review."""
        with self.assertRaises(ValidationError):
            self.order.with_user(self.salesperson).write({"state": "sale"})
        self.assertEqual(self.order.state, "draft")

    def test_creating_confirmed_order_refused(self):
        """R3.1.4: an order created (or imported) already confirmed is refused and not written."""
        before = self.env["sale.order"].search_count([])
        with self.assertRaises(ValidationError):
            self.env["sale.order"].with_user(self.salesperson).create(
                {
                    "partner_id": self.customer.id,
                    "company_id": self.office_a.id,
                    "state": "sale",
                    "order_line": [Command.create({"product_id": self.product.id})],
                    **self._contract_values(),
                }
            )
        self.assertEqual(self.env["sale.order"].search_count([]), before)

    def test_importing_confirmed_order_refused(self):
        """R3.1.4: the import (load) of a confirmed order is refused with the reason, nothing written."""
        before = self.env["sale.order"].search_count([])
        result = (
            self.env["sale.order"]
            .with_user(self.salesperson)
            .load(
                [
                    "partner_id/.id",
                    "company_id/.id",
                    "payment_term_id/.id",
                    "commitment_date",
                    "contract_terms",
                    "state",
                ],
                [
                    [
                        str(self.customer.id),
                        str(self.office_a.id),
                        str(self.env.ref("account.account_payment_term_30days").id),
                        "2030-01-15 10:00:00",
                        "<p>Warranty</p>",
                        "sale",
                    ]
                ],  # fixed date: a delivery date far ahead
            )
        )
        self.assertFalse(result["ids"])
        self.assertIn("approved", " ".join(m["message"] for m in result["messages"]))
        self.assertEqual(self.env["sale.order"].search_count([]), before)

    def test_request_goes_to_own_office_manager(self):
        """R3.1.4: requesting the review makes the office's manager, and only them, its reviewer."""
        self.order.with_user(self.salesperson).request_validation()
        review = self.order.review_ids
        self.assertIn(review.status, ("waiting", "pending"))
        self.assertNotEqual(self.order.validation_status, "validated")
        self.assertEqual(review.reviewer_ids, self.users["manager", "a"])
        self.assertEqual(review.company_id, self.office_a)

    def test_salesperson_cannot_approve(self):
        """R3.1.4: neither the approve button nor a direct write lets the salesperson approve."""
        self.order.with_user(self.salesperson).request_validation()
        self.order.with_user(self.salesperson).validate_tier()
        self.assertNotIn(self.order.review_ids.status, ("approved", "rejected"))
        with self.assertRefused(AccessError, self.order.name, "not a reviewer"):
            self.order.review_ids.with_user(self.salesperson).write({"status": "approved"})
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.salesperson).create(
                {
                    "model": "sale.order",
                    "res_id": self.order.id,
                    "status": "approved",
                    "definition_id": self.env.ref("lighting_office.tier_sale_order_office_manager").id,
                }
            )
        with self.assertRaises(ValidationError):
            self.order.with_user(self.salesperson).action_confirm()

    def test_other_office_manager_cannot_approve(self):
        """R3.1.4: the manager of another office cannot reach the review."""
        self.order.with_user(self.salesperson).request_validation()
        with self.assertRaises(AccessError):
            self.order.with_user(self.users["manager", "b"]).validate_tier()
        self.assertNotIn(self.order.review_ids.status, ("approved", "rejected"))

    def test_manager_approval_allows_confirmation(self):
        """R3.1.4: once the office manager approves, the salesperson confirms the order."""
        self.order.with_user(self.salesperson).request_validation()
        self.order.with_user(self.users["manager", "a"]).validate_tier()
        self.assertEqual(self.order.validation_status, "validated")
        self.assertEqual(self.order.review_ids.done_by, self.users["manager", "a"])
        self.order.with_user(self.salesperson).action_confirm()
        self.assertEqual(self.order.state, "sale")

    def test_rejected_order_stays_unconfirmed(self):
        """R3.1.4: a rejected contract cannot be confirmed."""
        self.order.with_user(self.salesperson).request_validation()
        self.order.with_user(self.users["manager", "a"]).reject_tier()
        self.assertEqual(self.order.validation_status, "rejected")
        with self.assertRaises(ValidationError):
            self.order.with_user(self.salesperson).action_confirm()

    def test_hq_finance_reviewer_type(self):
        """R3.1.4/R4: the HQ Finance reviewer type routes a step to the HQ Finance users."""
        definition = self.env["tier.definition"].create(
            {
                "name": "Large contract: HQ Finance",
                "model_id": self.env.ref("sale.model_sale_order").id,
                "review_type": "hq_finance",
                "definition_domain": "[('amount_untaxed', '>', 500)]",
                "sequence": 20,
                "company_id": False,
            }
        )
        self.order.with_user(self.salesperson).request_validation()
        review = self.order.review_ids.filtered(lambda r: r.definition_id == definition)
        self.assertIn(self.hq_finance, review.reviewer_ids)
        self.assertEqual(review.reviewer_ids, self.env.ref("lighting_office.group_lighting_hq_finance").users)
        self.order.with_user(self.users["manager", "a"]).validate_tier()
        with self.assertRaises(ValidationError):
            self.order.with_user(self.salesperson).action_confirm()
        self.order.with_user(self.hq_finance).validate_tier()
        self.order.with_user(self.salesperson).action_confirm()
        self.assertEqual(self.order.state, "sale")

    def test_head_office_orders_need_no_office_review(self):
        """R3.1.4: the office manager step applies to offices' orders, not head office's."""
        order = self._order(self.hq, self.env.user)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_review_needs_contract_terms(self):
        """R3.1.3: without payment terms, delivery date and contract terms a quotation is neither reviewed
        nor confirmed."""
        order = self.order.with_user(self.salesperson)
        order.write({"payment_term_id": False, "commitment_date": False, "contract_terms": "<p><br></p>"})
        for attempt in (order.request_validation, order.action_confirm):
            with self.assertRefused(UserError, order.name, "Payment Terms", "Delivery Date", "Contract Terms"):
                attempt()
        self.assertFalse(self.order.review_ids)
        self.assertEqual(self.order.state, "draft")
        order.write({"payment_term_id": self.env.ref("account.account_payment_term_30days").id})
        with self.assertRefused(UserError, order.name, "Delivery Date", "Contract Terms"):
            order.request_validation()
        order.write(self._contract_values())
        order.request_validation()
        self.order.with_user(self.users["manager", "a"]).validate_tier()
        order.action_confirm()
        self.assertEqual(self.order.state, "sale")
