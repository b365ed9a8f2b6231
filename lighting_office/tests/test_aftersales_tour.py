from odoo.tests import HttpCase, tagged

from .common import LightingOfficeCase


class AftersalesTourCase(LightingOfficeCase, HttpCase):
    """R3.3.1-R3.3.3: the after-sales staff walk a feedback ticket through return, repair, test and shipment."""

    def _feedback_to_shipment(self):
        aftersales = self.users["aftersales", "a"]
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(aftersales)
            .create(
                {
                    "name": "High-bay flickers after two weeks",
                    "description": "<p>The luminaire flickers and switches off when warm.</p>",
                    "team_id": self.office_a.office_aftersales_team_id.id,
                    "user_id": aftersales.id,
                    "channel_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id,
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "feedback_nature": "quality",
                    "severity": "major",
                    "first_judgement": "Driver overheating; needs bench repair.",
                }
            )
        )
        self.start_tour(
            f"/odoo/action-lighting_office.action_lighting_feedback/{ticket.id}",
            "lighting_office_aftersales_repair",
            login=aftersales.login,
        )
        repair, delivery = ticket.repair_ids, ticket.delivery_picking_id
        self.assertEqual((repair.state, repair.lighting_test_state), ("done", "passed"))
        self.assertEqual(repair.lighting_test_ids.tester_id, aftersales)
        self.assertEqual((delivery.state, delivery.lighting_tracking_ref), ("done", "SF1234567890"))
        self.assertEqual(delivery.picking_type_id.warehouse_id.company_id, self.office_a)
        self.assertEqual(ticket.product_whereabouts, "shipped")
        told = ticket.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(told), 2)


@tagged("post_install", "-at_install")
class TestAftersalesTour(AftersalesTourCase):
    def test_feedback_to_shipment(self):
        """R3.3.1-R3.3.3: return -> repair -> passed test -> delivery with tracking, in the browser."""
        self._feedback_to_shipment()


@tagged("post_install", "-at_install")
class TestAftersalesTourPhone(AftersalesTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_feedback_to_shipment_phone(self):
        """R3.3.1-R3.3.3: the same return, repair, test and shipment on a phone (390x844)."""
        self._feedback_to_shipment()
