import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import LightingOfficeCase

CONTRACT_PDF = base64.b64encode(b"%PDF-1.4 signed contract")


@tagged("post_install", "-at_install")
class TestContractSigning(LightingOfficeCase):
    """R3.1.3 and R3.1.4 (second half): terms printed in Chinese, signed contract
    attached, copy filed at head office."""

    def setUp(self):
        super().setUp()
        self.sales = self.users["sales", "a"]
        self.order = self._order(self.office_a, self.sales)

    def _confirm(self):
        self._approve(self.order)
        self.order.with_user(self.sales).action_confirm()

    def _sign(self):
        self._confirm()
        self.order.with_user(self.sales).write({"signed_contract": CONTRACT_PDF, "signed_contract_name": "c.pdf"})
        self.order.with_user(self.sales).action_mark_signed()

    def _file(self, user, number="HQ-2026-001"):
        wizard = Form(
            self.env["lighting.contract.filing.wizard"]
            .with_user(user)
            .with_context(default_sale_order_id=self.order.id)
        )
        wizard.filing_number = number
        wizard.save().action_file()

    def test_quotation_carries_terms(self):
        """R3.1.3: a quotation carries its delivery date, payment terms and contract terms."""
        self.office_a.lighting_contract_terms = "<p>Warranty: five years</p>"
        order = self._order(self.office_a, self.sales)
        self.assertIn("five years", order.contract_terms)
        term = self.env.ref("account.account_payment_term_30days")
        order.with_user(self.sales).write(
            {"payment_term_id": term.id, "commitment_date": fields.Datetime.now() + timedelta(days=20)}
        )
        html = self.env["ir.actions.report"]._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
        self.assertIn(b"five years", html)
        self.assertIn(term.name.encode(), html)

    def test_contract_prints_in_chinese(self):
        """R3.1.3: the office's contract prints in Chinese whatever the customer's language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "lighting_office")])._update_translations(["zh_CN"])
        self.assertEqual(self.order.partner_id.lang, "en_US")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("lighting_office.action_report_sale_contract", self.order.ids)[0]
            .decode()
        )
        self.assertIn("销售合同", html)
        self.assertIn(self.order.name, html)

    def test_mark_signed_needs_contract_file(self):
        """R3.1.4: an order cannot be marked signed without the signed contract attached."""
        self._confirm()
        with self.assertRefused(ValidationError, self.order.name, "Signed Contract"):
            self.order.with_user(self.sales).action_mark_signed()
        self.assertEqual(self.order.contract_state, "unsigned")

    def test_quotation_cannot_be_signed(self):
        """R3.1.4: a quotation not yet confirmed cannot be signed."""
        self.order.with_user(self.sales).signed_contract = CONTRACT_PDF
        with self.assertRefused(ValidationError, self.order.name, "Status"):
            self.order.with_user(self.sales).action_mark_signed()

    def test_head_office_files_the_signed_contract(self):
        """R3.1.4: HQ records the filing: number, who, when."""
        self._sign()
        self.assertEqual(self.order.contract_state, "signed")
        self.assertEqual(self.order.signed_date, fields.Date.context_today(self.order))
        self._file(self.hq_finance)
        self.assertEqual(self.order.contract_state, "filed")
        self.assertEqual(self.order.hq_filing_number, "HQ-2026-001")
        self.assertEqual(self.order.hq_filed_by_id, self.hq_finance)
        self.assertTrue(self.order.hq_filed_date)

    def test_office_staff_cannot_file(self):
        """R3.1.4: neither the salesperson nor the office manager can record the HQ filing."""
        self._sign()
        for user in (self.sales, self.users["manager", "a"]):
            with self.assertRefused(AccessError, self.order.name, "HQ"):
                self.order.with_user(user).write({"contract_state": "filed", "hq_filing_number": "X"})
            with self.assertRaises(AccessError):
                self._file(user)
        self.assertEqual(self.order.contract_state, "signed")

    def test_filing_unconfirmed_order_refused(self):
        """R3.1.4: HQ cannot file a contract that is not signed on a confirmed order."""
        with self.assertRefused(UserError, self.order.name, "Contract"):
            self._file(self.hq_finance)
        self.assertEqual(self.order.contract_state, "unsigned")
        self.assertFalse(self.order.hq_filing_number)

    def test_filing_overdue_listed_and_reminded(self):
        """R3.1.4: signed but not filed within the office's period: listed for HQ, activity for the salesperson."""
        self.office_a.lighting_filing_due_days = 3
        self._sign()
        self.assertFalse(self.order.filing_overdue)
        self.order.signed_date = fields.Date.context_today(self.order) - timedelta(days=4)
        self.order.invalidate_recordset(["filing_overdue"])
        self.assertTrue(self.order.filing_overdue)
        overdue = self.env["sale.order"].with_user(self.hq_finance).search([("filing_overdue", "=", True)])
        self.assertIn(self.order, overdue)
        self.env["sale.order"]._cron_remind_contract_filing()
        self.env["sale.order"]._cron_remind_contract_filing()
        reminder = self.order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("lighting_office.mail_activity_contract_filing")
        )
        self.assertEqual(reminder.user_id, self.sales)
