from pathlib import Path

from lxml import etree

from odoo.tests import TransactionCase, tagged

DEMO = Path(__file__).parent.parent / "demo"


@tagged("post_install", "-at_install")
class TestDemoUsers(TransactionCase):
    def test_every_demo_user_has_an_email(self):
        """R1.2: every demo login has an e-mail address, without which Odoo refuses to post as it
        (log a contact, record a test, approve a report)."""
        users = [
            (path.name, record.get("id"), record)
            for path in sorted(DEMO.glob("*.xml"))
            for record in etree.parse(str(path)).iterfind(".//record[@model='res.users']")
        ]
        self.assertTrue(users)
        for filename, xmlid, record in users:
            with self.subTest(user=xmlid):
                email = record.find("field[@name='email']")
                self.assertIsNotNone(email, f"{filename}: {xmlid} has no email")
                self.assertIn("@", email.text or "")
