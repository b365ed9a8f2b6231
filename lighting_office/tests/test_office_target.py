from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestOfficeTarget(LightingOfficeCase):
    """R1.3: per-office targets, measured by the office's confirmed sales."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.month = date.today().replace(day=1)
        cls.Target = cls.env["lighting.office.target"]
        sales_a, sales_b = cls.users["sales", "a"], cls.users["sales", "b"]
        cls.confirmed_a = cls._confirmed(cls.office_a, sales_a, 10)  # 1000
        cls.confirmed_a2 = cls._confirmed(cls.office_a, cls.users["manager", "a"], 5)  # 500
        cls._order(cls.office_a, sales_a, 99)  # a quotation: not counted
        cls._confirmed(cls.office_b, sales_b, 7)  # other office: not counted

    @classmethod
    def _confirmed(cls, office, salesperson, qty):
        order = cls._order(office, salesperson, qty)
        cls._approve(order)
        order.with_user(salesperson).action_confirm()
        return order

    def _target(self, **values):
        return self.Target.create(
            {
                "name": "Target",
                "company_id": self.office_a.id,
                "target_amount": 3000,
                "date_start": self.month,
                **values,
            }
        )

    def test_achieved_counts_confirmed_orders_of_the_office(self):
        """R1.3: the office target is measured by the office's confirmed orders in the period."""
        target = self._target()
        self.assertEqual(target.achieved_amount, 1500)
        self.assertAlmostEqual(target.achievement_rate, 50.0)

    def test_salesperson_target(self):
        """R1.3: a salesperson's target counts only their orders."""
        target = self._target(user_id=self.users["sales", "a"].id, target_amount=2000)
        self.assertEqual(target.achieved_amount, 1000)
        self.assertAlmostEqual(target.achievement_rate, 50.0)

    def test_orders_outside_the_period_do_not_count(self):
        """R1.3: a past period shows no sales of this month."""
        target = self._target(
            date_start=date.today() - relativedelta(years=3, month=1, day=1),
            date_end=date.today() - relativedelta(years=3, month=3, day=31),
        )
        self.assertEqual(target.achieved_amount, 0)

    def test_achieved_in_one_query(self):
        """R1.3: measuring many targets reads the sales once, not once per target."""
        targets = self.Target.browse([self._target(name=f"T{i}").id for i in range(10)])
        targets.invalidate_recordset()
        with self.assertQueryCount(2):
            targets.mapped("achieved_amount")
        self.assertEqual(set(targets.mapped("achieved_amount")), {1500})

    def test_bad_period_refused(self):
        """R1.3: a period ending before it starts, or not of whole months, is refused with the field named."""
        with self.assertRefused(ValidationError, "Target Backwards", "To is before From"):
            self._target(
                name="Target Backwards", date_start=date(2026, 5, 1), date_end=date(2026, 3, 31)
            )  # fixed date: no today
        with self.assertRefused(ValidationError, "Target Partial", "whole months"):
            self._target(
                name="Target Partial", date_start=date(2026, 5, 3), date_end=date(2026, 5, 31)
            )  # fixed date: no today
        with self.assertRefused(ValidationError, "Target Negative", "Target cannot be negative"):
            self._target(name="Target Negative", target_amount=-1)
        self.assertFalse(self.Target.search([("name", "like", "Target ")]))
