import re
from unittest import SkipTest

from odoo.tests import TransactionCase, tagged

from .zh_screens import english_words

TAGS = re.compile(r"<[^>]+>")


@tagged("post_install", "-at_install")
class TestDemoInChinese(TransactionCase):
    """Issue 15: the demo database of `make run` (installed with Chinese) reads in Chinese, chatter
    included. It needs this module's demo data: `make test` first installs a fresh demo database
    the way `make run` does and runs this class there; on a database without the demo it is skipped."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["ir.module.module"].search([("name", "=", "lighting_office")]).demo:
            raise SkipTest("runs on a database with lighting_office's demo data (make test's first step)")
        # the demo's records, and the documents its walk creates (lighting.*, without external id)
        demo = cls.env["ir.model.data"].search([("module", "=", "lighting_office")])
        documents = {(data.model, data.res_id) for data in demo}
        messages = cls.env["mail.message"].search(
            ["|", ("model", "in", list({model for model, _ in documents})), ("model", "=like", "lighting.%")]
        )
        cls.messages = messages.filtered(
            lambda message: message.model.startswith("lighting.") or (message.model, message.res_id) in documents
        )
        cls.models = (
            cls.env["ir.model"].with_context(lang="en_US").search([("model", "in", cls.messages.mapped("model"))])
        )

    def _texts(self):
        """What the chatter shows of each message: its body and its subtype's description (the web client
        shows helpdesk_mgmt's "Ticket created" over the creation line)."""
        return [
            (
                message,
                TAGS.sub(
                    " ", f"{message.body or ''} {message.subtype_id.with_context(lang='zh_CN').description or ''}"
                ),
            )
            for message in self.messages
        ]

    def test_creation_lines_name_documents_in_chinese(self):
        """R1.2: the "… 创建" line of every demo document names its kind in Chinese, not "Office Budget 创建"."""
        self.assertTrue(self.messages)
        english_names = {model.name for model in self.models}
        for message, text in self._texts():
            with self.subTest(document=f"{message.model},{message.res_id}"):
                self.assertFalse([name for name in english_names if f"{name} " in text], text)

    def test_demo_chatter_has_no_english(self):
        """R1.2: no chatter line of a demo document (creation, review request, activity, note) is left in
        English; the demo's people and Odoo's own bot keep their names."""
        names = set(" ".join(self.env["res.partner"].with_context(active_test=False).search([]).mapped("name")).split())
        for message, text in self._texts():
            with self.subTest(document=f"{message.model},{message.res_id}"):
                self.assertFalse([word for word in english_words(text) if word not in names], text)
