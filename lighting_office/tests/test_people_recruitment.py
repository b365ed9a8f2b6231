from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestRecruitment(LightingOfficeCase):
    """R5.1: yearly recruitment plans per office, approved by HQ, opening job
    positions; applicants hired only after passing every selection step."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["lighting.recruitment.plan"]
        cls.campus = cls.env.ref("lighting_office.recruitment_channel_campus")
        cls.referral = cls.env.ref("lighting_office.recruitment_channel_referral")
        cls.hired_stage = cls.env["hr.recruitment.stage"].search([("hired_stage", "=", True)], limit=1)
        cls.first_stage = cls.env["hr.recruitment.stage"].search([("hired_stage", "=", False)], limit=1)

    def _plan(self, office=None, user=None, year=2026, lines=None):
        office = office or self.office_a
        user = user or office.office_manager_id
        return self.Plan.with_user(user).create(
            {
                "company_id": office.id,
                "year": year,
                "line_ids": [
                    Command.create(vals)
                    for vals in lines
                    or [
                        {
                            "name": "Lighting designer",
                            "headcount": 2,
                            "requirements": "DIALux, 3 years",
                            "channel_ids": [Command.set((self.campus | self.referral).ids)],
                            "budget": 6000,
                        },
                        {"name": "Salesperson", "headcount": 1, "budget": 2000},
                    ]
                ],
            }
        )

    def _approved(self, plan):
        plan.request_validation()
        plan.with_user(self.hq_management).validate_tier()
        plan.action_confirm()
        return plan

    def _applicant(self, job, name="Liu Wei"):
        candidate = self.env["hr.candidate"].create({"partner_name": name, "company_id": job.company_id.id})
        return self.env["hr.applicant"].create(
            {
                "candidate_id": candidate.id,
                "job_id": job.id,
                "company_id": job.company_id.id,
                "stage_id": self.first_stage.id,
            }
        )

    def _steps(self, applicant, **results):
        evaluator = self.users["manager", "a"]
        applicant.lighting_check_ids = [
            Command.create({"step": step, "result": result, "evaluator_id": evaluator.id})
            for step, result in results.items()
        ]

    def test_plan_holds_posts_channels_budget(self):
        """R5.1: a plan names each post's headcount, requirements, channels and budget, and totals them."""
        plan = self._plan()
        self.assertEqual(plan.name, "Office A recruitment plan 2026")
        self.assertEqual(plan.planned_headcount, 3)
        self.assertEqual(plan.budget, 8000)
        self.assertEqual(plan.line_ids[0].channel_ids, self.campus | self.referral)

    def test_plan_needs_hq_approval(self):
        """R5.1: the plan is approved only by HQ Management; neither a button nor a write skips it."""
        plan = self._plan()
        manager = self.users["manager", "a"]
        with self.assertRefused(ValidationError, plan.name, "cannot be confirmed before it is approved"):
            plan.with_user(manager).action_confirm()
        with self.assertRefused(ValidationError, "cannot be confirmed before it is approved"):
            plan.with_user(manager).write({"state": "approved"})
        plan.with_user(manager).request_validation()
        self.assertEqual(
            plan.review_ids.reviewer_ids, self.env.ref("lighting_office.group_lighting_hq_management").users
        )
        self.assertFalse(plan.with_user(manager).can_review)
        self.assertFalse(plan.with_user(self.hq_finance).can_review)
        with self.assertRaises(AccessError):
            plan.review_ids.with_user(manager).write({"status": "approved"})
        plan.with_user(self.hq_management).validate_tier()
        plan.with_user(manager).action_confirm()
        self.assertEqual(plan.state, "approved")

    def test_approved_plan_opens_positions(self):
        """R5.1: the approved plan opens one job position per post, in the office, with its headcount."""
        plan = self._approved(self._plan())
        with self.assertRefused(UserError, plan.name, "posts cannot change"):
            plan.line_ids[0].with_user(self.users["manager", "a"]).write({"headcount": 9})
        plan.with_user(self.users["manager", "a"]).action_open_positions()
        self.assertEqual(plan.state, "open")
        jobs = plan.line_ids.job_id
        self.assertEqual(len(jobs), 2)
        self.assertEqual(jobs.company_id, self.office_a)
        self.assertEqual(sorted(jobs.mapped("no_of_recruitment")), [1, 2])
        self.assertEqual(plan.job_ids, jobs)

    def test_draft_plan_opens_nothing(self):
        """R5.1: a plan not yet approved opens no position."""
        plan = self._plan()
        with self.assertRefused(UserError, plan.name, "only an approved plan"):
            plan.action_open_positions()
        self.assertFalse(self.env["hr.job"].search([("lighting_plan_id", "=", plan.id)]))

    def test_hiring_needs_every_step_passed(self):
        """R5.1: an applicant with a step missing or failed cannot be hired; one who passed all is, and fills the
        plan."""
        plan = self._approved(self._plan())
        plan.action_open_positions()
        designer = plan.line_ids.filtered(lambda line: line.name == "Lighting designer")
        applicant = self._applicant(designer.job_id)
        self._steps(applicant, interview="passed", written_test="passed")
        with self.assertRefused(ValidationError, "Liu Wei", "Selection Steps", "Background Check"):
            applicant.write({"stage_id": self.hired_stage.id})
        self._steps(applicant, background_check="failed")
        with self.assertRefused(ValidationError, "Liu Wei", "Background Check"):
            applicant.write({"stage_id": self.hired_stage.id})
        self.assertFalse(applicant.date_closed)
        applicant.lighting_check_ids.filtered(lambda c: c.step == "background_check").result = "passed"
        applicant.write({"stage_id": self.hired_stage.id})
        self.assertTrue(applicant.date_closed)
        self.assertEqual(designer.filled_count, 1)
        self.assertEqual((plan.filled_headcount, plan.planned_headcount), (1, 3))
        with self.assertRefused(ValidationError, "Liu Wei", "Interview"):
            applicant.lighting_check_ids.filtered(lambda c: c.step == "interview").result = "failed"

    def test_bad_input_refused(self):
        """R5.1: negative headcount or budget, a second plan for the same office and year are refused by name."""
        with self.assertRefused(ValidationError, "Office A recruitment plan 2027", "Installer", "Headcount"):
            self._plan(year=2027, lines=[{"name": "Installer", "headcount": -1}])
        with self.assertRefused(ValidationError, "Installer", "Budget"):
            self._plan(year=2027, lines=[{"name": "Installer", "headcount": 1, "budget": -5}])
        self.assertFalse(self.Plan.search([("year", "=", 2027)]))
        self._plan()
        with self.assertRefused(ValidationError, "Office A recruitment plan 2026", "Year"):
            self._plan()
        plan = self._plan(year=2028)
        plan.line_ids.unlink()
        with self.assertRefused(UserError, plan.name, "Posts"):
            plan.action_confirm()

    def test_filled_headcount_in_one_query(self):
        """R5.1: filled headcount of many posts is counted in one grouped query."""
        plan = self._approved(self._plan(lines=[{"name": f"Post {i}", "headcount": 1} for i in range(10)]))
        plan.action_open_positions()
        for line in plan.line_ids[:3]:
            applicant = self._applicant(line.job_id, name=f"Hire {line.name}")
            self._steps(applicant, interview="passed", written_test="passed", background_check="passed")
            applicant.stage_id = self.hired_stage
        lines = plan.line_ids
        self.env.flush_all()
        lines.invalidate_recordset()
        self.env.add_to_compute(lines._fields["filled_count"], lines)
        # one query reads the posts' positions, one counts the hires of all of
        # them, one writes the counts: not one per post
        with self.assertQueryCount(3):
            lines.flush_recordset(["filled_count"])
        self.assertEqual(sum(lines.mapped("filled_count")), 3)

    def test_office_isolation(self):
        """R5.1: managers plan only for their office, staff see no plans, HQ Finance reads and HQ Management runs
        all."""
        plan_a, plan_b = self._plan(), self._plan(office=self.office_b)
        manager_a = self.users["manager", "a"]
        self.assertEqual(self.Plan.with_user(manager_a).search([]), plan_a)
        with self.assertRaises(AccessError):
            plan_b.with_user(manager_a).read(["name"])
        with self.assertRaises(AccessError):
            plan_b.line_ids.with_user(manager_a).write({"budget": 1})
        with self.assertRaises(AccessError):
            self._plan(office=self.office_b, user=manager_a, year=2030)
        for role in ("sales", "support", "aftersales"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                plan_a.with_user(self.users[role, "a"]).read(["name"])
        self.assertEqual(
            self.Plan.with_user(self.hq_finance).search([("id", "in", (plan_a | plan_b).ids)]), plan_a | plan_b
        )
        with self.assertRaises(AccessError):
            plan_b.with_user(self.hq_finance).write({"year": 2031})
        plan_b.with_user(self.hq_management).write({"year": 2031})
        self.assertEqual(plan_b.year, 2031)

    def test_applicants_and_steps_per_office(self):
        """R5.1: office A's manager neither reads nor records steps of office B's applicants; HQ reads both."""
        job_b = self.env["hr.job"].create({"name": "Designer B", "company_id": self.office_b.id})
        applicant_b = self._applicant(job_b, name="Zhao Lei")
        self._steps(applicant_b, interview="passed")
        manager_a = self.users["manager", "a"]
        with self.assertRaises(AccessError):
            applicant_b.with_user(manager_a).read(["partner_name"])
        with self.assertRaises(AccessError):
            applicant_b.lighting_check_ids.with_user(manager_a).read(["result"])
        with self.assertRaises(AccessError):
            self.env["lighting.applicant.check"].with_user(manager_a).create(
                {
                    "applicant_id": applicant_b.id,
                    "step": "written_test",
                    "result": "passed",
                    "evaluator_id": manager_a.id,
                }
            )
        self.assertEqual(applicant_b.lighting_check_ids.with_user(self.hq_management).result, "passed")
        with self.assertRaises(AccessError):
            applicant_b.lighting_check_ids.with_user(self.users["sales", "b"]).read(["result"])
