from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestAsset(LightingOfficeCase):
    """R4.3: asset ledgers per office, requests approved by the office manager, stocktake."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.custodian = cls.env["hr.employee"].create(
            {
                "name": "Custodian A",
                "user_id": cls.users["sales", "a"].id,
                "company_id": cls.office_a.id,
            }
        )
        cls.projector = cls.env["lighting.asset"].create(
            {
                "name": "Projector",
                "category": "Office equipment",
                "company_id": cls.office_a.id,
                "value": 4000.0,
            }
        )
        cls.lamps = cls.env["lighting.asset"].create(
            {
                "name": "Sample lamps",
                "category": "Samples",
                "ledger": "consumable",
                "quantity": 10,
                "company_id": cls.office_a.id,
                "value": 500.0,
            }
        )

    def _request(self, **vals):
        return (
            self.env["lighting.asset.request"]
            .with_user(self.users["sales", "a"])
            .create({"name": "Needed", "company_id": self.office_a.id, **vals})
        )

    def _approve_and_apply(self, request):
        request.request_validation()
        manager = self.users["manager", "a"]
        request.with_user(manager).validate_tier()
        request.with_user(manager).action_done()

    def test_ledger_numbers(self):
        """R4.3.1: every asset gets a number; staff read the ledger, only managers change it."""
        self.assertTrue(self.projector.code.startswith("AS/"))
        self.assertNotEqual(self.projector.code, self.lamps.code)
        Asset = self.env["lighting.asset"]
        self.assertEqual(Asset.with_user(self.users["sales", "a"]).search([]), self.projector | self.lamps)
        self.assertFalse(Asset.with_user(self.users["manager", "b"]).search([]))
        with self.assertRaises(AccessError):
            self.projector.with_user(self.users["sales", "a"]).write({"location": "Home"})

    def test_purchase_needs_manager_approval(self):
        """R4.3.1: a purchase enters the ledger only after the office manager approves it."""
        request = self._request(
            request_type="purchase",
            asset_name="Laptop",
            category="IT",
            value=6000.0,
            custodian_id=self.custodian.id,
            location="Sales room",
        )
        request.request_validation()
        with self.assertRefused(ValidationError, request.name):
            request.with_user(self.users["manager", "a"]).action_done()
        with self.assertRefused(ValidationError, request.name):
            request.with_user(self.users["manager", "a"]).write({"state": "done"})
        self.assertEqual(request.sudo().review_ids.reviewer_ids, self.users["manager", "a"])
        request.with_user(self.users["manager", "a"]).validate_tier()
        request.with_user(self.users["manager", "a"]).action_done()
        self.assertEqual(request.asset_id.name, "Laptop")
        self.assertEqual(request.asset_id.custodian_id, self.custodian)

    def test_transfer_and_disposal(self):
        """R4.3.1: a transfer moves the asset, a disposal ends it; disposing twice is refused."""
        self._approve_and_apply(
            self._request(
                request_type="transfer",
                asset_id=self.projector.id,
                location="Meeting room",
                custodian_id=self.custodian.id,
            )
        )
        self.assertEqual(self.projector.location, "Meeting room")
        self.assertEqual(self.projector.custodian_id, self.custodian)
        self._approve_and_apply(self._request(request_type="disposal", asset_id=self.projector.id))
        self.assertEqual(self.projector.state, "disposed")
        again = self._request(request_type="disposal", asset_id=self.projector.id)
        with self.assertRefused(UserError, again.name, self.projector.code, "already disposed"):
            again.request_validation()

    def test_stocktake(self):
        """R4.3.2: count sheet from the ledger; differences explained and approved before adjusting."""
        manager = self.users["manager", "a"]
        stocktake = self.env["lighting.asset.stocktake"].with_user(manager).create({"company_id": self.office_a.id})
        stocktake.action_generate()
        self.assertEqual(stocktake.line_ids.asset_id, self.projector | self.lamps)
        lamps_line = stocktake.line_ids.filtered(lambda line: line.asset_id == self.lamps)
        with self.assertRefused(UserError, "not counted"):
            stocktake.request_validation()
        stocktake.line_ids.write({"counted": True, "counted_quantity": 1})
        lamps_line.counted_quantity = 7
        self.assertEqual((stocktake.gain_count, stocktake.loss_count), (0, 1))
        with self.assertRefused(UserError, self.lamps.code, "Explanation"):
            stocktake.request_validation()
        with self.assertRefused(ValidationError, self.lamps.code, "Counted Quantity", "below zero"):
            lamps_line.counted_quantity = -1
        lamps_line.explanation = "Three samples given to a customer"
        stocktake.request_validation()
        with self.assertRefused(ValidationError, stocktake.name):
            stocktake.action_adjust()
        self.assertEqual(self.lamps.quantity, 10)
        stocktake.validate_tier()
        stocktake.action_adjust()
        self.assertEqual(self.lamps.quantity, 7)
        self.assertEqual(stocktake.state, "done")

    def test_offices_apart(self):
        """R4.3: office B sees none of office A's requests or stocktakes; HQ reads them."""
        request = self._request(request_type="disposal", asset_id=self.lamps.id)
        stocktake = self.env["lighting.asset.stocktake"].create({"company_id": self.office_a.id})
        offices = (self.hq | self.office_a | self.office_b).ids
        for record in (request, stocktake, self.lamps):
            Model = self.env[record._name]
            self.assertFalse(Model.with_user(self.users["manager", "b"]).search([("id", "=", record.id)]))
            for hq_user in (self.hq_finance, self.hq_management):
                found = (
                    Model.with_user(hq_user).with_context(allowed_company_ids=offices).search([("id", "=", record.id)])
                )
                self.assertEqual(found, record)
        with self.assertRaises(AccessError):
            stocktake.with_user(self.users["sales", "a"]).action_generate()

    def test_asset_states(self):
        """R4.3.1: the manager marks an asset idle or under repair; a disposed asset stays disposed."""
        manager_projector = self.projector.with_user(self.users["manager", "a"])
        manager_projector.with_context(lighting_asset_state="repair").action_mark_state()
        self.assertEqual(self.projector.state, "repair")
        with self.assertRefused(ValidationError, "Under Repair"):
            manager_projector.with_context(lighting_asset_state="disposed").action_mark_state()
        self._approve_and_apply(self._request(request_type="disposal", asset_id=self.projector.id))
        with self.assertRefused(ValidationError, "disposed"):
            manager_projector.with_context(lighting_asset_state="in_use").action_mark_state()
        with self.assertRaises(AccessError):
            self.lamps.with_user(self.users["sales", "a"]).with_context(lighting_asset_state="idle").action_mark_state()
