from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .portal_common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalTickets(PortalCase, HttpCase):
    """R3.2.1, R3.3.1, R3.3.3 on the portal: the customer sends consultations and feedback,
    follows the returned product and confirms it is back."""

    def _form(self, **values):
        return dict(
            {
                "office": str(self.office_a.id),
                "subject": "High-bay flickers",
                "description": "It switches off when warm.",
            },
            **values,
        )

    def test_feedback_and_consultation_sent_from_portal(self):
        """R3.3.1, R3.2.1: feedback with product and serial goes to the office's after-sales, a question to
        its technical support; an unknown serial number is refused by name and creates nothing."""
        self._login(self.portal_user)
        Ticket = self.env["helpdesk.ticket"]
        before = Ticket.search_count([])
        response = self._post(
            "/submitted/ticket",
            **self._form(kind="feedback", product=str(self.luminaire.id), serial="HB150-9999", nature="quality"),
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("HB150-9999", response.text)
        self.assertIn("LED high-bay 150W", response.text)
        self.assertEqual(Ticket.search_count([]), before)
        response = self._post(
            "/submitted/ticket",
            **self._form(kind="feedback", product=str(self.luminaire.id), serial="", nature="quality"),
        )
        self.assertEqual(response.status_code, 400, "a serial-tracked product needs its serial number")
        self._post(
            "/submitted/ticket",
            **self._form(kind="feedback", product=str(self.luminaire.id), serial="HB150-0001", nature="quality"),
        )
        feedback = Ticket.search([("name", "=", "High-bay flickers")])
        self.assertEqual(
            (feedback.team_id, feedback.company_id), (self.office_a.office_aftersales_team_id, self.office_a)
        )
        self.assertEqual(
            (feedback.product_id, feedback.lot_id, feedback.feedback_nature), (self.luminaire, self.serial, "quality")
        )
        self.assertEqual(
            (feedback.partner_id, feedback.channel_id),
            (self.contact, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")),
        )
        category = self.env.ref("lighting_office.consultation_category_control")
        self.assertIn(category.name, self.url_open("/new/ticket").text, "consultations are classified")
        self._post(
            "/submitted/ticket",
            **self._form(kind="consultation", subject="Which dimmer for 12W downlights?", category=str(category.id)),
        )
        question = Ticket.search([("name", "=", "Which dimmer for 12W downlights?")])
        self.assertEqual(
            (question.team_id, question.category_id, question.product_id),
            (self.office_a.office_support_team_id, category, self.env["product.product"]),
        )

    def test_follow_repair_and_confirm_receipt(self):
        """R3.3.3: the customer sees where the product is, the carrier, tracking and arrival, sees the answer,
        and confirming receipt on the portal dates the delivery: the product is back at the customer."""
        ticket = self._feedback(self.aftersales, answer="<p>The driver overheats; we replace it.</p>")
        self._login(self.portal_user)
        refused = self._post(f"/my/ticket/{ticket.id}/confirm_received")
        self.assertIn("receipt_refused=1", refused.url, "nothing shipped yet: nothing to confirm")
        arrival = fields.Date.today() + timedelta(days=3)
        self._ship_back(ticket, arrival)
        page = self.url_open(f"/my/ticket/{ticket.id}").text
        for text in (
            "Shipped Back",
            "SF Express",
            "SF1234567890",
            "HB150-0001",
            "we replace it",
            "o_lighting_confirm_received",
        ):
            self.assertIn(text, page)
        self._post(f"/my/ticket/{ticket.id}/confirm_received")
        ticket.invalidate_recordset()
        self.assertEqual(ticket.delivery_picking_id.lighting_date_received, fields.Date.today())
        self.assertEqual(ticket.product_whereabouts, "delivered")
        note = ticket.message_ids.filtered(lambda m: "confirmed on the portal" in str(m.body))
        self.assertEqual(note.author_id, self.contact)
        self.assertNotIn("o_lighting_confirm_received", self.url_open(f"/my/ticket/{ticket.id}").text)

    def test_other_customer_ids_refused(self):
        """R3.3.3, R3.2.4: a portal user opening or confirming another customer's ticket, or opening and printing
        its training, is sent back to /my and changes nothing; their lists show only their own."""
        ticket = self._feedback(self.aftersales)
        self._ship_back(ticket, fields.Date.today() + timedelta(days=2))
        training = self._training(self.customer, [{"partner_id": self.contact.id, "assessed": True, "score": 90}])
        self._login(self.other_portal_user)
        for url in (
            f"/my/ticket/{ticket.id}",
            f"/my/training/{training.id}",
            f"/my/training/{training.id}?report_type=pdf&download=true",
        ):
            response = self.url_open(url)
            self.assertTrue(response.url.endswith("/my"), f"{url} must send the other customer back to /my")
            self.assertNotIn(ticket.number, response.text)
        self._post(f"/my/ticket/{ticket.id}/confirm_received")
        self.assertFalse(ticket.delivery_picking_id.lighting_date_received)
        self.assertNotIn(ticket.number, self.url_open("/my/tickets").text)
        self.assertNotIn(training.name, self.url_open("/my/trainings").text)


@tagged("post_install", "-at_install")
class TestPortalTraining(PortalCase, HttpCase):
    """R3.2.4: the customer's contacts see their trainings, attendance and scores and download the result sheet."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.training = cls._training(
            cls.customer,
            [
                {"partner_id": cls.contact.id, "assessed": True, "score": 85},
                {
                    "partner_id": cls.env["res.partner"].create({"name": "Zhao Lei", "parent_id": cls.customer.id}).id,
                    "attended": False,
                },
            ],
        )
        cls.other_training = cls._training(cls.other_customer, [{"partner_id": cls.other_contact.id}])

    def test_rules_keep_customers_apart(self):
        """R3.2.4: a portal user reads only their customer's trainings and attendees, and writes none."""
        Training = self.env["lighting.customer.training"].with_user(self.portal_user)
        self.assertEqual(Training.search([]), self.training)
        self.assertEqual(
            self.env["lighting.customer.training.attendee"].with_user(self.portal_user).search([]),
            self.training.attendee_ids,
        )
        with self.assertRaises(AccessError):
            Training.browse(self.other_training.id).read(["name"])
        with self.assertRaises(AccessError):
            Training.browse(self.training.id).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.training.attendee_ids[0].with_user(self.portal_user).write({"score": 100})

    def test_trainings_and_result_sheet_on_portal(self):
        """R3.2.4: the list and the page show attendance, scores and results; the sheet downloads as PDF."""
        self._login(self.portal_user)
        listing = self.url_open("/my/trainings").text
        self.assertIn(self.training.name, listing)
        self.assertNotIn(self.other_training.name, listing)
        page = self.url_open(f"/my/training/{self.training.id}").text
        for text in ("Chen Jing", "85.0", "Passed", "Zhao Lei", "Absent", "Retake"):
            self.assertIn(text, page)
        sheet = self.url_open(f"/my/training/{self.training.id}?report_type=pdf&download=true")
        self.assertEqual(sheet.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", sheet.headers["Content-Disposition"])
        # Under tests Odoo renders PDF reports as their HTML: the sheet's content can be read.
        for text in ("Chen Jing", "Zhao Lei", "Absent"):
            self.assertIn(text, sheet.text)

    def test_list_queries_do_not_grow(self):
        """R3.2.4: /my/trainings reads the same number of queries for 1 or 6 trainings of the customer."""
        self._login(self.portal_user)

        def queries():
            self.url_open("/my/trainings")  # warm caches (assets, views)
            before = self.cr.sql_log_count
            self.url_open("/my/trainings")
            return self.cr.sql_log_count - before

        one = queries()
        self.assertGreater(one, 0, "the page's queries are counted")
        for _i in range(5):
            self._training(self.customer, [{"partner_id": self.contact.id, "assessed": True, "score": 75}])
        self.assertEqual(queries(), one)


@tagged("post_install", "-at_install")
class TestPortalFaq(PortalCase, HttpCase):
    """R3.2.1: FAQ by category and search on /my/faq, suggested while a consultation is typed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Faq = cls.env["lighting.faq"]
        cls.control = cls.env.ref("lighting_office.consultation_category_control")
        cls.wiring = cls.env.ref("lighting_office.consultation_category_installation")

        def faq(name, category, portal=True):
            entry = Faq.create(
                {
                    "name": name,
                    "answer": f"<p>Answer to {name}</p>",
                    "category_id": category.id,
                    "company_id": cls.office_a.id,
                    "state": "published",
                }
            )
            entry.portal_published = portal
            return entry

        cls.dimmer = faq("Downlight flickers when dimmed", cls.control)
        cls.earth = faq("How to earth a high-bay luminaire", cls.wiring)
        cls.chinese = faq("筒灯调光时闪烁怎么办", cls.control)
        cls.internal = faq("Dimmer flickers on the internal test bench", cls.control, portal=False)

    def test_categories_and_search(self):
        """R3.2.1: /my/faq lists the categories of portal entries and filters by category and by search."""
        self._login(self.portal_user)
        page = self.url_open("/my/faq").text
        self.assertIn("o_lighting_faq_categories", page)
        self.assertIn(self.wiring.complete_name, page)
        self.assertNotIn(self.internal.name, page)
        by_category = self.url_open(f"/my/faq?category={self.wiring.id}").text
        self.assertIn(self.earth.name, by_category)
        self.assertNotIn(self.dimmer.name, by_category)
        searched = self.url_open(f"/my/faq?category={self.control.id}&search=dimmed").text
        self.assertIn(self.dimmer.name, searched)
        self.assertNotIn(self.earth.name, searched)

    def test_suggestions_while_typing(self):
        """R3.2.1: the suggestion route returns the portal entries sharing words with the subject, Chinese
        included, best first; never an entry not shown on the portal."""
        self._login(self.portal_user)
        found = self.make_jsonrpc_request("/my/faq/suggest", {"text": "my downlight flickers"})
        self.assertEqual([entry["name"] for entry in found][:1], [self.dimmer.name])
        self.assertNotIn(self.internal.name, [entry["name"] for entry in found])
        found = self.make_jsonrpc_request("/my/faq/suggest", {"text": "筒灯闪烁"})
        self.assertEqual([entry["name"] for entry in found], [self.chinese.name])
        self.assertEqual(self.make_jsonrpc_request("/my/faq/suggest", {"text": "x"}), [])

    def test_suggestions_in_fixed_queries(self):
        """R3.2.1: suggesting reads the portal entries in a fixed number of queries, however many match."""
        Faq = self.env["lighting.faq"].sudo()
        Faq._portal_suggestions("flickers dimmed")
        with self.assertQueryCount(2):
            Faq.invalidate_model()
            Faq._portal_suggestions("flickers dimmed luminaire earth")
