from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.base.models.ir_ui_menu import IrUiMenu as OdooMenu
from odoo.addons.lighting_office.models import ir_ui_menu

from .common import ROLES, LightingOfficeCase

# Menu entries (folders and leaves) a salesperson of vanilla Odoo 18 with the same
# dependencies and the same standard groups sees (measured by bench/parity.py).
VANILLA_SALES_ENTRIES = 62
# What a salesperson works in under Lighting Office: the app, its folders and these leaves.
SALES_LEAVES = {
    "menu_lighting_leads",
    "menu_lighting_quotations",
    "menu_lighting_orders",
    "menu_market_intel",
    "menu_overdue_invoices",
    "menu_collection_log",
    "menu_office_target",
    "menu_expense_preapproval",
    "menu_lighting_my_expenses",
    "menu_lighting_expense_sheets",
    "menu_asset_request",
    "menu_office_maintenance",
    "menu_archive_loan",
    "menu_business_trip",
    "menu_cleaning_task",
    "menu_document",
    "menu_vehicle_request",
    "menu_meeting",
    "menu_meeting_action",
    "menu_event_plan",
    "menu_appraisal",
    "menu_social_insurance",
    "menu_suggestion",
    "menu_team_activity",
    "menu_training",
    "menu_risk_register",
    "menu_risk_matrix",
    "menu_risk_action",
}
SALES_FOLDERS = {
    "menu_lighting_root",
    "menu_lighting_sales",
    "menu_lighting_finance",
    "menu_lighting_collection",
    "menu_lighting_administration",
    "menu_archive",
    "menu_meetings",
    "menu_lighting_people",
    "menu_lighting_risk",
}
# Menus a role may see with read access only, because reading is the work done there:
# reports and registers HQ and managers analyse, and what concerns staff themselves
# (their target, contributions, trainings, meetings, the office's risks).
READ_ONLY_USES = {
    # HQ reports: reading is what they are for (issue 18)
    "menu_office_scorecard",
    "menu_office_compliance",
    "menu_office_compliance_score",
    "menu_archive_file",
    "menu_filing_round",
    "menu_business_trip_cost",
    "menu_asset",
    "menu_asset_stocktake",
    "menu_budget_analysis",
    "menu_collection_report",
    "menu_overdue_invoices",
    "menu_office_target",
    "menu_appraisal_outcome",
    "menu_welfare_benefit",
    "menu_recruitment_plan",
    "menu_social_insurance",
    "menu_training_analysis",
    "menu_training",
    "menu_team_activity",
    "menu_meeting",
    "menu_risk_register",
    "menu_lighting_sales_teams",
    "menu_lighting_service_teams",
}
# Set-up and analysis menus only the office manager (and HQ Management) works in.
MANAGER_ONLY = {
    "menu_cleaning_area",
    "menu_office_equipment",
    "menu_risk_indicator",
    "menu_risk_round",
    "menu_risk_assessment",
    "menu_training_plan",
    "menu_vehicle_use_analysis",
}


