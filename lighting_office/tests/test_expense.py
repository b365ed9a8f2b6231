from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .expense_common import ExpenseCase


@tagged("post_install", "-at_install")
class TestExpense(ExpenseCase):
    """R4.2: expense reports with receipts, approved by the department head, the
    office manager and HQ Finance in turn; large expenses approved beforehand."""

    def test_four_steps(self):
        """R4.2.1: claimant submits with receipts; department head, office manager
        and HQ Finance approve in this order; only then may the report be approved."""
        sheet = self._sheet()
        sheet.action_submit_sheet()
        self.assertEqual(sheet.approval_state, "submit")
        self.assertEqual(
            self._step_reviewers(sheet),
            [
                self.users["support", "a"],
                self.users["manager", "a"],
                self.env.ref("lighting_office.group_lighting_hq_finance").users,
            ],
        )
        steps = [self.users["support", "a"], self.users["manager", "a"], self.hq_finance]
        # Out of turn: HQ Finance cannot decide before the department head.
        sheet.with_user(self.hq_finance).validate_tier()
        self.assertEqual(sheet.sudo().review_ids.mapped("status").count("approved"), 0)
        for done, reviewer in enumerate(steps, start=1):
            self.assertFalse(sheet.validated)
            sheet.with_user(reviewer).validate_tier()
            self.assertEqual(sheet.sudo().review_ids.mapped("status").count("approved"), done)
        # The last Validate is the approval: there is no second Approve to press.
        self.assertTrue(sheet.validated)
        self.assertEqual(sheet.state, "approve")

    def test_no_skipping(self):
        """R4.2.1: neither the approve button nor an RPC write skips the steps."""
        sheet = self._sheet()
        sheet.action_submit_sheet()
        sheet.with_user(self.users["support", "a"]).validate_tier()
        for user in (self.users["manager", "a"], self.hq_finance):
            with self.assertRefused(ValidationError, sheet.name):
                sheet.with_user(user).action_approve_expense_sheets()
            with self.assertRefused(ValidationError, sheet.name):
                sheet.with_user(user).write({"approval_state": "approve"})
        with self.assertRefused(AccessError, sheet.name):
            sheet.sudo().review_ids[-1:].with_user(self.users["manager", "a"]).write({"status": "approved"})
        self.assertEqual(sheet.approval_state, "submit")

    def test_receipts_required(self):
        """R4.2.1: a report whose expense has no receipt cannot be submitted."""
        sheet = self._sheet(receipt=False)
        with self.assertRefused(UserError, sheet.name, "Train ticket of sales a", "receipt"):
            sheet.action_submit_sheet()
        self.assertFalse(sheet.approval_state)

    def test_own_claim_refused(self):
        """R4.2.1: nobody approves their own claim; the step goes to the next level."""
        sheet = self._sheet(role="support")
        self.employees["support", "a"].department_id = self.department_a  # heads their own department
        sheet.action_submit_sheet()
        first, second = self._step_reviewers(sheet)[:2]
        self.assertEqual(first, self.users["manager", "a"])
        self.assertEqual(second, self.users["manager", "a"])
        with self.assertRefused(AccessError, sheet.name, "own expense claim"):
            sheet.with_user(self.users["support", "a"]).validate_tier()
        # The office manager's own claim goes to HQ Management at the manager step.
        own = self._sheet(role="manager")
        own.action_submit_sheet()
        reviewers = self._step_reviewers(own)
        self.assertEqual(reviewers[0], self.users["support", "a"])
        self.assertIn(self.hq_management, reviewers[1])
        self.assertNotIn(self.users["manager", "a"], reviewers[1])
        with self.assertRefused(AccessError, own.name):
            own.with_user(self.users["manager", "a"]).validate_tier()

    def test_threshold_needs_preapproval(self):
        """R4.2.2: above the office's threshold a report needs HQ's pre-approval."""
        self.office_a.lighting_expense_threshold = 1000.0
        sheet = self._sheet(amount=1500.0)
        with self.assertRefused(UserError, "Train ticket of sales a", "Pre-approval"):
            sheet.action_submit_sheet()
        request = (
            self.env["lighting.expense.preapproval"]
            .with_user(self.users["sales", "a"])
            .create(
                {
                    "employee_id": self.employees["sales", "a"].id,
                    "purpose": "Trade fair",
                    "amount": 2000.0,
                }
            )
        )
        request.request_validation()
        with self.assertRefused(ValidationError, request.name):
            request.action_confirm()
        request.with_user(self.hq_finance).validate_tier()
        request.action_confirm()
        self.assertEqual(request.state, "approved")
        approved = self._sheet(amount=1500.0, preapproval=request)
        approved.action_submit_sheet()
        self.assertEqual(approved.approval_state, "submit")
        # Below the threshold no pre-approval is needed.
        small = self._sheet(amount=900.0)
        small.action_submit_sheet()
        self.assertEqual(small.approval_state, "submit")

    def test_negative_threshold_refused(self):
        """R4.2.2: the threshold the admin sets cannot be negative."""
        with self.assertRefused(ValidationError, "Office A", "Expense Pre-approval Threshold"):
            self.office_a.lighting_expense_threshold = -1.0

    def test_offices_apart(self):
        """R4.2: office B sees neither office A's reports nor its pre-approvals; HQ reads both."""
        sheet = self._sheet()
        sheet.action_submit_sheet()
        request = (
            self.env["lighting.expense.preapproval"]
            .with_user(self.users["sales", "a"])
            .create(
                {
                    "employee_id": self.employees["sales", "a"].id,
                    "purpose": "Trade fair",
                    "amount": 2000.0,
                }
            )
        )
        for record in (sheet, request):
            Model = self.env[record._name]
            self.assertFalse(Model.with_user(self.users["manager", "b"]).search([("id", "=", record.id)]))
            for hq_user in (self.hq_finance, self.hq_management):
                hq = Model.with_user(hq_user).with_context(
                    allowed_company_ids=(self.hq | self.office_a | self.office_b).ids
                )
                self.assertEqual(hq.search([("id", "=", record.id)]), record)
        self.assertEqual(
            self.env["hr.expense.sheet"].with_user(self.users["manager", "a"]).search([("id", "=", sheet.id)]), sheet
        )
        with self.assertRaises(AccessError):
            request.with_user(self.users["sales", "a"]).unlink()

    def test_analysis(self):
        """R4.2.3: expenses are analysed per office, category, employee and month."""
        self._sheet(amount=120.0)
        self._sheet(role="sales", key="b", amount=80.0)
        groups = (
            self.env["hr.expense"]
            .with_user(self.hq_finance)
            .with_context(allowed_company_ids=(self.hq | self.office_a | self.office_b).ids)
            ._read_group(
                [("product_id", "=", self.category.id)],
                ["company_id", "product_id", "employee_id", "date:month"],
                ["total_amount:sum"],
            )
        )
        self.assertEqual({(g[0], g[4]) for g in groups}, {(self.office_a, 120.0), (self.office_b, 80.0)})
        action = self.env.ref("lighting_office.action_lighting_expense_analysis")
        self.assertIn("pivot", action.view_mode)
        self.assertIn("graph", action.view_mode)

    def _review_requests(self, sheet):
        """The review requests of `sheet` each of the three steps' reviewers was notified of
        (subtype Tier Validation Requested): at the submission and as each turn comes."""
        notifications = self.env["mail.notification"].search(
            [
                ("mail_message_id.model", "=", sheet._name),
                ("mail_message_id.res_id", "=", sheet.id),
                ("mail_message_id.message_type", "=", "notification"),
                (
                    "mail_message_id.subtype_id",
                    "=",
                    self.env.ref("base_tier_validation.mt_tier_validation_requested").id,
                ),
            ]
        )
        reviewers = (self.users["support", "a"], self.users["manager", "a"], self.hq_finance)
        return [len(notifications.filtered(lambda n, u=user: n.res_partner_id == u.partner_id)) for user in reviewers]

    def test_each_step_told_when_its_turn_comes(self):
        """R4.2.1: at submission only the department head is asked to review; the office
        manager is asked once the department head approved, HQ Finance once the office
        manager did; a Validate out of turn asks nobody again. Each is addressed, not made a
        follower of the report."""
        sheet = self._sheet().with_context(tracking_disable=False)
        sheet.action_submit_sheet()
        self.assertEqual(self._review_requests(sheet), [1, 0, 0])
        sheet.with_user(self.users["support", "a"]).validate_tier()
        self.assertEqual(self._review_requests(sheet), [1, 1, 0])
        sheet.with_user(self.hq_finance).validate_tier()  # out of turn: nothing moves
        self.assertEqual(self._review_requests(sheet), [1, 1, 0])
        sheet.with_user(self.users["manager", "a"]).validate_tier()
        self.assertEqual(self._review_requests(sheet), [1, 1, 1])
        # (the department head follows it as the report's manager, hr_expense's own)
        self.assertFalse((self.users["manager", "a"] | self.hq_finance).partner_id & sheet.message_partner_ids)

    def _followed_subtypes(self, sheet, user):
        return sheet.message_follower_ids.filtered(lambda follower: follower.partner_id == user.partner_id).subtype_ids

    def test_reviewers_keep_what_they_follow(self):
        """R4.2.1: a reviewer who follows the report keeps following what they chose when they
        are asked to review it, and a step told of accepted reviews adds that to what its
        reviewers follow (base_tier_validation replaced their subtypes with its own one)."""
        head, manager = self.users["support", "a"], self.users["manager", "a"]
        sheet = self._sheet().with_context(tracking_disable=False)
        sheet.message_subscribe(partner_ids=(head | manager).partner_id.ids)
        followed = self._followed_subtypes(sheet, head)
        self.assertIn(self.env.ref("mail.mt_comment"), followed)
        self.env.ref("lighting_office.tier_expense_sheet_office_manager").notify_on_accepted = True
        sheet.action_submit_sheet()
        self.assertEqual(self._review_requests(sheet), [1, 0, 0])
        self.assertEqual(self._followed_subtypes(sheet, head), followed)
        sheet.with_user(head).validate_tier()
        accepted = self.env.ref("base_tier_validation.mt_tier_validation_accepted")
        self.assertEqual(self._followed_subtypes(sheet, manager), followed | accepted)

    def test_rejected_report_asks_nobody_further(self):
        """R4.2.1: a report the department head rejects asks neither the office manager nor HQ Finance."""
        sheet = self._sheet().with_context(tracking_disable=False)
        sheet.action_submit_sheet()
        sheet.with_user(self.users["support", "a"]).reject_tier()
        self.assertTrue(sheet.rejected)
        self.assertEqual(self._review_requests(sheet), [1, 0, 0])
        self.assertNotIn(self.users["manager", "a"].partner_id, sheet.message_partner_ids)
