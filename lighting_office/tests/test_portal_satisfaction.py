from datetime import timedelta

from freezegun import freeze_time

from odoo import fields, http
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .portal_common import SatisfactionCase, portal_user


@tagged("post_install", "-at_install")
class TestSatisfactionLink(SatisfactionCase):
    """R3.3.4: the customer answers the satisfaction survey from the personal link of the closing mail."""

    def _answer(self, url, score, comment="Tidy work."):
        return self.url_open(
            url, data={"score": score, "comment": comment, "csrf_token": http.Request.csrf_token(self)}
        )

    def test_link_in_mail_answers_once(self):
        """R3.3.4: the closing mail carries the personal link; the customer, not logged in, scores 2 with a comment:
        it lands on the job as the customer's answer, the office manager gets the activity, the link is spent."""
        job = self.job
        survey = job.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        url = self._url(job)
        self.assertIn(url, str(survey.body))
        form = self.url_open(url)
        self.assertEqual(form.status_code, 200)
        self.assertIn("o_lighting_satisfaction_form", form.text)
        self.assertEqual(self._answer(url, "2", "Came late twice.").status_code, 200)
        job.invalidate_recordset()
        self.assertEqual((job.satisfaction_score, job.satisfaction_comment), (2, "Came late twice."))
        self.assertEqual((job.satisfaction_channel, job.satisfaction_user_id), ("customer", self.env["res.users"]))
        self.assertEqual(job.satisfaction_date, fields.Date.context_today(job))
        alert = job.activity_ids.filtered(lambda a: a.user_id == self.office_a.office_manager_id)
        self.assertIn("2/5", alert.summary)
        self.assertFalse(job.sudo().satisfaction_token)
        again = self.url_open(url)
        self.assertEqual(again.status_code, 403)
        self.assertIn("o_lighting_satisfaction_refused", again.text)
        self.assertEqual(self._answer(url, "5").status_code, 403)
        job.invalidate_recordset()
        self.assertEqual(job.satisfaction_score, 2)

    def test_foreign_expired_and_bad_links_refused(self):
        """R3.3.4: another job's token, a made-up token, an expired link and a score outside 1-5 write nothing."""
        job, other = self.job, self.other_job
        self.assertNotEqual(job.sudo().satisfaction_token, other.sudo().satisfaction_token)
        self.assertGreaterEqual(len(job.sudo().satisfaction_token), 43, "32 random bytes")
        for url in (
            self._url(job, other.sudo().satisfaction_token),
            self._url(job, "0" * 43),
            f"/lighting/satisfaction/999999/{job.sudo().satisfaction_token}",
        ):
            self.assertEqual(self.url_open(url).status_code, 403, url)
            self.assertEqual(self._answer(url, "5").status_code, 403, url)
        self.assertEqual(self._answer(self._url(job), "9").status_code, 400)
        self.assertEqual(self._answer(self._url(job), "").status_code, 400)
        with freeze_time(job.satisfaction_token_expiry + timedelta(minutes=1)):
            self.assertEqual(self._answer(self._url(job), "5").status_code, 403)
        self.assertFalse((job | other).filtered("satisfaction_score"))

    def test_staff_entry_records_who(self):
        """R3.3.4: after-sales enter an answer given by phone: recorded as theirs and the link is spent;
        staff can neither read tokens nor write who answered."""
        job = self.job
        url = self._url(job)
        with self.assertRaises(AccessError):
            job.read(["satisfaction_token"])
        job.write({"satisfaction_channel": "customer", "satisfaction_user_id": self.users["manager", "a"].id})
        self.assertFalse(job.satisfaction_channel or job.satisfaction_user_id)
        job.write({"satisfaction_score": 4, "satisfaction_comment": "Said by phone: good work."})
        self.assertEqual((job.satisfaction_channel, job.satisfaction_user_id), ("staff", self.aftersales))
        self.assertEqual(self.url_open(url).status_code, 403)

    def test_page_in_chinese(self):
        """R3.3.4: the survey page is in Simplified Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "lighting_office")])._update_translations(["zh_CN"])
        page = self.url_open(self._url(self.job)).text
        self.assertIn("您对本次安装满意吗", page)


@tagged("post_install", "-at_install")
class TestPortalJobs(SatisfactionCase):
    """R3.1.5, R3.3.4: the customer's contacts see their installation jobs on /my/jobs and rate them from there."""

    def test_own_jobs_only(self):
        """R3.3.4: a contact of the customer lists its jobs with the survey link; another customer's contact
        neither lists nor reads them."""
        Partner = self.env["res.partner"]
        contact = Partner.create({"name": "Chen Jing", "parent_id": self.customer.id})
        other = Partner.create({"name": "Liu Yang", "parent_id": Partner.create({"name": "Other Ltd"}).id})
        own_login, other_login = portal_user(self.env, "job_portal", contact), portal_user(self.env, "job_other", other)
        self.assertEqual(self.env["lighting.install.job"].with_user(own_login).search([]), self.job | self.other_job)
        self.assertFalse(self.env["lighting.install.job"].with_user(other_login).search([]))
        with self.assertRaises(AccessError):
            self.job.with_user(other_login).read(["name"])
        with self.assertRaises(AccessError):
            self.job.with_user(own_login).write({"satisfaction_score": 5})
        self.authenticate(own_login.login, "job_portal_pw")
        page = self.url_open("/my/jobs").text
        self.assertIn(self.job.name, page)
        self.assertIn(self._url(self.job), page)
        self.authenticate(other_login.login, "job_other_pw")
        self.assertNotIn(self.job.name, self.url_open("/my/jobs").text)
