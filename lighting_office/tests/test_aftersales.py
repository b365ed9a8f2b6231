import threading
from datetime import timedelta

from dateutil.relativedelta import MO
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .aftersales_common import AftersalesCase


@tagged("post_install", "-at_install")
class TestFeedback(AftersalesCase):
    """R3.3.1: feedback tickets of the office's after-sales team and the on-site / return decision."""

    def test_feedback_is_recorded_with_severity_target(self):
        """R3.3.1: channel, customer, product, serial, nature, severity; the targets follow the office's SLA of
        that severity (major: response 3 h as the manager set it, resolution 3 working days)."""
        major_response = self.env["helpdesk.sla"].search(
            [
                ("team_ids", "=", self.office_a.office_aftersales_team_id.id),
                ("lighting_severity", "=", "major"),
                ("lighting_target", "=", "response"),
            ]
        )
        major_response.with_user(self.users["manager", "a"]).hours = 3
        monday = self._office_moment(self.office_a, MO, 9)
        with self._at(monday):
            ticket = self._feedback(self.aftersales, severity="major")
        self.assertEqual(
            (ticket.company_id, ticket.lighting_team_role, ticket.channel_id, ticket.lot_id),
            (self.office_a, "aftersales", self.phone, self.serial),
        )
        self.assertEqual(ticket.response_deadline, monday + timedelta(hours=3))
        self.assertEqual(ticket.resolution_deadline, monday + timedelta(hours=72))
        ticket.severity = "critical"
        self.assertEqual(ticket.response_deadline, monday + timedelta(hours=2))
        self.assertEqual(ticket.resolution_deadline, monday + timedelta(hours=24))
        self.assertEqual(ticket.product_whereabouts, "customer")

    def test_on_site_decision_plans_the_visit(self):
        """R3.3.1: on-site service needs the judgement, the date and the staff; the staff gets the visit as a to-do."""
        ticket = self._feedback(self.aftersales, feedback_nature="installation", severity="minor")
        with self.assertRefused(UserError, ticket.number, "First Judgement"):
            ticket.action_decide_on_site()
        ticket.first_judgement = "Loose connector at the junction box."
        with self.assertRefused(UserError, ticket.number, "Visit Date"):
            ticket.action_decide_on_site()
        visit = fields.Datetime.now() + timedelta(days=2)
        ticket.write({"visit_date": visit, "visit_user_id": self.aftersales.id})
        ticket.action_decide_on_site()
        self.assertEqual(ticket.service_decision, "on_site")
        self.assertFalse(ticket.repair_ids)
        activity = ticket.activity_ids
        self.assertEqual((activity.user_id, activity.date_deadline), (self.aftersales, visit.date()))
        with self.assertRefused(UserError, ticket.number, "already"):
            ticket.action_decide_return()

    def test_return_creates_repair_and_receipt_in_office_warehouse(self):
        """R3.3.1: return to the company creates the repair order and the inbound return, both in the office's
        warehouse."""
        ticket = self._feedback(self.aftersales)
        ticket.first_judgement = "Driver overheating."
        ticket.action_decide_return()
        receipt, repair = ticket.return_picking_id, ticket.repair_ids
        self.assertEqual(receipt.picking_type_id, self.warehouse_a.in_type_id)
        self.assertEqual(receipt.location_dest_id, self.warehouse_a.lot_stock_id)
        self.assertEqual(receipt.move_line_ids.lot_id, self.serial)
        self.assertEqual(
            (repair.company_id, repair.lot_id, repair.partner_id, repair.picking_type_id),
            (self.office_a, self.serial, self.customer, self.warehouse_a.repair_type_id),
        )
        self.assertEqual(ticket.product_whereabouts, "returning")
        self._validate(receipt)
        self.assertEqual(ticket.product_whereabouts, "received")
        self.assertEqual(
            self.env["stock.quant"]._get_available_quantity(
                self.luminaire, self.warehouse_a.lot_stock_id, lot_id=self.serial
            ),
            1,
        )

    def test_return_needs_serial_of_tracked_product(self):
        """R3.3.1: a tracked product is taken back only with its serial number; nothing is created."""
        ticket = self._feedback(self.aftersales, lot_id=False, first_judgement="Dead on arrival.")
        with self.assertRefused(UserError, ticket.number, "Serial Number"):
            ticket.action_decide_return()
        self.assertFalse(ticket.repair_ids or ticket.return_picking_id)

    def test_office_gets_its_own_warehouse(self):
        """R3.3.1: an office created outside tests (where Odoo adds no warehouse) still gets its own one."""
        thread = threading.current_thread()
        thread.testing = False
        try:
            office = self.env["res.company"].create(
                {"name": "Office C", "is_lighting_office": True, "office_code": "TC"}
            )
        finally:
            thread.testing = True
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", office.id)])
        self.assertEqual((len(warehouse), warehouse.code), (1, "TC"))
        self.assertTrue(warehouse.repair_type_id and warehouse.in_type_id and warehouse.out_type_id)


