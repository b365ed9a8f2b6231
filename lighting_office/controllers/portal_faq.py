from urllib.parse import urlencode

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class LightingFaqPortal(CustomerPortal):
    """R3.2.1: the FAQ entries the offices chose to show to customers, by category and search,
    and suggested while the customer writes a new consultation."""

    def _portal_faqs(self):
        # sudo: customers have no access to lighting.faq; _portal_domain limits them
        # to entries an office explicitly published on the portal, shown read-only.
        return request.env["lighting.faq"].sudo()

    @http.route("/my/faq", type="http", auth="user", website=True)
    def portal_faq(self, search=None, category=None, **kw):
        Faq = self._portal_faqs()
        published = Faq.search(Faq._portal_domain())
        domain = Faq._portal_domain()
        selected = published.category_id.filtered(lambda c: str(c.id) == category)
        if selected:
            domain += [("category_id", "=", selected.id)]
        if search:
            domain += ["|", ("name", "ilike", search), ("answer", "ilike", search)]
        values = self._prepare_portal_layout_values()
        values.update(
            faqs=Faq.search(domain), search=search, page_name="faq", categories=published.category_id, category=selected
        )
        return request.render("lighting_office.portal_faq", values)

    @http.route("/my/faq/suggest", type="json", auth="user")
    def portal_faq_suggest(self, text="", category=None, **kw):
        category_id = int(category) if str(category or "").isdigit() else None
        faqs = self._portal_faqs()._portal_suggestions(str(text or "")[:200], category_id=category_id)
        return [{"id": faq.id, "name": faq.name, "url": "/my/faq?" + urlencode({"search": faq.name})} for faq in faqs]
