from odoo.tests import HttpCase, tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestAssetTour(LightingOfficeCase, HttpCase):
    def test_asset_equipment_tour(self):
        """R4.3.3: in the browser, the office manager opens an asset of the ledger and makes it equipment."""
        asset = self.env["lighting.asset"].create(
            {"name": "Tour projector", "category": "Office equipment", "company_id": self.office_a.id}
        )
        self.start_tour(
            "/odoo/action-lighting_office.action_asset",
            "lighting_office_asset_equipment",
            login=self.users["manager", "a"].login,
        )
        self.assertEqual(asset.equipment_ids.company_id, self.office_a)
