from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import LightingOfficeCase

# Filed six years ago: due for review after 3 retention years, not after 10.
FILED = date.today() - relativedelta(years=6, month=3, day=1)


@tagged("post_install", "-at_install")
class TestArchive(LightingOfficeCase):
    """R6.2.2, R6.2.3: the archive ledger, filing rounds, borrowing and confidentiality."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.adm = cls.env.ref("lighting_office.document_class_adm")
        File = cls.env["lighting.archive.file"]
        cls.files = {
            level: File.create(
                {
                    "name": f"{level} file",
                    "class_id": cls.adm.id,
                    "company_id": cls.office_a.id,
                    "location": "Cabinet 1",
                    "confidentiality": level,
                    "date_filed": FILED,
                }
            )
            for level in ("public", "internal", "confidential", "secret")
        }
        cls.file_b = File.create(
            {
                "name": "Office B file",
                "class_id": cls.adm.id,
                "company_id": cls.office_b.id,
                "location": "Shelf B",
            }
        )
        cls.today = fields.Date.context_today(File)

    def _loan(self, archive_file, user, borrower=None, **vals):
        return (
            self.env["lighting.archive.loan"]
            .with_user(user)
            .create(
                {
                    "file_id": archive_file.id,
                    "borrower_id": (borrower or user).id,
                    "purpose": "Audit",
                    "date_due": self.today + timedelta(days=7),
                    **vals,
                }
            )
        )

    def test_ledger(self):
        """R6.2.2: number, class, title, location, retention period and its review date, confidentiality."""
        public = self.files["public"]
        self.assertTrue(public.code.startswith("DA/"))
        self.assertEqual((public.retention_years, public.date_review), (10, FILED + relativedelta(years=10)))
        public.retention_years = 3
        self.assertEqual(public.date_review, FILED + relativedelta(years=3))
        personnel = self.env["lighting.archive.file"].create(
            {
                "name": "Staff records",
                "company_id": self.office_a.id,
                "location": "Safe",
                "class_id": self.env.ref("lighting_office.document_class_hr").id,
            }
        )
        self.assertFalse(personnel.date_review, "kept permanently")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            public.retention_years = -1
            public.flush_recordset()

    def test_filing_round(self):
        """R6.2.2: each month one round per office, an activity for its manager, listing what is to file."""
        issued = self.env["lighting.document"].create(
            {
                "name": "Notice",
                "class_id": self.adm.id,
                "company_id": self.office_a.id,
            }
        )
        issued.request_validation()
        issued.with_user(self.users["manager", "a"]).validate_tier()
        issued.action_issue()
        self.files["public"].retention_years = 3
        Round = self.env["lighting.filing.round"]
        rounds = Round._cron_open_monthly_rounds()
        round_a = rounds.filtered(lambda round_: round_.company_id == self.office_a)
        self.assertTrue(round_a)
        self.assertIn(self.office_b, rounds.company_id)
        self.assertEqual(round_a.activity_ids.user_id, self.users["manager", "a"])
        self.assertEqual(round_a.document_ids, issued)
        self.assertEqual(round_a.file_ids, self.files["public"])
        self.assertFalse(Round._cron_open_monthly_rounds(), "once a month")
        round_a.with_user(self.users["manager", "a"]).action_done()
        self.assertFalse(round_a.activity_ids)
        self.assertFalse(Round.with_user(self.users["manager", "b"]).search([("id", "=", round_a.id)]))

    def test_archive_report(self):
        """R6.2.2: the archive ledger report lists the files by class."""
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "lighting_office.report_archive_ledger", [f.id for f in self.files.values()]
        )
        html = html.decode()
        for archive_file in self.files.values():
            self.assertIn(archive_file.code, html)
        self.assertIn("Cabinet 1", html)
        self.assertIn("Secret", html)

    def test_confidentiality_rules(self):
        """R6.2.3: public and internal files for all staff, confidential for managers and HQ, secret for HQ
        Management only; enforced by record rules, even by RPC."""
        File = self.env["lighting.archive.file"]
        levels = self.files
        visible = {
            self.users["sales", "a"]: ("public", "internal"),
            self.users["support", "a"]: ("public", "internal"),
            self.users["aftersales", "a"]: ("public", "internal"),
            self.users["manager", "a"]: ("public", "internal", "confidential"),
            self.hq_finance: ("public", "internal", "confidential"),
            self.hq_management: ("public", "internal", "confidential", "secret"),
        }
        offices = (self.hq | self.office_a).ids
        for user, allowed in visible.items():
            Files = File.with_user(user).with_context(
                allowed_company_ids=offices if user.company_id == self.hq else self.office_a.ids
            )
            found = Files.search([("company_id", "=", self.office_a.id)])
            self.assertEqual(found, File.union(*(levels[level] for level in allowed)), user.login)
            self.assertEqual(
                len(Files.search_read([("name", "ilike", "secret")], ["name"])), int("secret" in allowed), user.login
            )
        with self.assertRaises(AccessError):
            levels["secret"].with_user(self.users["sales", "a"]).read(["name", "location"])
        with self.assertRaises(AccessError):
            levels["confidential"].with_user(self.users["sales", "a"]).read(["name"])
        with self.assertRaises(AccessError):
            levels["secret"].with_user(self.users["manager", "a"]).read(["name"])
        self.assertFalse(File.with_user(self.users["manager", "b"]).search([("company_id", "=", self.office_a.id)]))
        with self.assertRaises(AccessError):
            self.files["public"].with_user(self.users["sales", "a"]).write({"location": "Home"})

    def test_borrowing_needs_manager_approval(self):
        """R6.2.3: request, office manager's approval, handed over, returned; never borrowed cannot be returned."""
        with self.assertRefused(ValidationError, "Due Date", "in the past"):
            self._loan(self.files["internal"], self.users["sales", "a"], date_due=self.today - timedelta(days=1))
        loan = self._loan(self.files["internal"], self.users["sales", "a"])
        self.assertTrue(loan.name.startswith("JY/"))
        loan.request_validation()
        self.assertEqual(loan.sudo().review_ids.reviewer_ids, self.users["manager", "a"])
        manager = self.users["manager", "a"]
        with self.assertRefused(ValidationError, loan.name):
            loan.with_user(manager).action_borrow()
        with self.assertRefused(UserError, loan.name, "never borrowed", "Borrowed on"):
            loan.with_user(manager).action_return()
        with self.assertRefused(UserError, loan.name, "never borrowed"):
            loan.with_user(manager).write({"state": "returned"})
        self.assertEqual((loan.state, loan.date_returned), ("draft", False))
        loan.with_user(manager).validate_tier()
        with self.assertRaises(AccessError):
            loan.with_user(self.users["sales", "a"]).action_borrow()
        loan.with_user(manager).action_borrow()
        self.assertEqual((loan.state, loan.date_borrowed), ("borrowed", self.today))
        self.assertEqual(self.files["internal"].borrower_id, self.users["sales", "a"])
        loan.with_user(manager).action_return()
        self.assertEqual((loan.state, loan.date_returned), ("returned", self.today))
        self.assertFalse(self.files["internal"].borrower_id)
        with self.assertRefused(UserError, loan.name, "already returned"):
            loan.with_user(manager).action_return()

    def test_secret_file_needs_hq(self):
        """R6.2.3: a secret file is borrowed only after the office manager AND HQ Management approve;
        the borrower reads it only while it is on loan."""
        borrower = self.users["sales", "a"]
        with self.assertRaises(AccessError):
            self._loan(self.files["secret"], borrower)
        loan = self._loan(self.files["secret"], self.hq_management, borrower=borrower)
        loan.request_validation()
        reviews = loan.sudo().review_ids.sorted("sequence")
        self.assertEqual(len(reviews), 2)
        self.assertEqual(reviews[0].reviewer_ids, self.users["manager", "a"])
        loan.with_user(self.users["manager", "a"]).validate_tier()
        with self.assertRefused(UserError, loan.name, "Confidentiality", "HQ Management"):
            loan.with_user(self.users["manager", "a"]).action_borrow()
        with self.assertRefused(UserError, loan.name, "Confidentiality"):
            loan.write({"state": "borrowed"})
        self.assertEqual(loan.state, "draft")
        with self.assertRaises(AccessError):
            self.files["secret"].with_user(borrower).read(["name"])
        loan.with_user(self.hq_management).validate_tier()
        loan.with_user(self.users["manager", "a"]).action_borrow()
        self.assertEqual(self.files["secret"].with_user(borrower).read(["location"])[0]["location"], "Cabinet 1")
        loan.with_user(self.users["manager", "a"]).action_return()
        self.files["secret"].invalidate_recordset()
        with self.assertRaises(AccessError):
            self.files["secret"].with_user(borrower).read(["name"])

    def test_internal_file_skips_hq(self):
        """R6.2.3: the HQ step applies to confidential and secret files only."""
        loan = self._loan(self.files["public"], self.users["support", "a"])
        loan.request_validation()
        self.assertEqual(len(loan.sudo().review_ids), 1)
        confidential = self._loan(self.files["confidential"], self.users["manager", "a"])
        confidential.request_validation()
        self.assertEqual(len(confidential.sudo().review_ids), 2)

    def test_overdue_loans(self):
        """R6.2.3: an overdue loan stands out and its borrower gets one reminder."""
        manager = self.users["manager", "a"]
        loan = self._loan(self.files["public"], self.users["sales", "a"])
        loan.request_validation()
        loan.with_user(manager).validate_tier()
        loan.with_user(manager).action_borrow()
        on_time = self._loan(self.files["internal"], self.users["support", "a"])
        self.assertFalse(loan.is_overdue)
        with self.assertRefused(AccessError, loan.name, "due date"):
            loan.with_user(self.users["sales", "a"]).date_due = self.today + timedelta(days=30)
        loan.with_user(manager).date_due = self.today - timedelta(days=1)
        self.assertTrue(loan.is_overdue)
        Loan = self.env["lighting.archive.loan"]
        self.assertEqual(Loan.search([("is_overdue", "=", True)]), loan)
        self.assertIn(on_time, Loan.search([("is_overdue", "=", False)]))
        self.assertEqual(Loan._cron_remind_overdue(), loan)
        self.assertEqual(loan.activity_ids.user_id, self.users["sales", "a"])
        self.assertFalse(Loan._cron_remind_overdue(), "one reminder")
        loan.with_user(manager).action_return()
        self.assertFalse(loan.activity_ids)

    def test_loans_per_role(self):
        """R6.2.3: staff see their own loans, the manager all of the office, office B none; HQ Finance reads."""
        own = self._loan(self.files["public"], self.users["sales", "a"])
        other = self._loan(self.files["internal"], self.users["support", "a"])
        Loan = self.env["lighting.archive.loan"]
        self.assertEqual(Loan.with_user(self.users["sales", "a"]).search([]), own)
        self.assertEqual(Loan.with_user(self.users["manager", "a"]).search([]), own | other)
        self.assertFalse(Loan.with_user(self.users["manager", "b"]).search([]))
        offices = (self.hq | self.office_a).ids
        self.assertEqual(
            Loan.with_user(self.hq_finance).with_context(allowed_company_ids=offices).search([]), own | other
        )
        with self.assertRaises(AccessError):
            Loan.with_user(self.hq_finance).create(
                {
                    "file_id": self.files["public"].id,
                    "purpose": "x",
                    "date_due": self.today,
                }
            )
