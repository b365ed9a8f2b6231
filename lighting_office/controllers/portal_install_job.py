from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class LightingInstallJobPortal(CustomerPortal):
    """R3.1.5, R3.3.4: the customer's installation jobs, their state and satisfaction, and the
    survey still to answer."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "lighting_job_count" in counters:
            Job = request.env["lighting.install.job"]
            values["lighting_job_count"] = Job.search_count([]) if Job.has_access("read") else 0
        return values

    @http.route(["/my/jobs", "/my/jobs/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_jobs(self, page=1, **kw):
        Job = request.env["lighting.install.job"]
        if not Job.has_access("read"):
            return request.redirect("/my")
        domain = [("state", "!=", "cancel")]
        pager = portal_pager(url="/my/jobs", total=Job.search_count(domain), page=page, step=self._items_per_page)
        # Record rules give the customer's own jobs only.
        jobs = Job.search(
            domain, order="planned_date desc, id desc", limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        # sudo: for display of the jobs the rules let this customer read, and of their own survey link.
        values.update(jobs=jobs.sudo(), pager=pager, page_name="lighting_job", now=fields.Datetime.now())
        return request.render("lighting_office.portal_my_jobs", values)