@tagged("post_install", "-at_install")
class TestRepair(AftersalesCase):
    """R3.3.2: repair with diagnosis, steps, parts with lots, and the test without which it cannot finish."""

    def setUp(self):
        super().setUp()
        self.ticket = self._feedback(self.aftersales)
        self.repair = self._returned(self.ticket).with_user(self.aftersales)
        self._repair_with_part(self.repair)

    def test_repair_needs_a_passed_test(self):
        """R3.3.2: finishing without a test is refused by button and by write; a failed test sends it back."""
        with self.assertRefused(UserError, self.repair.name, "Test Result"):
            self.repair.action_repair_end()
        with self.assertRefused(UserError, self.repair.name, "Test Result"):
            self.repair.write({"state": "done"})
        self.assertEqual(self.repair.state, "under_repair")
        self._test(self.repair, "failed")
        self.assertEqual((self.repair.lighting_test_state, self.repair.state), ("failed", "under_repair"))
        self.assertIn("repair again", self.repair.activity_ids.summary)
        with self.assertRefused(UserError, self.repair.name):
            self.repair.action_repair_end()
        self._test(self.repair, "passed")
        self.repair.action_repair_end()
        self.assertEqual(self.repair.state, "done")
        self.assertTrue(self.repair.lighting_done_date)
        self.assertEqual(self.ticket.product_whereabouts, "tested")

    def test_tests_cannot_be_rewritten(self):
        """R3.3.2: a recorded test is kept as it was; a failed one cannot be turned into a pass."""
        test = self._test(self.repair, "failed")
        with self.assertRaises(AccessError):
            test.with_user(self.aftersales).write({"result": "passed"})
        with self.assertRaises(AccessError):
            test.with_user(self.aftersales).unlink()

    def test_parts_and_traceability(self):
        """R3.3.2: the replaced part keeps its lot; the serial's tickets, repairs and parts on one screen and as
        a report."""
        part = self.repair.move_ids
        self.assertEqual((part.product_id, part.lot_ids), (self.driver, self.driver_lot))
        self._test(self.repair, "passed")
        self.repair.action_repair_end()
        self.assertEqual(part.state, "done")
        lot = self.serial.with_user(self.aftersales)
        self.assertEqual(lot.lighting_ticket_ids, self.ticket)
        self.assertEqual(lot.lighting_repair_ids, self.repair)
        self.assertEqual(lot.lighting_part_move_ids, part)
        html = str(
            self.env["ir.actions.report"]._render_qweb_html("lighting_office.report_lot_traceability", lot.ids)[0]
        )
        for text in (
            self.ticket.number,
            self.repair.name,
            "LED driver 150W",
            "DRV-2026-07",
            "Replaced the driver",
            "Burn-in 4 h",
        ):
            self.assertIn(text, html)


@tagged("post_install", "-at_install")
class TestShipping(AftersalesCase):
    """R3.3.3: the customer is told when the test passes; the delivery back with carrier, tracking and arrival."""

    def setUp(self):
        super().setUp()
        self.ticket = self._feedback(self.aftersales)
        self.repair = self._returned(self.ticket).with_user(self.aftersales)
        self._repair_with_part(self.repair)

    def test_customer_told_and_shipped_with_tracking(self):
        """R3.3.3: passed test -> mail to the customer; shipping without tracking refused; tracking and arrival
        mailed."""
        ticket = self.ticket.with_user(self.aftersales)
        with self.assertRefused(UserError, ticket.number, "repair is finished"):
            ticket.action_ship_back()
        self._test(self.repair, "passed")
        told = ticket.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(told), 1)
        self.assertIn("passed its test", told.subject)
        self.repair.action_repair_end()
        ticket.action_ship_back()
        delivery = ticket.delivery_picking_id
        self.assertEqual(delivery.picking_type_id, self.warehouse_a.out_type_id)
        self.assertEqual(delivery.location_id, self.warehouse_a.lot_stock_id)
        self.assertEqual(delivery.move_line_ids.lot_id, self.serial)
        with self.assertRefused(UserError, delivery.name, "Tracking Number", "Carrier"):
            delivery.button_validate()
        self.assertNotEqual(delivery.state, "done")
        arrival = fields.Date.today() + timedelta(days=3)
        delivery.write(
            {
                "lighting_carrier": "SF Express",
                "lighting_tracking_ref": "SF1234567890",
                "lighting_expected_arrival": arrival,
            }
        )
        self._validate(delivery)
        self.assertEqual(ticket.product_whereabouts, "shipped")
        shipped = ticket.message_ids.filtered(lambda m: self.customer in m.partner_ids) - told
        self.assertIn("SF1234567890", shipped.subject)
        self.assertIn("SF Express", str(shipped.body))
        self.assertIn(fields.Date.to_string(arrival), str(shipped.body))
        # R3.3.3: past the expected arrival it is still shipped, not delivered, and stands out as overdue.
        with freeze_time(arrival + timedelta(days=1)):
            self.env.invalidate_all()
            self.assertEqual((ticket.product_whereabouts, ticket.lighting_arrival_overdue), ("shipped", True))
            self.assertEqual(
                self.env["helpdesk.ticket"].search([("lighting_arrival_overdue", "=", True), ("id", "=", ticket.id)]),
                ticket,
            )
            self.assertNotIn(ticket, self.env["helpdesk.ticket"].search([("lighting_arrival_overdue", "=", False)]))
            ticket.action_confirm_received()
            self.assertEqual((ticket.product_whereabouts, ticket.lighting_arrival_overdue), ("delivered", False))
            self.assertEqual(delivery.lighting_date_received, arrival + timedelta(days=1))
        with self.assertRefused(UserError, ticket.display_name, "only a product shipped back"):
            ticket.action_confirm_received()
        with self.assertRefused(ValidationError, delivery.name, "Received by Customer"):
            delivery.lighting_date_received = fields.Date.today() - timedelta(days=30)


