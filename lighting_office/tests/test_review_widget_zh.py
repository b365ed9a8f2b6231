from odoo.tests import HttpCase, tagged

from .common import LightingOfficeCase

# base_tier_validation's review table and reviews menu (its OWL templates)
WIDGET_TERMS = {
    "Requested by": "提交人",
    "Todo by": "待审核人",
    "Validation Date": "审核日期",
    "Reviews": "审核",
    "Pending": "待审核",
    "Sequence": "序号",
}


@tagged("post_install", "-at_install")
class TestReviewWidgetInChinese(LightingOfficeCase, HttpCase):
    """R1.2 (issue 15): base_tier_validation's review widget, whose strings the browser translates,
    reads in Chinese with this module's words (审核, not 审批)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search([("name", "=", "lighting_office")])._update_translations(["zh_CN"])
        cls.manager = cls.users["manager", "a"]
        cls.manager.lang = "zh_CN"

    def test_webclient_serves_one_chinese_per_string(self):
        """R1.2: the web client's catalogue gives the widget's strings this module's Chinese, and the web client's
        "New" its 新建 (web_hierarchy's says 创建), each once, so the order in which the browser merges the modules'
        terms does not change what the screens say."""
        self.authenticate(self.manager.login, self.manager.login)
        modules = self.url_open("/web/webclient/translations/1?lang=zh_CN").json()["modules"]
        expected = {term: {"lighting_office": chinese} for term, chinese in WIDGET_TERMS.items()}
        expected["New"] = {"web": "新建"}
        for term, served_by in expected.items():
            served = {
                module: message["string"]
                for module, terms in modules.items()
                for message in terms["messages"]
                if message["id"] == term
            }
            self.assertEqual(served, served_by, term)

    def test_review_widget_tour(self):
        """R3.1.4: the office manager opens a quotation waiting for review: its banner (next review), its review
        table and the reviews menu are in Chinese."""
        order = self._order(self.office_a, self.users["sales", "a"])
        order.with_user(self.users["sales", "a"]).request_validation()
        self.start_tour(
            f"/odoo/action-lighting_office.action_lighting_orders_to_review/{order.id}",
            "lighting_office_review_widget_zh",
            login=self.manager.login,
        )
