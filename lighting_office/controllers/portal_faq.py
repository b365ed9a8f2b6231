from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class LightingFaqPortal(CustomerPortal):
    @http.route("/my/faq", type="http", auth="user", website=True)
    def portal_faq(self, search=None, **kw):
        """R3.2.1: the FAQ entries the offices chose to show to customers."""
        domain = [("state", "=", "published"), ("portal_published", "=", True)]
        if search:
            domain += ["|", ("name", "ilike", search), ("answer", "ilike", search)]
        # sudo: customers have no access to lighting.faq; the domain limits them
        # to entries an office explicitly published on the portal, shown read-only.
        faqs = request.env["lighting.faq"].sudo().search(domain)
        values = self._prepare_portal_layout_values()
        values.update(faqs=faqs, search=search, page_name="faq")
        return request.render("lighting_office.portal_faq", values)
