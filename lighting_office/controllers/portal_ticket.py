from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk

FEEDBACK_NATURES = ("quality", "installation", "use", "other")


class LightingTicketPortal(CustomerPortalHelpdesk):
    """R3.3.3: the customer follows the returned product and confirms it is back."""

    @http.route("/my/ticket/<int:ticket_id>/confirm_received", type="http", auth="user", methods=["POST"], website=True)
    def portal_ticket_confirm_received(self, ticket_id, **kw):
        try:
            self._document_check_access("helpdesk.ticket", ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        # sudo: the customer may read the ticket (checked above) but not write it nor its delivery;
        # action_confirm_received only dates the receipt of a product shipped back to them.
        ticket = request.env["helpdesk.ticket"].browse(ticket_id).sudo()
        try:
            ticket.action_confirm_received()
        except UserError:
            return request.redirect(f"/my/ticket/{ticket_id}?receipt_refused=1")
        ticket.message_post(
            body=request.env._("The customer confirmed on the portal that the product is back."),
            author_id=request.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return request.redirect(f"/my/ticket/{ticket_id}")


class LightingNewTicketPortal(HelpdeskTicketController):
    """R3.2.1, R3.3.1: from /my the customer sends a consultation to an office's technical support
    or an after-sales feedback, with product and serial number, to its after-sales team."""

    def _get_teams(self):
        # The customer picks the kind and the office; the office's team follows from them.
        return request.env["helpdesk.ticket.team"]

    def _get_categories(self, **kw):
        # R3.2.1: consultations are always classified, whatever helpdesk's portal setting says.
        return request.env["helpdesk.ticket.category"].search([("active", "=", True), ("show_in_portal", "=", True)])

    def _lighting_offices(self):
        # sudo: customers cannot read companies; only the offices' names are listed to choose from.
        return request.env["res.company"].sudo().search([("is_lighting_office", "=", True)])

    def _lighting_customer_products(self):
        """The products of the customer's confirmed orders, or every product sold when there is none."""
        customer = request.env.user.commercial_partner_id
        # sudo: customers read their orders' lines but not products in general; names only are listed.
        lines = (
            request.env["sale.order.line"]
            .sudo()
            .search([("order_id.partner_id", "child_of", customer.id), ("state", "=", "sale")])
        )
        products = lines.product_id
        return products or request.env["product.product"].sudo().search([("sale_ok", "=", True)], limit=200)

    def _lighting_default_office(self):
        customer = request.env.user.commercial_partner_id
        # sudo: only the office of the customer's last order is taken, as the default choice.
        order = (
            request.env["sale.order"]
            .sudo()
            .search(
                [("partner_id", "child_of", customer.id), ("company_id.is_lighting_office", "=", True)],
                order="date_order desc",
                limit=1,
            )
        )
        return order.company_id

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        values.update(
            lighting_offices=self._lighting_offices(),
            lighting_office=self._lighting_default_office(),
            lighting_products=self._lighting_customer_products(),
            lighting_natures=[
                (key, label)
                for key, label in request.env["helpdesk.ticket"]
                ._fields["feedback_nature"]
                ._description_selection(request.env)
                if key in FEEDBACK_NATURES
            ],
            lighting_kind=kw.get("kind") or "consultation",
            lighting_form=kw,
        )
        return values

    def _lighting_check_submission(self, kw):
        """The office, product and serial number named in the form, or the error to show."""
        env = request.env
        office = self._lighting_offices().filtered(lambda o: str(o.id) == kw.get("office"))
        if not office:
            return None, env._("Choose the office that serves you.")
        if kw.get("kind") != "feedback":
            return {"office": office}, None
        product = self._lighting_customer_products().filtered(lambda p: str(p.id) == kw.get("product"))
        if not product:
            return None, env._("After-sales feedback: choose the product concerned.")
        if kw.get("nature") not in FEEDBACK_NATURES:
            return None, env._("After-sales feedback: choose what the problem is about.")
        serial = (kw.get("serial") or "").strip()
        # sudo: customers cannot read serial numbers; the one they typed is looked up for their product.
        lot = (
            env["stock.lot"].sudo().search([("name", "=", serial), ("product_id", "=", product.id)], limit=1)
            if serial
            else env["stock.lot"]
        )
        if serial and not lot:
            return None, env._(
                "Serial number %(serial)s is not a serial number of %(product)s; check the label on the product.",
                serial=serial,
                product=product.display_name,
            )
        if product.tracking != "none" and not lot:
            return None, env._(
                "%(product)s: give the serial number printed on its label.", product=product.display_name
            )
        return {"office": office, "product": product, "lot": lot, "nature": kw["nature"]}, None

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        choice = kw["lighting_choice"]
        office = choice["office"]
        team = office.office_aftersales_team_id if kw.get("kind") == "feedback" else office.office_support_team_id
        vals.update(company_id=office.id, team_id=team.id, stage_id=team._get_applicable_stages()[:1].id)
        if vals.get("category_id") not in self._get_categories().ids:
            vals["category_id"] = False
        if kw.get("kind") == "feedback":
            vals.update(
                product_id=choice["product"].id,
                lot_id=choice["lot"].id,
                feedback_nature=choice["nature"],
                category_id=False,
            )
        return vals

    @http.route("/submitted/ticket", type="http", auth="user", website=True, csrf=True)
    def submit_ticket(self, **kw):
        choice, error = self._lighting_check_submission(kw)
        if error:
            values = self._get_create_new_ticket_values(**kw)
            values["lighting_error"] = error
            return request.render("helpdesk_mgmt.portal_create_ticket", values, status=400)
        return super().submit_ticket(lighting_choice=choice, **kw)
