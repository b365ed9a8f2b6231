from unittest.mock import patch

from lxml import etree

from odoo import Command
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base.models.ir_actions_report import IrActionsReport as BaseReport

from ..models import ir_actions_report
from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestOfficeReports(LightingOfficeCase):
    """Issue 15 items 5 and 9: every report prints its office and date in its body; amounts add up."""

    def test_every_report_calls_the_office_header(self):
        """R3.1.3, R6.2.2, R7.1.3: each PDF of the module (and the office quotation) starts with office and date."""
        reports = self.env["ir.actions.report"].search(
            [
                ("report_name", "=like", "lighting_office.%"),
                ("report_type", "=", "qweb-pdf"),
            ]
        ) | self.env.ref("sale.action_report_saleorder")
        self.assertGreaterEqual(len(reports), 7)
        for report in reports:
            with self.subTest(report=report.report_name):
                source = self._template_source(report.report_name)
                self.assertIn("lighting_office.report_office_header", source)

    def _template_source(self, name, seen=None):
        """The combined arch of a template and the templates it calls, as text."""
        seen = seen if seen is not None else set()
        if name in seen or "." not in name:
            return ""
        seen.add(name)
        view = self.env["ir.ui.view"]._get(name)
        arch = view._get_combined_arch()
        calls = [
            node.get("t-call")
            for node in arch.iter(etree.Element)
            if node.get("t-call", "").startswith(("lighting_office.", "sale."))
        ]
        return etree.tostring(arch, encoding="unicode") + "".join(self._template_source(call, seen) for call in calls)

    def test_contract_shows_office_date_and_the_tax_it_adds(self):
        """R3.1.3: the contract names its office and print date, shows each line's tax, and 合计 = lines + tax."""
        tax = self.env["account.tax"].create(
            {
                "name": "VAT 13% test",
                "amount": 13,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "company_id": self.hq.id,
            }
        )
        order = self._order(self.office_a, self.users["sales", "a"], qty=3)
        order.order_line.tax_id = [Command.set(tax.ids)]
        self.assertAlmostEqual(order.amount_total, order.amount_untaxed + order.amount_tax)
        self.assertAlmostEqual(order.amount_tax, 39.0)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("lighting_office.action_report_sale_contract", order.ids)[0]
            .decode()
        )
        self.assertIn("o_lighting_report_header", html)
        self.assertIn(self.office_a.name, html)
        self.assertIn("VAT 13% test", html)
        totals = etree.HTML(html).xpath("//table[contains(@class, 'o_lighting_contract_totals')]//tr")
        amounts = [row.xpath("string(td[2])").strip() for row in totals]
        self.assertEqual(len(amounts), 3)
        for amount, expected in zip(amounts, ("300.00", "39.00", "339.00"), strict=True):
            self.assertIn(expected, amount)

    def test_risk_register_explains_its_columns(self):
        """R7.1.3: the risk register PDF says what L and I mean and names its office."""
        risk = self.env["lighting.risk"].create(
            {
                "name": "Price war",
                "company_id": self.office_a.id,
                "category": "market",
                "likelihood": 4,
                "impact": 2,
            }
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("lighting_office.action_report_risk_register", risk.ids)[0]
            .decode()
        )
        self.assertIn("L = likelihood, I = impact", html)
        self.assertIn(self.office_a.name, html)

    def test_unpatched_wkhtmltopdf_gets_no_separate_header(self):
        """Issue 15 item 9: with Debian's unpatched build no --header-html is passed (it warned on every print)."""
        calls = []

        def record(report, bodies, report_ref=False, header=None, footer=None, **kwargs):
            calls.append((header, footer))
            return b"%PDF"

        with (
            patch.object(BaseReport, "_run_wkhtmltopdf", record),
            patch.object(ir_actions_report, "wkhtmltopdf_has_patched_qt", return_value=False),
        ):
            self.env["ir.actions.report"]._run_wkhtmltopdf(["<html/>"], header="<h/>", footer="<f/>")
        with (
            patch.object(BaseReport, "_run_wkhtmltopdf", record),
            patch.object(ir_actions_report, "wkhtmltopdf_has_patched_qt", return_value=True),
        ):
            self.env["ir.actions.report"]._run_wkhtmltopdf(["<html/>"], header="<h/>", footer="<f/>")
        self.assertEqual(calls, [(None, None), ("<h/>", "<f/>")])


@tagged("post_install", "-at_install")
class TestNumberDisplay(LightingOfficeCase):
    """Issue 15 item 5: years print as years, and a budget's lines are not summed across categories."""

    def test_years_without_thousands_separator(self):
        """R4.1.1, R5.1, R5.2: the year of budgets, recruitment and training plans shows 2026, not 2,026."""
        for model in ("lighting.budget", "lighting.recruitment.plan", "lighting.training.plan"):
            for view_type in ("list", "form"):
                with self.subTest(model=model, view=view_type):
                    arch = etree.fromstring(self.env[model].get_view(view_type=view_type)["arch"])
                    years = arch.xpath("//field[@name='year']")
                    self.assertTrue(years)
                    for node in years:
                        # the option Odoo 18's integer field reads (an unknown "format" is ignored: 2,026)
                        options = safe_eval(node.get("options") or "{}", {"false": False, "true": True})
                        self.assertIs(options.get("enable_formatting"), False)

    def test_budget_lines_not_summed_across_categories(self):
        """R4.1.1: the lines' Amount column has no total (revenue + cost); revenue, cost, expense, profit are shown."""
        arch = etree.fromstring(self.env["lighting.budget"].get_view(view_type="form")["arch"])
        self.assertFalse(arch.xpath("//field[@name='line_ids']//field[@name='amount'][@sum]"))
        for name in ("revenue_amount", "cost_amount", "expense_amount", "profit_amount"):
            self.assertTrue(arch.xpath(f"//field[@name='{name}']"), name)
