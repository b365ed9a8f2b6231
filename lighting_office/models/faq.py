import re

from odoo import _, api, fields, models
from odoo.exceptions import UserError

WORD_SEPARATORS = r"[\s,.;:!?()，。；：！？、（）]+"
CJK = re.compile(r"[\u4e00-\u9fff]")


def search_terms(text):
    """Words of a question; Chinese runs, written without spaces, also give their two-character pieces."""
    terms = set()
    for word in re.split(WORD_SEPARATORS, (text or "").lower()):
        if len(word) > 1:
            terms.add(word)
        if CJK.search(word):
            terms.update(word[i : i + 2] for i in range(len(word) - 1))
    return terms


class LightingFaq(models.Model):
    """An entry of the office's FAQ knowledge base, usually published from an
    answered consultation (R3.2.1)."""

    _name = "lighting.faq"
    _description = "FAQ Entry"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "category_id, name, id"

    name = fields.Char(string="Question", required=True, tracking=True)
    question_detail = fields.Html(string="Question Details")
    answer = fields.Html(required=True)
    category_id = fields.Many2one("helpdesk.ticket.category", check_company=True, index=True, tracking=True)
    product_id = fields.Many2one("product.product", check_company=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket", check_company=True, string="Source Consultation", readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, index=True, default=lambda self: self.env.company
    )
    portal_published = fields.Boolean(
        string="Show on Portal", tracking=True, help="Customers see this entry on their portal."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("withdrawn", "Withdrawn")],
        default="draft",
        required=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)

    @api.model
    def _portal_domain(self):
        return [("state", "=", "published"), ("portal_published", "=", True)]

    @api.model
    def _portal_suggestions(self, text, category_id=None, limit=5):
        """R3.2.1: the portal entries whose question shares most terms with the text, best first."""
        terms = search_terms(text)
        if not terms:
            return self.browse()
        scored = []
        for faq in self.search(self._portal_domain()):
            question = (faq.name or "").lower()
            score = sum(term in question for term in terms)
            if score:
                scored.append((-score - (1 if faq.category_id.id == category_id else 0), faq.id))
        return self.browse([faq_id for _score, faq_id in sorted(scored)[:limit]])

    def action_publish(self):
        self.write({"state": "published"})

    def action_withdraw(self):
        self.write({"state": "withdrawn", "portal_published": False})

    def write(self, vals):
        if vals.get("portal_published"):
            for faq in self.filtered(lambda f: vals.get("state", f.state) != "published"):
                raise UserError(_("%(faq)s: only a published entry can be shown on the portal.", faq=faq.name))
        return super().write(vals)
