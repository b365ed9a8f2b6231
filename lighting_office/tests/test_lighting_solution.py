from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestLightingSolution(LightingOfficeCase):
    """R3.2.2: lighting solutions with a lumen-method calculator, versions, internal review, feedback, quotation."""

    def setUp(self):
        super().setUp()
        self.support = self.users["support", "a"]
        self.sales = self.users["sales", "a"]
        self.lead = self.env["crm.lead"].create(
            {
                "name": "Mall lighting",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "user_id": self.sales.id,
                "company_id": self.office_a.id,
            }
        )
        self.office_room = self.env.ref("lighting_office.room_office")  # 300 lx, 9.0 W/m2
        self.solution = (
            self.env["lighting.solution"]
            .with_user(self.support)
            .create(
                {
                    "title": "Ground floor",
                    "lead_id": self.lead.id,
                    "company_id": self.office_a.id,
                    "budget": 50000,
                    "room_ids": [
                        Command.create(
                            {
                                "name": "Open office",
                                "standard_id": self.office_room.id,
                                "area": 60,
                                "ceiling_height": 3,
                                "product_id": self.product.id,
                                "luminaire_flux": 3600,
                                "luminaire_power": 36,
                                "utilisation_factor": 0.6,
                                "maintenance_factor": 0.8,
                            }
                        )
                    ],
                }
            )
        )
        self.room = self.solution.room_ids

    def test_lumen_method_hand_worked(self):
        """R3.2.2: E 300 lx, A 60 m2, F 3600 lm, UF 0.6, MF 0.8: N = 18000 / 1728 = 10.42 -> 11;
        achieved 11 x 1728 / 60 = 316.8 lx; 11 x 36 W / 60 m2 = 6.6 W/m2 within 9.0."""
        room = self.room
        self.assertEqual(room.target_illuminance, 300)
        self.assertEqual((room.calculated_count, room.luminaire_count), (11, 11))
        self.assertAlmostEqual(room.achieved_illuminance, 316.8)
        self.assertAlmostEqual(room.power_density, 6.6)
        self.assertFalse(room.misses_target or room.exceeds_limit)
        self.assertEqual(self.solution.flagged_room_count, 0)

    def test_exact_count_and_flags(self):
        """R3.2.2: E 500, A 20, F 5000, UF 0.5, MF 0.8: N = 10000 / 2000 = 5 exactly; 5 x 70 W / 20 = 17.5 W/m2
        exceeds 15.0; 4 luminaires give 400 lx and miss the target."""
        room = self.room.with_user(self.support)
        room.write(
            {
                "standard_id": self.env.ref("lighting_office.room_office_high").id,
                "area": 20,
                "luminaire_flux": 5000,
                "utilisation_factor": 0.5,
                "maintenance_factor": 0.8,
                "luminaire_power": 60,
            }
        )
        self.assertEqual((room.target_illuminance, room.calculated_count), (500, 5))
        self.assertAlmostEqual(room.power_density, 15.0)
        self.assertFalse(room.exceeds_limit)
        room.luminaire_power = 70
        self.assertAlmostEqual(room.power_density, 17.5)
        self.assertTrue(room.exceeds_limit)
        room.luminaire_count = 4
        self.assertAlmostEqual(room.achieved_illuminance, 400)
        self.assertTrue(room.misses_target)
        self.assertEqual(self.solution.flagged_room_count, 1)

    def test_bad_room_input_refused(self):
        """R3.2.2: zero area, zero flux, UF or MF outside (0, 1] are refused naming solution, room and field."""
        name = self.solution.name
        for vals, field in (
            ({"area": 0}, "Area"),
            ({"luminaire_flux": 0}, "Luminaire Flux"),
            ({"utilisation_factor": 0}, "Utilisation Factor"),
            ({"utilisation_factor": 1.2}, "Utilisation Factor"),
            ({"maintenance_factor": 1.5}, "Maintenance Factor"),
        ):
            with self.assertRefused(ValidationError, name, "Open office", field):
                self.room.with_user(self.support).write(vals)
        self.assertEqual((self.room.area, self.room.utilisation_factor), (60, 0.6))

    def test_review_before_sending(self):
        """R3.2.2: an unreviewed solution cannot be sent; the office's manager reviews, then it is sent."""
        solution = self.solution.with_user(self.support)
        with self.assertRefused(ValidationError, self.solution.name):
            solution.action_send()
        solution.request_validation()
        with self.assertRefused(ValidationError, self.solution.name):
            solution.action_send()
        self.assertFalse(
            self.solution.with_user(self.users["manager", "b"]).sudo().can_review
            and self.users["manager", "b"] in self.solution.review_ids.reviewer_ids
        )
        self.assertEqual(self.solution.review_ids.reviewer_ids, self.users["manager", "a"])
        self.solution.with_user(self.users["manager", "a"]).validate_tier()
        solution.action_send()
        self.assertEqual(self.solution.state, "sent")

    def _reviewed_and_sent(self, solution):
        solution.with_user(self.support).request_validation()
        solution.with_user(self.users["manager", "a"]).validate_tier()
        solution.with_user(self.support).action_send()

    def test_feedback_revision_and_quotation(self):
        """R3.2.2: feedback makes v2 (v1 kept); v2 is reviewed again; the accepted version fills the quotation."""
        self._reviewed_and_sent(self.solution)
        self.solution.with_user(self.sales).customer_feedback = "Warmer light in the office, please."
        action = self.solution.with_user(self.support).action_revise()
        v2 = self.env["lighting.solution"].browse(action["res_id"])
        self.assertEqual((v2.version, v2.previous_id, v2.state), (2, self.solution, "draft"))
        self.assertEqual(self.solution.state, "revised")
        self.assertEqual(v2.name, "Mall lighting v2")
        self.assertEqual(v2.room_ids.luminaire_count, 11)
        self.assertEqual(self.lead.lighting_solution_ids, self.solution | v2)
        with self.assertRefused(ValidationError, v2.name):
            v2.with_user(self.support).action_send()
        self._reviewed_and_sent(v2)
        with self.assertRefused(UserError, self.solution.name):
            self.solution.with_user(self.sales).action_accept()
        v2.with_user(self.sales).action_accept()
        v2.with_user(self.sales).action_create_quotation()
        order = v2.order_id
        self.assertEqual(order.opportunity_id, self.lead)
        self.assertEqual(order.company_id, self.office_a)
        self.assertEqual([(line.product_id, line.product_uom_qty) for line in order.order_line], [(self.product, 11)])

    def test_solution_pdf_in_chinese(self):
        """R3.2.2: the solution prints with its rooms and results, in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "lighting_office.report_lighting_solution", self.solution.ids
        )
        html = html.decode()
        self.assertIn("Open office", html)
        self.assertIn("316.8", html)
        self.assertEqual(html.count("o_lighting_room"), 1)
        self.assertEqual(self.solution._print_lang(), "zh_CN")

    def test_role_access(self):
        """R3.2.2: sales start solutions and record feedback but do not design rooms; support designs;
        after-sales and HQ read; office B sees nothing; only managers edit the GB 50034 room types."""
        started = self.env["lighting.solution"].with_user(self.sales).create({"title": "x", "lead_id": self.lead.id})
        self.assertEqual(started.company_id, self.office_a)
        with self.assertRaises(AccessError):
            self.env["lighting.solution"].with_user(self.users["aftersales", "a"]).create(
                {"title": "x", "lead_id": self.lead.id}
            )
        with self.assertRaises(AccessError):
            self.room.with_user(self.sales).area = 80
        with self.assertRaises(AccessError):
            self.room.with_user(self.users["aftersales", "a"]).area = 80
        for reader in (self.hq_finance, self.hq_management, self.users["aftersales", "a"]):
            self.assertEqual(self.solution.with_user(reader).room_ids.luminaire_count, 11)
        for role in ("support", "sales", "manager"):
            with self.assertRaises(AccessError):
                self.solution.with_user(self.users[role, "b"]).read(["name"])
        with self.assertRaises(AccessError):
            self.office_room.with_user(self.support).power_density_limit = 12
        self.office_room.with_user(self.users["manager", "a"]).power_density_limit = 8.0
        self.assertFalse(self.room.exceeds_limit)
