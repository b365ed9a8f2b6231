from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ROLES, LightingOfficeCase


@tagged("post_install", "-at_install")
class TestOfficeIsolation(LightingOfficeCase):
    """R1.2: staff of one office never see or change another office's records;
    head office sees every office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.records = {"a": cls._office_records(cls.office_a, "a"), "b": cls._office_records(cls.office_b, "b")}

    @classmethod
    def _office_records(cls, office, key):
        order = cls._order(office, cls.users["sales", key])
        order.request_validation()
        Ticket = cls.env["helpdesk.ticket"]
        return {
            "sale.order": order,
            "crm.lead": cls.env["crm.lead"].create(
                {
                    "name": f"Lead {key}",
                    "company_id": office.id,
                    "user_id": cls.users["sales", key].id,
                    "team_id": office.office_sales_team_id.id,
                }
            ),
            "helpdesk.ticket": Ticket.create(
                {
                    "name": f"Consultation {key}",
                    "description": "How bright?",
                    "company_id": office.id,
                    "team_id": office.office_support_team_id.id,
                }
            )
            | Ticket.create(
                {
                    "name": f"Feedback {key}",
                    "description": "Flicker",
                    "company_id": office.id,
                    "team_id": office.office_aftersales_team_id.id,
                }
            ),
            "lighting.office.target": cls.env["lighting.office.target"].create(
                {"name": f"Target {key}", "company_id": office.id, "target_amount": 1000}
            ),
            "tier.review": order.review_ids,
            "res.company": office,
            "crm.team": office.office_sales_team_id,
            "helpdesk.ticket.team": office.office_support_team_id | office.office_aftersales_team_id,
        }

    def _readable(self, user, records):
        Model = self.env[records._name].with_user(user)
        if not Model.has_access("read"):
            return Model.browse()
        return Model.search([("id", "in", records.ids)])

    def test_staff_cannot_read_other_office(self):
        """R1.2: every role of office A finds none of office B's records and cannot read them."""
        for role in ROLES:
            user = self.users[role, "a"]
            for model, records in self.records["b"].items():
                with self.subTest(role=role, model=model):
                    self.assertFalse(self._readable(user, records))
                    with self.assertRaises(AccessError):
                        records.with_user(user).read(["display_name"])

    def test_staff_cannot_write_other_office(self):
        """R1.2: no role of office A can change office B's records."""
        values = {
            "sale.order": {"note": "changed"},
            "crm.lead": {"name": "changed"},
            "helpdesk.ticket": {"name": "changed"},
            "lighting.office.target": {"name": "changed"},
            "tier.review": {"comment": "changed"},
            "res.company": {"office_code": "XX"},
            "crm.team": {"name": "changed"},
            "helpdesk.ticket.team": {"name": "changed"},
        }
        for role in ROLES:
            user = self.users[role, "a"]
            for model, records in self.records["b"].items():
                with self.subTest(role=role, model=model), self.assertRaises(AccessError):
                    records.with_user(user).write(values[model])
        self.assertEqual(self.records["b"]["crm.lead"].name, "Lead b")

    def test_office_manager_sees_own_office(self):
        """R1.2: the office manager reads every record of the own office."""
        manager = self.users["manager", "a"]
        for model, records in self.records["a"].items():
            with self.subTest(model=model):
                self.assertEqual(self._readable(manager, records), records)

    def test_roles_see_their_duties(self):
        """R1.2: sales see the office's sales, support and after-sales their own teams' tickets;
        neither touches leads, after-sales only read orders (R3.1.5)."""
        records = self.records["a"]
        consultation, feedback = records["helpdesk.ticket"]
        self.assertEqual(self._readable(self.users["sales", "a"], records["sale.order"]), records["sale.order"])
        self.assertEqual(self._readable(self.users["support", "a"], records["helpdesk.ticket"]), consultation)
        self.assertEqual(self._readable(self.users["aftersales", "a"], records["helpdesk.ticket"]), feedback)
        with self.assertRaises(AccessError):
            records["crm.lead"].with_user(self.users["support", "a"]).read(["name"])
        with self.assertRaises(AccessError):
            records["sale.order"].with_user(self.users["aftersales", "a"]).write({"note": "changed"})

    def test_head_office_reads_every_office(self):
        """R1.2: HQ Finance and HQ Management read the records of both offices."""
        for user in (self.hq_finance, self.hq_management):
            for key in ("a", "b"):
                for model, records in self.records[key].items():
                    if model == "helpdesk.ticket" and user == self.hq_finance:
                        continue  # HQ Finance has no ticket duty
                    with self.subTest(user=user.login, office=key, model=model):
                        self.assertEqual(self._readable(user, records), records)

    def test_only_managers_set_targets(self):
        """R1.2/R1.3: staff read the office target, only the office manager changes it."""
        target = self.records["a"]["lighting.office.target"]
        for role in ("sales", "support", "aftersales"):
            user = self.users[role, "a"]
            self.assertEqual(self._readable(user, target), target)
            with self.assertRaises(AccessError):
                target.with_user(user).write({"target_amount": 1})
        target.with_user(self.users["manager", "a"]).write({"target_amount": 2000})
        self.assertEqual(target.target_amount, 2000)
        with self.assertRaises(AccessError):
            self.env["lighting.office.target"].with_user(self.users["manager", "a"]).create(
                {"name": "Target for the other office", "company_id": self.office_b.id, "target_amount": 1}
            )
