from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class LightingTrainingPortal(CustomerPortal):
    """R3.2.4: the customer's contacts see their trainings, attendance and scores, and
    download the attendance and result sheet."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "lighting_training_count" in counters:
            Training = request.env["lighting.customer.training"]
            values["lighting_training_count"] = Training.search_count([]) if Training.has_access("read") else 0
        return values

    @http.route(["/my/trainings", "/my/trainings/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_trainings(self, page=1, **kw):
        Training = request.env["lighting.customer.training"]
        if not Training.has_access("read"):
            return request.redirect("/my")
        pager = portal_pager(url="/my/trainings", total=Training.search_count([]), page=page, step=self._items_per_page)
        # Record rules give the customer's own trainings only.
        trainings = Training.search([], limit=self._items_per_page, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        # sudo: for display only, on the trainings the rules let this customer read (trainer's name).
        values.update(trainings=trainings.sudo(), pager=pager, page_name="lighting_training")
        return request.render("lighting_office.portal_my_trainings", values)

    @http.route("/my/training/<int:training_id>", type="http", auth="user", website=True)
    def portal_my_training(self, training_id, report_type=None, download=False, **kw):
        try:
            training = self._document_check_access("lighting.customer.training", training_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=training,
                report_type=report_type,
                report_ref="lighting_office.action_report_customer_training",
                download=download,
            )
        values = self._prepare_portal_layout_values()
        values.update(training=training, page_name="lighting_training")
        return request.render("lighting_office.portal_my_training", values)
