from odoo.tests import tagged

from .budget_common import BudgetCase

GROUPBY = ["company_id", "date:quarter", "category", "department_id"]
MEASURES = ["budget_amount:sum", "actual_amount:sum", "variance:sum", "variance_pct:avg"]


@tagged("post_install", "-at_install")
class TestBudgetAnalysis(BudgetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget_a = cls._budget(
            cls.office_a, [("revenue", 1, 1000.0), ("revenue", 2, 1000.0), ("expense", 1, 200.0), ("cost", 1, 400.0)]
        )
        cls.budget_a.request_validation()
        cls.budget_a.with_user(cls.hq_finance).validate_tier()
        cls.budget_a.action_approve()
        cls.budget_b = cls._budget(cls.office_b, [("revenue", 1, 800.0)])
        cls.budget_b.request_validation()
        cls.budget_b.with_user(cls.hq_finance).validate_tier()
        cls.budget_b.action_approve()
        dept_a = cls.sales_dept[cls.office_a]
        cls._post(cls.office_a, "revenue", 1500.0, month=1, department=dept_a)
        cls._post(cls.office_a, "revenue", 900.0, month=2, department=dept_a)
        cls._post(cls.office_a, "expense", 250.0, month=1, department=dept_a)
        cls._post(cls.office_a, "cost", 300.0, month=1, department=dept_a)
        cls._post(cls.office_a, "revenue", 99999.0, month=1, department=dept_a, post=False)
        cls._post(cls.office_b, "revenue", 1000.0, month=1, department=cls.sales_dept[cls.office_b])

    def _groups(self, user, groupby):
        Analysis = self.env["lighting.budget.analysis"].with_user(user)
        return {
            tuple(group[field] for field in groupby): group
            for group in Analysis.read_group([], MEASURES, groupby, lazy=False)
        }

    def test_budget_versus_actual_by_line(self):
        """R4.1.3: actuals come from the office's posted journal items (drafts and
        other offices left out), with variance and percentage per line."""
        groups = self._groups(self.users["manager", "a"], ["category"])
        self.assertEqual(set(groups), {("revenue",), ("cost",), ("expense",)})
        revenue = groups["revenue",]
        self.assertEqual(
            (revenue["budget_amount"], revenue["actual_amount"], revenue["variance"]), (2000.0, 2400.0, 400.0)
        )
        self.assertAlmostEqual(revenue["variance_pct"], 20.0)
        self.assertAlmostEqual(groups["expense",]["variance_pct"], 25.0)
        self.assertAlmostEqual(groups["cost",]["variance_pct"], -25.0)

    def test_by_period_and_department(self):
        """R4.1.2, R4.1.3: months, quarters and departments; profit budget and actual."""
        months = self._groups(self.users["manager", "a"], ["date:month", "category"])
        self.assertEqual(len(months), 4)
        quarter = self._groups(self.users["manager", "a"], ["date:quarter", "department_id"])
        ((_key, group),) = quarter.items()
        self.assertEqual(group["department_id"][0], self.sales_dept[self.office_a].id)
        self.assertEqual((group["budget_amount"], group["actual_amount"]), (2600.0, 2950.0))
        Analysis = self.env["lighting.budget.analysis"].with_user(self.users["manager", "a"])
        (profit,) = Analysis.read_group([], ["profit_budget:sum", "profit_actual:sum"], [], lazy=False)
        self.assertEqual((profit["profit_budget"], profit["profit_actual"]), (1400.0, 1850.0))

    def test_hq_across_offices_and_office_isolation(self):
        """R4.1.3: HQ Finance compares every office; an office sees only its own."""
        hq = self._groups(self.hq_finance, ["company_id", "category"])
        self.assertEqual(hq[(self.office_b.id, self.office_b.name), "revenue"]["actual_amount"], 1000.0)
        self.assertIn(((self.office_a.id, self.office_a.name), "revenue"), hq)
        office_b = self._groups(self.users["manager", "b"], ["company_id"])
        self.assertEqual(list(office_b), [((self.office_b.id, self.office_b.name),)])

    def test_query_count_does_not_grow_with_lines(self):
        """R4.1.3 performance: the report is one grouped query on the view (plus the
        names of the grouped offices and departments), whatever the number of journal items."""
        Analysis = self.env["lighting.budget.analysis"].with_user(self.hq_finance)
        Analysis.read_group([], MEASURES, GROUPBY, lazy=False)  # warm the rule and group caches
        self.env.invalidate_all()
        with self.assertQueryCount(6):
            Analysis.read_group([], MEASURES, GROUPBY, lazy=False)
        for month in range(1, 13):
            for category in ("revenue", "cost", "expense"):
                self._post(
                    self.office_a, category, 10.0 * month, month=month, department=self.sales_dept[self.office_a]
                )
                self._post(self.office_b, category, 10.0 * month, month=month)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(6):
            groups = Analysis.read_group([], MEASURES, GROUPBY, lazy=False)
        self.assertGreater(len(groups), 8)
