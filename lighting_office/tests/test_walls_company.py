from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestWallsCompany(LightingOfficeCase):
    """R1.2: office A's users cannot point their own records at office B's
    (Odoo's check_company on every link between office records)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employees = cls._employees(("sales", "manager"))
        cls.lead_b = cls.env["crm.lead"].create(
            {"name": "B's mall", "type": "opportunity", "partner_id": cls.customer.id, "company_id": cls.office_b.id}
        )
        order_b = cls._order(cls.office_b, cls.users["sales", "b"])
        cls._approve(order_b)
        order_b.with_user(cls.users["sales", "b"]).action_confirm()
        cls.order_b = order_b
        cls.area_a = cls.env["lighting.cleaning.area"].create({"name": "Hall A", "company_id": cls.office_a.id})
        cls.period_a = cls.env["lighting.appraisal.period"].create(
            {"name": "H1", "company_id": cls.office_a.id, "date_start": date(2026, 1, 1), "date_end": date(2026, 6, 30)}
        )  # fixed date: compared with no today

    def _refused(self, model, vals, user=None):
        """Creating the record as office A's manager is refused and nothing is written."""
        Model = self.env[model].with_user(user or self.users["manager", "a"])
        before = Model.sudo().search_count([])
        with self.assertRaises(UserError) as caught:  # AccessError is a UserError
            Model.create(vals)
        self.assertEqual(Model.sudo().search_count([]), before)
        return caught.exception

    def test_sales_and_aftersales_links(self):
        """R1.2, R3.2.2, R3.1.5: a solution on B's lead, a job on B's order are refused."""
        employee_b = self.employees["sales", "b"]
        cases = [
            ("lighting.solution", {"title": "Stolen", "lead_id": self.lead_b.id, "company_id": self.office_a.id}),
            (
                "lighting.install.job",
                {"sale_order_id": self.order_b.id, "partner_id": self.customer.id, "company_id": self.office_a.id},
            ),
            ("lighting.contact.log", {"lead_id": self.lead_b.id, "summary": "Peek"}),
            (
                "lighting.expense.preapproval",
                {"employee_id": employee_b.id, "purpose": "Fair", "amount": 10.0, "company_id": self.office_a.id},
            ),
        ]
        for model, vals in cases:
            with self.subTest(model=model):
                self._refused(model, vals)

    def test_people_and_admin_links(self):
        """R1.2, R5.2, R5.3, R6.3, R4.3: training, appraisal, cleaning plan and asset on B's employee are refused."""
        employee_b = self.employees["sales", "b"]
        cases = [
            ("lighting.training", {"name": "Course", "employee_id": employee_b.id, "company_id": self.office_a.id}),
            (
                "lighting.appraisal",
                {
                    "employee_id": employee_b.id,
                    "period_id": self.period_a.id,
                    "company_id": self.office_a.id,
                    "template_id": self.env.ref("lighting_office.appraisal_template_sales").id,
                },
            ),
            ("lighting.cleaning.plan", {"name": "Sweep", "area_id": self.area_a.id, "employee_id": employee_b.id}),
            (
                "lighting.asset",
                {"name": "Laptop", "category": "IT", "company_id": self.office_a.id, "custodian_id": employee_b.id},
            ),
            (
                "lighting.business.trip",
                {
                    "employee_id": employee_b.id,
                    "company_id": self.office_a.id,
                    "destination": "Nanjing",
                    "purpose": "Visit",
                    "estimated_cost": 100.0,
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 3, 2),
                },
            ),  # fixed date: compared with no today
        ]
        for model, vals in cases:
            with self.subTest(model=model):
                self._refused(model, vals)

    def test_own_office_links_work(self):
        """R1.2: the same links inside the office are accepted."""
        employee_a = self.employees["sales", "a"]
        plan = (
            self.env["lighting.cleaning.plan"]
            .with_user(self.users["manager", "a"])
            .create({"name": "Sweep", "area_id": self.area_a.id, "employee_id": employee_a.id})
        )
        asset = (
            self.env["lighting.asset"]
            .with_user(self.users["manager", "a"])
            .create({"name": "Laptop", "category": "IT", "company_id": self.office_a.id, "custodian_id": employee_a.id})
        )
        self.assertEqual((plan.company_id, asset.custodian_id), (self.office_a, employee_a))
