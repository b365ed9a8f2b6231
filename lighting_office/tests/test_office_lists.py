from datetime import date

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import LightingOfficeCase

OFFICE_ACTIONS = (
    "action_lighting_leads",
    "action_lighting_quotations",
    "action_lighting_orders",
    "action_overdue_invoices",
    "action_lighting_expense_sheet",
    "action_lighting_expense_analysis",
    "action_office_maintenance",
    "action_office_equipment",
    "action_lighting_repair_turnaround",
)


@tagged("post_install", "-at_install")
class TestOfficeLists(LightingOfficeCase):
    """Issue 15 item 10: the module's lists of Odoo's own documents show the offices' records, not head office's."""

    def test_actions_show_offices_only(self):
        """R1.2: each module action on an Odoo model keeps head office's own records (Odoo's demo) out."""
        for xmlid in OFFICE_ACTIONS:
            with self.subTest(action=xmlid):
                action = self.env.ref(f"lighting_office.{xmlid}")
                self.assertIn(
                    ("company_id.is_lighting_office", "=", True),
                    safe_eval(action.domain, {"context_today": date.today}),
                )

    def test_hq_finance_sees_the_offices_quotations_not_head_offices(self):
        """R1.2: HQ Finance, with every company active, lists office A's quotation and not head office's own."""
        office_order = self._order(self.office_a, self.users["sales", "a"])
        hq_order = self.env["sale.order"].create({"partner_id": self.customer.id, "company_id": self.hq.id})
        action = self.env.ref("lighting_office.action_lighting_quotations")
        companies = self.hq | self.office_a | self.office_b
        found = (
            self.env["sale.order"]
            .with_user(self.hq_finance)
            .with_context(allowed_company_ids=companies.ids)
            .search(safe_eval(action.domain))
        )
        self.assertIn(office_order, found)
        self.assertNotIn(hq_order, found)