@tagged("post_install", "-at_install")
class TestMenus(LightingOfficeCase):
    """R1.2: each role's menu tree holds what the role works in, and nothing it cannot act in."""

    def _menus(self, user):
        """The tree the web client loads for `user`: {xmlid or id: menu record} of every entry."""
        tree = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        menus = self.env["ir.ui.menu"].browse([key for key in tree if key != "root"])
        xmlids = menus.get_external_id()
        return {xmlids[menu.id] or menu.id: menu for menu in menus}, tree

    def _role_users(self):
        return {
            **{role: self.users[role, "a"] for role in ROLES},
            "hq_finance": self.hq_finance,
            "hq_management": self.hq_management,
        }

    def test_every_visible_menu_can_be_worked_in(self):
        """R1.2: for every role, each leaf of its menu tree opens a model the role can read,
        and each Lighting Office leaf one it can write or create in, unless reading is its use."""
        for role, user in self._role_users().items():
            menus, tree = self._menus(user)
            for key, menu in menus.items():
                if tree[menu.id]["children"] or menu.action._name != "ir.actions.act_window":
                    continue
                Model = self.env[menu.action.res_model].with_user(user)
                with self.subTest(role=role, menu=menu.complete_name):
                    self.assertTrue(Model.has_access("read"))
                    if str(key).startswith("lighting_office."):
                        self.assertTrue(
                            Model.has_access("write")
                            or Model.has_access("create")
                            or key.split(".")[1] in READ_ONLY_USES,
                            f"{role} sees {menu.complete_name} but can only read {Model._name}",
                        )

    def test_setup_menus_only_for_managers(self):
        """R1.2: Cleaning Areas, Office Equipment, risk indicators, rounds and history, training
        plans and vehicle use are the office manager's; staff and HQ Finance do not see them."""
        for role, user in self._role_users().items():
            visible = {key.split(".")[1] for key in self._menus(user)[0] if str(key).startswith("lighting_office.")}
            with self.subTest(role=role):
                if role in ("manager", "hq_management"):
                    self.assertLessEqual(MANAGER_ONLY, visible)
                else:
                    self.assertFalse(MANAGER_ONLY & visible)

    def test_salesperson_tree(self):
        """R1.2: a salesperson's tree is vanilla Odoo's (62 entries) plus the Lighting Office
        entries sales works in (9 folders, 28 leaves): 99 at most."""
        menus, _tree = self._menus(self.users["sales", "a"])
        ours = {key.split(".")[1] for key in menus if str(key).startswith("lighting_office.")}
        self.assertEqual(ours, SALES_LEAVES | SALES_FOLDERS)
        self.assertLessEqual(len(menus) - len(ours), VANILLA_SALES_ENTRIES)

    def test_visible_menus_as_odoo_computes_them(self):
        """R1.2: the menus each role sees, and their xmlids, are the ones Odoo's own computation
        gives (the module computes them faster, models/ir_ui_menu.py), in debug mode too, with a
        folder whose only entry opens a model nobody reads and an entry whose action was deleted."""
        Menu = self.env["ir.ui.menu"]
        folder = Menu.create(
            {"name": "Empty folder", "parent_id": self.env.ref("lighting_office.menu_lighting_root").id}
        )
        Menu.create(
            {
                "name": "Unreadable",
                "parent_id": folder.id,
                "action": f"ir.actions.act_window,{self.env.ref('base.ir_access_act').id}",
            }
        )
        gone = Menu.create({"name": "Action gone", "parent_id": folder.id})
        self.env.cr.execute("UPDATE ir_ui_menu SET action = 'ir.actions.act_window,999999999' WHERE id = %s", [gone.id])
        self.env.invalidate_all()
        for role, user in {**self._role_users(), "admin": self.env.ref("base.user_admin")}.items():
            for debug in (False, True):
                with self.subTest(role=role, debug=debug):
                    menus = Menu.with_user(user)
                    ours = menus._visible_menu_ids(debug)
                    self.assertEqual(ours, OdooMenu._visible_menu_ids.__wrapped__(menus, debug))
                    shown = menus.browse(ours)
                    self.assertEqual(shown._get_menuitems_xmlids(), OdooMenu._get_menuitems_xmlids(shown))
                    self.assertEqual(folder.id in ours, role == "admin")
                    self.assertNotIn(gone.id, ours)
        # Another module overriding them below this one (loaded before it): its version runs.
        sales = Menu.with_user(self.users["sales", "a"])
        with (
            patch.object(ir_ui_menu, "OdooMenu", None),
            patch.object(OdooMenu, "_visible_menu_ids", return_value={folder.id}),
            patch.object(OdooMenu, "_get_menuitems_xmlids", return_value={folder.id: "other.menu"}),
        ):
            self.assertEqual(ir_ui_menu.IrUiMenu._visible_menu_ids.__wrapped__(sales, False), {folder.id})
            self.assertEqual(folder._get_menuitems_xmlids(), {folder.id: "other.menu"})

    def test_first_menu_load_queries(self):
        """R1.2: a salesperson's first menu load (caches cleared, as after a restart) costs
        vanilla Odoo's queries (bench/parity.py: 34 in both): the module adds menus, no query."""
        sales = self.users["sales", "a"]
        self.env["ir.ui.menu"].with_user(sales).load_menus(debug=False)
        self.env.registry.clear_cache()
        self.env.invalidate_all()
        with self.assertQueryCount(34):
            self.env["ir.ui.menu"].with_user(sales).load_menus(debug=False)
