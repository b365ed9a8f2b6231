from odoo import Command, fields

from .common import LightingOfficeCase


class AftersalesCase(LightingOfficeCase):
    """A serial-tracked luminaire sold to the customer, a lot-tracked spare driver
    in office A's warehouse, and feedback tickets of the after-sales team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aftersales = cls.users["aftersales", "a"]
        cls.phone = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        cls.luminaire = cls.env["product.product"].create(
            {"name": "LED high-bay 150W", "type": "consu", "is_storable": True, "tracking": "serial"}
        )
        cls.serial = cls.env["stock.lot"].create({"name": "HB150-0001", "product_id": cls.luminaire.id})
        cls.driver = cls.env["product.product"].create(
            {"name": "LED driver 150W", "type": "consu", "is_storable": True, "tracking": "lot"}
        )
        cls.driver_lot = cls.env["stock.lot"].create({"name": "DRV-2026-07", "product_id": cls.driver.id})
        cls.warehouse_a = cls.env["stock.warehouse"].search([("company_id", "=", cls.office_a.id)])
        cls.env["stock.quant"]._update_available_quantity(
            cls.driver, cls.warehouse_a.lot_stock_id, 5, lot_id=cls.driver_lot
        )

    @classmethod
    def _feedback(cls, user, office=None, **values):
        office = office or cls.office_a
        return (
            cls.env["helpdesk.ticket"]
            .with_user(user)
            .create(
                dict(
                    {
                        "name": "High-bay flickers after two weeks",
                        "description": "<p>The luminaire flickers and switches off when warm.</p>",
                        "team_id": office.office_aftersales_team_id.id,
                        "channel_id": cls.phone.id,
                        "partner_id": cls.customer.id,
                        "product_id": cls.luminaire.id,
                        "lot_id": cls.serial.id,
                        "feedback_nature": "quality",
                        "severity": "critical",
                    },
                    **values,
                )
            )
        )

    def _returned(self, ticket):
        """Decide the return and receive the product in the office's warehouse."""
        ticket.first_judgement = "Driver overheating; needs bench repair."
        ticket.action_decide_return()
        self._validate(ticket.return_picking_id)
        return ticket.repair_ids

    def _validate(self, picking):
        result = picking.button_validate()
        self.assertIs(result, True, "the transfer is validated without a wizard")

    def _repair_with_part(self, repair):
        repair.write(
            {
                "move_ids": [
                    Command.create({"product_id": self.driver.id, "product_uom_qty": 1, "repair_line_type": "add"})
                ]
            }
        )
        repair.action_validate()
        repair.action_repair_start()
        repair.write(
            {
                "lighting_diagnosis": "<p>Driver capacitor C7 dried out.</p>",
                "lighting_step_ids": [Command.create({"description": "Replaced the driver"})],
            }
        )

    def _test(self, repair, result):
        return (
            self.env["lighting.repair.test"]
            .with_user(self.aftersales)
            .create(
                {
                    "repair_id": repair.id,
                    "tests_done": "Burn-in 4 h, dimming 1-100 %",
                    "measured_results": "230 V / 0.66 A, 19,800 lm",
                    "result": result,
                    "test_date": fields.Datetime.now(),
                }
            )
        )
