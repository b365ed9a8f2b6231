from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestMaintenance(LightingOfficeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.users["manager", "a"]
        # A breakdown is reported by an employee (hr_maintenance makes them its owner).
        cls._employees(["support"])
        cls.asset = cls.env["lighting.asset"].create(
            {
                "name": "Demonstration projector",
                "category": "Office equipment",
                "company_id": cls.office_a.id,
                "value": 4500.0,
            }
        )
        cls.done_stage = cls.env.ref("maintenance.stage_3")

    def _equipment(self):
        self.asset.with_user(self.manager).action_create_equipment()
        return self.asset.equipment_ids

    def _breakdown(self, equipment, user):
        return (
            self.env["maintenance.request"]
            .with_user(user)
            .create(
                {
                    "name": "Lamp does not light",
                    "equipment_id": equipment.id,
                    "maintenance_type": "corrective",
                    "company_id": self.office_a.id,
                }
            )
        )

    def test_equipment_from_asset_and_repair_state(self):
        """R4.3.3, R6.1: an asset becomes equipment; it shows Under Repair while a
        breakdown request is open, and is back in use once the request is done."""
        equipment = self._equipment()
        self.assertEqual(
            (equipment.name, equipment.company_id, equipment.serial_no),
            (self.asset.name, self.office_a, self.asset.code),
        )
        request = self._breakdown(equipment, self.users["support", "a"])
        self.assertEqual(self.asset.state, "repair")
        self.assertEqual(self.asset.maintenance_open_count, 1)
        request.with_user(self.manager).action_decide_repair()
        request.with_user(self.manager).stage_id = self.done_stage
        self.assertEqual((self.asset.state, request.lighting_decision), ("in_use", "repair"))

    def test_preventive_plan_recurs_without_repair_state(self):
        """R4.3.3, R6.1: a preventive plan is a recurring preventive request; done,
        it schedules the next one; it does not put the asset under repair."""
        equipment = self._equipment()
        plan = (
            self.env["maintenance.request"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Quarterly projector check",
                    "equipment_id": equipment.id,
                    "maintenance_type": "preventive",
                    "recurring_maintenance": True,
                    "repeat_interval": 3,
                    "repeat_unit": "month",
                    "repeat_type": "forever",
                    "company_id": self.office_a.id,
                }
            )
        )
        self.assertEqual(self.asset.state, "in_use")
        plan.stage_id = self.done_stage
        self.assertEqual(
            self.env["maintenance.request"].search_count(
                [("lighting_asset_id", "=", self.asset.id), ("stage_id.done", "=", False)]
            ),
            1,
        )

    def test_replace_decision_goes_to_disposal_request(self):
        """R4.3.3, R6.1: replacing the asset opens its disposal request for the office manager."""
        request = self._breakdown(self._equipment(), self.manager)
        action = request.with_user(self.manager).action_decide_replace()
        disposal = self.env["lighting.asset.request"].browse(action["res_id"])
        self.assertEqual((disposal.request_type, disposal.asset_id, disposal.state), ("disposal", self.asset, "draft"))
        self.assertEqual((request.lighting_decision, request.lighting_asset_request_id), ("replace", disposal))

    def test_offices_kept_apart(self):
        """R4.3.3: Maintenance's multi-company rules keep office B out of office A's equipment and requests;
        staff without the manager role cannot decide."""
        request = self._breakdown(self._equipment(), self.manager)
        manager_b = self.users["manager", "b"]
        self.assertFalse(self.env["maintenance.request"].with_user(manager_b).search([("id", "=", request.id)]))
        self.assertFalse(
            self.env["maintenance.equipment"].with_user(manager_b).search([("lighting_asset_id", "=", self.asset.id)])
        )
        with self.assertRaises(AccessError):
            request.with_user(manager_b).read(["name"])
        with self.assertRaises(AccessError):
            self.asset.with_user(self.users["sales", "a"]).action_create_equipment()

    def test_existing_offices_get_their_upkeep_team_once(self):
        """R4.3.3, R6.1: an office set up before Maintenance was installed gets its
        upkeep team when the module is updated, and only one."""
        Team = self.env["maintenance.team"]
        Team.search([("company_id", "=", self.office_a.id)]).unlink()
        self.env["res.company"]._lighting_create_missing_upkeep_teams()
        self.env["res.company"]._lighting_create_missing_upkeep_teams()
        self.assertEqual(Team.search_count([("company_id", "=", self.office_a.id)]), 1)
        self.assertEqual(Team.search_count([("company_id", "=", self.office_b.id)]), 1)
