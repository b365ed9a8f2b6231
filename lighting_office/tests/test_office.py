from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestOffice(LightingOfficeCase):
    def test_office_form_creates_branch_with_teams(self):
        """R1.1: one office form makes a branch of head office with its three teams."""
        form = Form(
            self.env["res.company"].with_context(default_is_lighting_office=True),
            view="lighting_office.view_lighting_office_form",
        )
        form.name = "Office West"
        form.office_code = "XB"
        form.office_manager_id = self.users["manager", "a"]
        office = form.save()

        self.assertEqual(office.parent_id, self.hq)
        self.assertEqual(office.office_sales_team_id.company_id, office)
        self.assertEqual(office.office_support_team_id.company_id, office)
        self.assertEqual(office.office_support_team_id.lighting_team_role, "support")
        self.assertEqual(office.office_aftersales_team_id.company_id, office)
        self.assertEqual(office.office_aftersales_team_id.lighting_team_role, "aftersales")
        self.assertEqual(office.office_support_team_id.user_id, self.users["manager", "a"])

    def test_manager_works_in_the_office(self):
        """R1.1: naming a user the office manager lets them work in the office with the manager role."""
        user = new_test_user(self.env, login="future_manager", company_id=self.hq.id)
        self.assertNotIn(self.office_a, user.company_ids)
        self.office_a.office_manager_id = user
        self.assertIn(self.office_a, user.company_ids)
        self.assertTrue(user.has_group("lighting_office.group_lighting_manager"))

    def test_head_office_sees_new_offices(self):
        """R1.2: HQ Finance and HQ Management are given every new office."""
        office = self.env["res.company"].create(
            {"name": "Office North", "is_lighting_office": True, "office_code": "HB"}
        )
        self.assertIn(office, self.hq_finance.company_ids)
        self.assertIn(office, self.hq_management.company_ids)
        self.assertNotIn(office, self.users["manager", "a"].company_ids)

    def test_new_head_office_user_sees_every_office(self):
        """R1.2: a user given an HQ role later works in every office at once."""
        user = new_test_user(self.env, login="new_hq", company_id=self.hq.id)
        self.assertNotIn(self.office_a, user.company_ids)
        user.write({"groups_id": [(4, self.env.ref("lighting_office.group_lighting_hq_finance").id)]})
        self.assertLessEqual(self.office_a | self.office_b, user.company_ids)
        created = new_test_user(
            self.env,
            login="new_hq_mgmt",
            company_id=self.hq.id,
            groups="base.group_user,lighting_office.group_lighting_hq_management",
        )
        self.assertLessEqual(self.office_a | self.office_b, created.company_ids)

    def test_team_members_follow_roles(self):
        """R1.1: each office's staff are in its teams by their role, and only there."""
        self.assertIn(self.users["sales", "a"], self.office_a.office_sales_team_id.member_ids)
        self.assertIn(self.users["support", "a"], self.office_a.office_support_team_id.user_ids)
        self.assertIn(self.users["aftersales", "a"], self.office_a.office_aftersales_team_id.user_ids)
        self.assertNotIn(self.users["support", "a"], self.office_a.office_aftersales_team_id.user_ids)
        self.assertNotIn(self.users["sales", "b"], self.office_a.office_sales_team_id.member_ids)

    def test_office_needs_code(self):
        """R1.1: an office without a code is refused, naming office and field."""
        with self.assertRefused(ValidationError, "Office Nowhere", "Office Code"):
            self.env["res.company"].create({"name": "Office Nowhere", "is_lighting_office": True})
        self.assertFalse(self.env["res.company"].search([("name", "=", "Office Nowhere")]))

    def test_office_code_is_unique(self):
        """R1.1: two offices cannot share a code."""
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["res.company"].create({"name": "Office Copy", "is_lighting_office": True, "office_code": "TA"})

    def test_staff_cannot_create_or_change_offices(self):
        """R1.2: office staff, managers included, cannot create offices or change their settings."""
        for role in ("sales", "manager"):
            user = self.users[role, "a"]
            with self.assertRaises(AccessError):
                self.env["res.company"].with_user(user).create(
                    {"name": "Rogue Office", "is_lighting_office": True, "office_code": "RG"}
                )
            with self.assertRaises(AccessError):
                self.office_a.with_user(user).write({"office_manager_id": user.id})
        self.assertEqual(self.office_a.office_manager_id, self.users["manager", "a"])