@tagged("post_install", "-at_install")
class TestAftersalesAccess(AftersalesCase):
    """R3.3.1-R3.3.3, R1.2: after-sales work their office's feedback, repairs and shipping; sales read; other
    offices nothing."""

    def test_roles_and_offices(self):
        """R3.3.1-R3.3.3: after-sales of A write A's ticket and repair; sales of A read only; office B sees none."""
        ticket = self._feedback(self.aftersales)
        repair = self._returned(ticket)
        Ticket, Repair = self.env["helpdesk.ticket"], self.env["repair.order"]
        sales_a = self.users["sales", "a"]
        self.assertEqual(Ticket.with_user(sales_a).search([("id", "=", ticket.id)]), ticket)
        self.assertEqual(Repair.with_user(sales_a).search([("id", "=", repair.id)]), repair)
        self.env.invalidate_all()
        spec = {
            "severity": {},
            "product_whereabouts": {},
            "repair_count": {},
            "return_picking_id": {"fields": {"display_name": {}}},
        }
        seen = ticket.with_user(sales_a).web_read(spec)[0]
        self.assertEqual((seen["product_whereabouts"], seen["repair_count"]), ("received", 1))
        self.assertEqual(seen["return_picking_id"]["id"], ticket.return_picking_id.id)
        with self.assertRaises(AccessError):
            ticket.with_user(sales_a).write({"severity": "minor"})
        with self.assertRaises(AccessError):
            repair.with_user(sales_a).write({"lighting_diagnosis": "<p>x</p>"})
        with self.assertRaises(AccessError):
            Ticket.with_user(sales_a).create({"name": "x", "team_id": self.office_a.office_aftersales_team_id.id})
        repair.with_user(self.aftersales).write({"lighting_diagnosis": "<p>Driver.</p>"})
        for role in ("aftersales", "sales", "manager"):
            user = self.users[role, "b"]
            self.assertFalse(Ticket.with_user(user).search([("id", "=", ticket.id)]), role)
            self.assertFalse(Repair.with_user(user).search([("id", "=", repair.id)]), role)
            with self.assertRaises(AccessError):
                ticket.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                repair.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                ticket.return_picking_id.with_user(user).read(["name"])
        self.assertEqual(Repair.with_user(self.hq_management).search([("id", "=", repair.id)]), repair)

    def test_support_still_open_their_consultations(self):
        """R3.2.1, R3.3.1: technical support, who have no stock or repair rights, open the ticket form they share."""
        support = self.users["support", "a"]
        consultation = (
            self.env["helpdesk.ticket"]
            .with_user(support)
            .create(
                {
                    "name": "Which driver for DALI?",
                    "description": "<p>?</p>",
                    "team_id": self.office_a.office_support_team_id.id,
                }
            )
        )
        self.env.invalidate_all()
        views = consultation.with_user(support).get_views([(False, "form")])
        fields_in_form = {name: {} for name in views["models"]["helpdesk.ticket"]["fields"]}
        values = consultation.with_user(support).web_read(fields_in_form)[0]
        self.assertEqual((values["repair_count"], values["product_whereabouts"]), (0, "customer"))

    def test_feedback_analysis_grouped(self):
        """R3.3 reports: tickets by office, nature and severity, with average response time, in one grouped query."""
        self._feedback(self.aftersales)
        self._feedback(self.aftersales, severity="minor", feedback_nature="use")
        self._feedback(self.users["aftersales", "b"], office=self.office_b)
        Ticket = self.env["helpdesk.ticket"].with_user(self.hq_management)
        domain, groupby = [("lighting_team_role", "=", "aftersales")], ["company_id", "feedback_nature", "severity"]
        Ticket._read_group(domain, groupby, ["__count"])  # warms the rule cache
        with self.assertQueryCount(1):
            groups = Ticket._read_group(domain, groupby, ["__count"])
        counts = {(company.id, nature, severity): count for company, nature, severity, count in groups}
        self.assertEqual(counts[self.office_a.id, "quality", "critical"], 1)
        self.assertEqual(counts[self.office_a.id, "use", "minor"], 1)
        self.assertEqual(counts[self.office_b.id, "quality", "critical"], 1)
        mine = (
            self.env["helpdesk.ticket"]
            .with_user(self.aftersales)
            ._read_group([("lighting_team_role", "=", "aftersales")], ["company_id"], ["__count"])
        )
        self.assertEqual(mine, [(self.office_a, 2)])
