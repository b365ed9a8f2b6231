import base64

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import convert_file, file_open

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestLanding(LightingOfficeCase):
    """Each role lands in Lighting Office on the view it works from most (issue 15, item 6)."""

    def test_roles_land_on_their_work(self):
        """R1.2: sales and office managers land on Quotations, technical support on Consultations,
        after-sales on Feedback, HQ Finance on Expense Reports, HQ Management on the Risk Register."""
        expected = {
            self.users["sales", "a"]: "lighting_office.action_lighting_quotations_queue",
            self.users["manager", "a"]: "lighting_office.action_lighting_quotations_queue",
            self.users["support", "b"]: "lighting_office.action_lighting_consultations",
            self.users["aftersales", "b"]: "lighting_office.action_lighting_feedback",
            self.hq_finance: "lighting_office.action_lighting_expense_sheet",
            self.hq_management: "lighting_office.action_risk",
        }
        for user, xmlid in expected.items():
            self.assertEqual(user.action_id.id, self.env.ref(xmlid).id, user.login)

    def test_role_given_later_moves_the_home_but_keeps_a_chosen_one(self):
        """R1.2: giving a Lighting Office role sets the home action; a home chosen by hand stays."""
        user = new_test_user(self.env, login="later_support", company_id=self.office_a.id)
        self.assertFalse(user.action_id)
        user.write({"groups_id": [Command.link(self.env.ref("lighting_office.group_lighting_support").id)]})
        self.assertEqual(user.action_id.id, self.env.ref("lighting_office.action_lighting_consultations").id)
        user.write({"groups_id": [Command.link(self.env.ref("lighting_office.group_lighting_manager").id)]})
        self.assertEqual(user.action_id.id, self.env.ref("lighting_office.action_lighting_quotations_queue").id)
        chosen = self.env.ref("sale.action_orders")
        user.action_id = chosen.id
        user.write({"groups_id": [Command.link(self.env.ref("lighting_office.group_lighting_aftersales").id)]})
        self.assertEqual(user.action_id.id, chosen.id)

    def test_role_given_through_the_group(self):
        """R1.2: a user put into a role's group from the group's side (as admin is) gets the role's home
        when the module is installed or updated."""
        user = new_test_user(self.env, login="via_group", company_id=self.office_a.id)
        self.env.ref("lighting_office.group_lighting_aftersales").users = [Command.link(user.id)]
        self.assertFalse(user.action_id)
        self.env["res.users"]._lighting_set_home_actions()
        self.assertEqual(user.action_id.id, self.env.ref("lighting_office.action_lighting_feedback").id)

    def test_quotations_open_on_the_managers_review_queue(self):
        """R3.1.4: the Quotations menu opens the office manager on "Needs my Review", the salesperson on
        his own quotations."""
        Order = self.env["sale.order"]
        manager_action = Order.with_user(self.users["manager", "a"])._action_lighting_quotations()
        self.assertEqual(manager_action["context"], {"search_default_needs_review": 1})
        sales_action = Order.with_user(self.users["sales", "a"])._action_lighting_quotations()
        self.assertIn("search_default_my_quotation", str(sales_action["context"]))
        self.assertEqual(sales_action["res_model"], "sale.order")


@tagged("post_install", "-at_install")
class TestLoginLogo(HttpCase):
    def test_demo_company_logo_on_login_page(self):
        """R1.1: the demo data gives head office a logo, which the login page shows instead of "Your logo"."""
        company = self.env.ref("base.main_company")
        url = f"/web/binary/company_logo?company={company.id}"
        placeholder = self.url_open(url).content
        # the demo files run in Chinese, which the demo's first file (company_demo.xml) installs
        self.env["res.lang"]._activate_lang("zh_CN")
        convert_file(self.env, "lighting_office", "demo/company_logo_demo.xml", {}, mode="init", kind="demo")
        with file_open("lighting_office/static/description/company_logo.png", "rb") as logo:
            self.assertEqual(base64.b64decode(company.logo), logo.read())
        self.assertIn('src="/web/binary/company_logo', self.url_open("/web/login").text)
        served = self.url_open(url).content
        self.assertNotEqual(served, placeholder)
        self.assertEqual(served, base64.b64decode(company.logo_web))
