from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDocumentViews(TransactionCase):
    """Every clause's documents, as people work on them in the web and mobile clients."""

    def _module_actions(self):
        actions = self.env["ir.actions.act_window"].search([])
        xmlids = actions.get_external_id()
        return [(xmlids[action.id], action) for action in actions if xmlids[action.id].startswith("lighting_office.")]

    def test_documents_open_on_phones_and_are_analysed(self):
        """R1.2: every Lighting Office action that opens a document with chatter on its list also
        offers its kanban (what a phone shows) and its form; every action offering a pivot offers a
        graph."""
        for xmlid, action in self._module_actions():
            modes = action.view_mode.split(",")
            with self.subTest(action=xmlid):
                if modes[0] == "list" and "message_ids" in self.env[action.res_model]._fields:
                    self.assertTrue({"kanban", "form"} <= set(modes), f"{xmlid} opens {action.view_mode}")
                if "pivot" in modes:
                    self.assertIn("graph", modes, f"{xmlid} opens {action.view_mode}")
