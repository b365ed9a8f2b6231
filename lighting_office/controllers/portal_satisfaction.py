from markupsafe import Markup

from odoo import http
from odoo.http import request


class LightingSatisfactionSurvey(http.Controller):
    """R3.3.4: the customer rates a finished installation job from the personal link of
    the closing mail, without a login; the link answers once and expires."""

    def _survey_lang(self, job):
        return "zh_CN" if request.env["res.lang"]._get_data(code="zh_CN") else job.sale_order_id.partner_id.lang

    def _render(self, template, job, status=200, **values):
        if job:
            request.update_context(lang=self._survey_lang(job))
        elif request.env["res.lang"]._get_data(code="zh_CN"):
            request.update_context(lang="zh_CN")
        return request.render(template, dict(values, job=job), status=status)

    @http.route(
        "/lighting/satisfaction/<int:job_id>/<string:token>", type="http", auth="public", methods=["GET"], website=True
    )
    def satisfaction_form(self, job_id, token, **kw):
        job = request.env["lighting.install.job"]._satisfaction_job_for_token(job_id, token)
        if not job:
            return self._render("lighting_office.portal_satisfaction_refused", job, status=403)
        return self._render("lighting_office.portal_satisfaction_form", job, token=token)

    @http.route(
        "/lighting/satisfaction/<int:job_id>/<string:token>", type="http", auth="public", methods=["POST"], website=True
    )
    def satisfaction_submit(self, job_id, token, score=None, comment=None, **kw):
        job = request.env["lighting.install.job"]._satisfaction_job_for_token(job_id, token)
        if not job:
            return self._render("lighting_office.portal_satisfaction_refused", job, status=403)
        if score not in {"1", "2", "3", "4", "5"}:
            return self._render(
                "lighting_office.portal_satisfaction_form", job, status=400, token=token, error="score", comment=comment
            )
        comment = (comment or "").strip()
        job.write({"satisfaction_score": int(score), "satisfaction_comment": comment})
        customer = job.sale_order_id.partner_id
        job.message_post(
            body=Markup("%s<br/>%s")
            % (request.env._("Satisfaction %(score)s/5 given by the customer.", score=score), comment),
            author_id=customer.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return self._render("lighting_office.portal_satisfaction_thanks", job)
