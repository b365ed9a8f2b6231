from odoo import fields
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestReaderLanguage(LightingOfficeCase):
    """R1.2: names the module makes from a record's parts are shown in the reader's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search([("name", "=", "lighting_office")])._update_translations(["zh_CN"])
        cls.users["manager", "a"].lang = "en_US"
        cls.hq_finance.lang = "zh_CN"
        employee = cls._employees(["sales"])["sales", "a"]
        today = fields.Date.context_today(cls.env.user)
        cls.records = (
            cls.env["lighting.recruitment.plan"].create({"company_id": cls.office_a.id, "year": today.year}),
            cls.env["lighting.training.plan"].create({"employee_id": employee.id, "year": today.year}),
            cls.env["lighting.social.insurance"].create({"employee_id": employee.id, "date_from": today}),
            cls.env["lighting.asset.stocktake"].create({"company_id": cls.office_a.id, "date": today}),
            cls.env["lighting.welfare.benefit"].create({"employee_id": employee.id, "date": today}),
        )
        year, day = str(today.year), str(today)
        cls.expected = {
            "en_US": [
                f"Office A recruitment plan {year}",
                f"Employee sales a training plan {year}",
                f"Employee sales a social insurance from {day}",
                f"Office A stocktake {day}",
                "Birthday benefit of Employee sales a",
            ],
            "zh_CN": [
                f"Office A {year} 年招聘计划",
                f"Employee sales a {year} 年培训计划",
                f"Employee sales a 自 {day} 起的五险一金",
                f"Office A {day} 盘点",
                "Employee sales a 的生日福利",
            ],
        }

    def test_same_record_read_in_english_and_chinese(self):
        """R1.2: the office manager reading in English and HQ Finance reading in Chinese see the same
        plans, insurance, stocktake and birthday benefit each named in their own language, one after the other."""
        for user in (self.users["manager", "a"], self.hq_finance, self.users["manager", "a"]):
            # The web client sends the reader's language in the context.
            names = [record.with_user(user).with_context(lang=user.lang).display_name for record in self.records]
            self.assertEqual(names, self.expected[user.lang], user.lang)

    def test_search_by_the_parts(self):
        """R1.2: the made names are found by what they are made of (office or employee, and year)."""
        plan, training_plan, insurance, stocktake, benefit = self.records
        Plan = self.env["lighting.recruitment.plan"]
        self.assertIn(plan, Plan.search([("name", "ilike", "Office A")]))
        self.assertNotIn(plan, Plan.search([("name", "ilike", "Office B")]))
        self.assertIn(plan, Plan.search([("name", "ilike", str(plan.year))]))
        self.assertIn(training_plan, training_plan.search([("name", "ilike", "sales a")]))
        self.assertEqual(insurance.name_search("Employee sales a"), [(insurance.id, insurance.display_name)])
        self.assertIn(stocktake, stocktake.search([("name", "ilike", "Office A")]))
        self.assertEqual(benefit.name_search("Employee sales a"), [(benefit.id, benefit.display_name)])
