"""Issue 14: no approval can be got round by an RPC client.

Every test walks every tier-validated model of approval_flows.FLOWS (one
subTest per model and vector) as the users an RPC call would run as
(`with_user`), and checks that the attempt is refused and the record unchanged.
"""

import base64
from contextlib import suppress
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.lighting_office.approval_flows import FLOWS, FORGEABLE_KEYS

from .common import LightingOfficeCase
from .vehicle_trip_common import trip_time

REFUSED = UserError  # so are AccessError and ValidationError
UNDECIDED = ("waiting", "pending")


class Spec:
    """How the tests make and approve one model's document.

    make: returns a document in the state where its review is requested;
    requester: who asked for it; button: (method, user key) moving the
    approved document on; locked: (field, new value) the reviewers approved;
    line: (lines field, line field, new value); cancel/reset: buttons."""

    def __init__(self, make, requester, button=None, locked=None, line=None, cancel=None, reset=None, new_vals=None):
        self.make, self.requester, self.button = make, requester, button
        self.locked, self.line, self.cancel, self.reset = locked, line, cancel, reset
        self.new_vals = new_vals or {}


@tagged("post_install", "-at_install")
class TestApprovalBypass(LightingOfficeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employees = cls._employees(("sales", "support", "manager"))
        cls.manager_a, cls.manager_b = cls.users["manager", "a"], cls.users["manager", "b"]
        cls.sales_a, cls.support_a = cls.users["sales", "a"], cls.users["support", "a"]
        cls.today = fields.Date.context_today(cls.env["res.users"])
        cls.year = cls.today.year + 1
        cls.adm = cls.env.ref("lighting_office.document_class_adm")
        File = cls.env["lighting.archive.file"]
        cls.files = {
            level: File.create(
                {
                    "name": f"{level} file",
                    "class_id": cls.adm.id,
                    "company_id": cls.office_a.id,
                    "location": "Cabinet 1",
                    "confidentiality": level,
                    "date_filed": cls.today - timedelta(days=30),
                }
            )
            for level in ("internal", "secret")
        }
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "Wuling"})
        cls.van = cls.env["fleet.vehicle"].create(
            {
                "model_id": cls.env["fleet.vehicle.model"].create({"name": "Hongguang", "brand_id": brand.id}).id,
                "license_plate": "沪A-12345",
                "company_id": cls.office_a.id,
            }
        )
        cls.asset = cls.env["lighting.asset"].create(
            {"name": "Projector", "company_id": cls.office_a.id, "category": "IT", "quantity": 1}
        )
        cls.expense_product = cls.env["product.product"].create(
            {
                "name": "Travel",
                "type": "service",
                "can_be_expensed": True,
                "standard_price": 0.0,
            }
        )
        cls.specs = {
            "sale.order": Spec(
                lambda: cls._order(cls.office_a, cls.sales_a),
                "sales",
                ("action_confirm", "sales"),
                ("note", "<p>changed</p>"),
                ("order_line", "product_uom_qty", 300),
                "action_cancel",
                "action_draft",
            ),
            "lighting.budget": Spec(
                cls._budget,
                "manager",
                ("action_approve", "manager"),
                ("year", cls.year + 1),
                ("line_ids", "amount", 1.0),
                "action_cancel",
                "action_reset_draft",
                {"year": cls.year + 2},
            ),
            "lighting.document": Spec(
                lambda: (
                    cls.env["lighting.document"]
                    .with_user(cls.sales_a)
                    .create(
                        {
                            "name": "Office hours",
                            "document_type": "notice",
                            "class_id": cls.adm.id,
                            "company_id": cls.office_a.id,
                            "body": "<p>9-18</p>",
                        }
                    )
                ),
                "sales",
                ("action_issue", "manager"),
                ("name", "Changed"),
            ),
            "lighting.archive.loan": Spec(
                lambda: (
                    cls.env["lighting.archive.loan"]
                    .with_user(cls.sales_a)
                    .create(
                        {
                            "file_id": cls.files["internal"].id,
                            "purpose": "Audit",
                            "date_due": cls.today + timedelta(days=7),
                        }
                    )
                ),
                "sales",
                ("action_borrow", "manager"),
                ("file_id", cls.files["secret"].id),
                cancel="action_cancel",
            ),
            "lighting.vehicle.request": Spec(
                lambda: (
                    cls.env["lighting.vehicle.request"]
                    .with_user(cls.sales_a)
                    .create(
                        {
                            "vehicle_id": cls.van.id,
                            "employee_id": cls.employees["sales", "a"].id,
                            "company_id": cls.office_a.id,
                            "purpose": "Site visit",
                            "destination": "Customer",
                            "date_from": trip_time(1, 9),
                            "date_to": trip_time(1, 12),
                        }
                    )
                ),
                "sales",
                None,
                ("destination", "Elsewhere"),
                cancel="action_cancel",
                reset="action_reset_draft",
            ),
            "lighting.business.trip": Spec(
                lambda: (
                    cls.env["lighting.business.trip"]
                    .with_user(cls.sales_a)
                    .create(
                        {
                            "employee_id": cls.employees["sales", "a"].id,
                            "company_id": cls.office_a.id,
                            "destination": "Shenzhen",
                            "purpose": "Trade show",
                            "estimated_cost": 2000.0,
                            "date_from": cls.today + timedelta(days=3),
                            "date_to": cls.today + timedelta(days=5),
                        }
                    )
                ),
                "sales",
                None,
                ("estimated_cost", 9000.0),
                cancel="action_cancel",
                reset="action_reset_draft",
            ),
            "lighting.recruitment.plan": Spec(
                lambda: (
                    cls.env["lighting.recruitment.plan"]
                    .with_user(cls.manager_a)
                    .create(
                        {
                            "company_id": cls.office_a.id,
                            "year": cls.year,
                            "line_ids": [Command.create({"name": "Designer", "headcount": 2, "budget": 6000})],
                        }
                    )
                ),
                "manager",
                ("action_confirm", "manager"),
                ("year", cls.year + 1),
                ("line_ids", "headcount", 20),
                new_vals={"year": cls.year + 2},
            ),
            "lighting.solution": Spec(
                cls._solution, "support", ("action_send", "support"), ("title", "Changed"), ("room_ids", "area", 600.0)
            ),
            "lighting.appraisal.outcome": Spec(
                cls._make_outcome, "manager", ("action_confirm", "manager"), ("amount", 999.0), cancel="action_cancel"
            ),
            "lighting.asset.request": Spec(
                lambda: (
                    cls.env["lighting.asset.request"]
                    .with_user(cls.sales_a)
                    .create(
                        {
                            "name": "New laptop",
                            "request_type": "purchase",
                            "asset_name": "Laptop",
                            "category": "IT",
                            "value": 6000.0,
                            "company_id": cls.office_a.id,
                        }
                    )
                ),
                "sales",
                ("action_done", "manager"),
                ("value", 1.0),
                cancel="action_cancel",
                reset="action_reset_draft",
            ),
            "lighting.asset.stocktake": Spec(
                cls._stocktake,
                "manager",
                ("action_adjust", "manager"),
                ("date", cls.today + timedelta(days=1)),
                ("line_ids", "counted_quantity", 5),
            ),
            "lighting.expense.preapproval": Spec(
                lambda: (
                    cls.env["lighting.expense.preapproval"]
                    .with_user(cls.sales_a)
                    .create({"employee_id": cls.employees["sales", "a"].id, "purpose": "Trade fair", "amount": 2000.0})
                ),
                "sales",
                ("action_confirm", "sales"),
                ("amount", 1.0),
                cancel="action_cancel",
                reset="action_reset_draft",
            ),
            "hr.expense.sheet": Spec(cls._submitted_sheet, "sales", None, ("employee_id", None)),
        }

    # ---------------------------------------------------------------- makers
    @classmethod
    def _budget(cls):
        return (
            cls.env["lighting.budget"]
            .with_user(cls.manager_a)
            .create(
                {
                    "company_id": cls.office_a.id,
                    "year": cls.year,
                    "line_ids": [
                        Command.create({"category": "revenue", "date": date(cls.year, 1, 1), "amount": 1000.0})
                    ],
                }
            )
        )

    @classmethod
    def _solution(cls):
        lead = cls.env["crm.lead"].create(
            {
                "name": "Mall lighting",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.sales_a.id,
                "company_id": cls.office_a.id,
            }
        )
        return (
            cls.env["lighting.solution"]
            .with_user(cls.support_a)
            .create(
                {
                    "title": "Ground floor",
                    "lead_id": lead.id,
                    "company_id": cls.office_a.id,
                    "budget": 50000,
                    "room_ids": [
                        Command.create(
                            {
                                "name": "Open office",
                                "standard_id": cls.env.ref("lighting_office.room_office").id,
                                "area": 60,
                                "ceiling_height": 3,
                                "product_id": cls.product.id,
                                "luminaire_flux": 3600,
                                "luminaire_power": 36,
                                "utilisation_factor": 0.6,
                                "maintenance_factor": 0.8,
                            }
                        )
                    ],
                }
            )
        )

    @classmethod
    def _make_outcome(cls, role="sales"):
        period = cls.env["lighting.appraisal.period"].create(
            {
                "name": "H1",
                "company_id": cls.office_a.id,
                "date_start": cls.today - timedelta(days=180),
                "date_end": cls.today,
            }
        )
        appraisal = (
            cls.env["lighting.appraisal"]
            .with_user(cls.manager_a)
            .create(
                {
                    "employee_id": cls.employees[role, "a"].id,
                    "period_id": period.id,
                    "template_id": cls.env.ref("lighting_office.appraisal_template_sales").id,
                }
            )
        )
        appraisal.action_start()
        for line in appraisal.line_ids:
            line.with_user(cls.users[role, "a"]).self_score = 90
            line.manager_score = 95
        appraisal.action_done()
        return appraisal.outcome_ids.with_user(cls.manager_a)

    @classmethod
    def _stocktake(cls):
        stocktake = cls.env["lighting.asset.stocktake"].with_user(cls.manager_a).create({"company_id": cls.office_a.id})
        stocktake.action_generate()
        stocktake.line_ids.write({"counted": True, "counted_quantity": 1})
        return stocktake

    @classmethod
    def _submitted_sheet(cls):
        expense = (
            cls.env["hr.expense"]
            .with_user(cls.sales_a)
            .create(
                {
                    "name": "Train ticket",
                    "employee_id": cls.employees["sales", "a"].id,
                    "product_id": cls.expense_product.id,
                    "total_amount_currency": 300.0,
                    "company_id": cls.office_a.id,
                }
            )
        )
        cls.env["ir.attachment"].with_user(cls.sales_a).create(
            {
                "name": "receipt.txt",
                "datas": base64.b64encode(b"receipt"),
                "res_model": "hr.expense",
                "res_id": expense.id,
            }
        )
        sheet = (
            cls.env["hr.expense.sheet"]
            .with_user(cls.sales_a)
            .create(
                {
                    "name": "Report",
                    "employee_id": cls.employees["sales", "a"].id,
                    "company_id": cls.office_a.id,
                    "expense_line_ids": [Command.set(expense.ids)],
                }
            )
        )
        sheet.action_submit_sheet()
        return sheet

    # --------------------------------------------------------------- helpers
    def _user(self, key):
        return self.users[key, "a"]

    def _requested(self, model):
        """The model's document with its review requested, and its requester."""
        spec = self.specs[model]
        record = spec.make()
        requester = self._user(spec.requester)
        if not record.review_ids:
            record.with_user(requester).request_validation()
        self.assertTrue(record.sudo().review_ids, f"{model}: no review requested")
        return record.with_user(requester), requester

    def _approve(self, record):
        """Let each step's real reviewer approve, in turn."""
        for _step in range(5):
            undecided = record.sudo().review_ids.filtered(lambda review: review.status in UNDECIDED)
            if not undecided:
                break
            record.with_user(undecided.sorted("sequence")[0].reviewer_ids[0]).validate_tier()
        self.assertEqual(record.validation_status, "validated")

    def _snapshot(self, record):
        flow = FLOWS[record._name]
        record.invalidate_recordset()
        sudo = record.sudo()
        # Waiting and pending are both undecided: base_tier_validation moves
        # waiting reviews to pending whoever presses Validate.
        return (
            sudo[flow.state_field],
            sudo.validation_status in UNDECIDED or sudo.validation_status,
            sorted(
                (review.id, review.status in UNDECIDED or review.status, review.done_by.id)
                for review in sudo.review_ids
            ),
        )

    def _for_each_model(self, check):
        for model in FLOWS:
            with self.subTest(model=model):
                check(model)

    def _outsider(self, record):
        """A user of the office who may read the document but is none of its reviewers."""
        reviewers = record.sudo().review_ids.reviewer_ids
        candidates = (
            self.sales_a,
            self.support_a,
            self.users["aftersales", "a"],
            self.manager_a,
            self.hq_finance,
            self.hq_management,
        )
        return next(user for user in candidates if user not in reviewers and record.with_user(user).has_access("read"))

    # ----------------------------------------------------------------- tests
    def test_table_covers_every_tier_validated_model(self):
        """R1.2/issue 14: every model with a tier validation has its flow in the one table, with methods that exist."""
        models = set(self.env["tier.definition"]._get_tier_validation_model_names())
        self.assertEqual(models, set(FLOWS))
        for model, flow in FLOWS.items():
            for methods in flow.transitions.values():
                for method in methods:
                    self.assertTrue(hasattr(self.env[model], method), f"{model}.{method}")
            for name in flow.locked_fields:
                self.assertIn(name, self.env[model]._fields, model)
            for line_model, (parent, names) in flow.lines.items():
                self.assertEqual(self.env[line_model]._fields[parent].comodel_name, model)
                self.assertTrue(set(names) <= set(self.env[line_model]._fields), line_model)

    def test_wrong_user_cannot_approve(self):
        """R3.1.4, R3.2.2, R4.1.2, R4.2, R4.3, R5.1, R5.3, R6.2, R6.4: a user who is not the reviewer
        presses Validate and the approving button: the document stays unapproved."""

        def check(model):
            record, requester = self._requested(model)
            before = self._snapshot(record)
            with suppress(AccessError):  # the claimant of an expense report is told so
                record.with_user(self._outsider(record)).validate_tier()
            self.assertEqual(self._snapshot(record), before)
            button = self.specs[model].button
            if button:
                with self.assertRaises(REFUSED):
                    getattr(record.with_user(self._user(button[1])), button[0])()
                self.assertEqual(self._snapshot(record), before)

        self._for_each_model(check)

    def test_state_is_not_written(self):
        """R1.2/issue 14 item 3: writing any other state, as the requester or the office manager, with or
        without the context keys that switch checks off, or importing it (load), is refused."""

        def check(model):
            record, requester = self._requested(model)
            flow = FLOWS[model]
            before = self._snapshot(record)
            for state in set(flow.states) - {before[0]}:
                for user in (requester, self.manager_a):
                    for context in ({}, dict.fromkeys(FORGEABLE_KEYS, True)):
                        with self.assertRaises(REFUSED, msg=f"{model} -> {state} by {user.login} {context}"):
                            record.with_user(user).with_context(**context).write({flow.state_field: state})
                        self.assertEqual(self._snapshot(record), before)
                result = record.with_user(requester).load([".id", flow.state_field], [[str(record.id), state]])
                self.assertFalse(result["ids"], f"{model} -> {state} imported")
                self.assertEqual(self._snapshot(record), before)

        self._for_each_model(check)

    def test_not_created_in_a_later_state(self):
        """R1.2/issue 14 item 3: a document created, imported or copied into any state but its first one is refused."""

        def check(model):
            record, requester = self._requested(model)
            flow = FLOWS[model]
            Model = self.env[model].with_user(requester)
            count = Model.sudo().search_count([])
            vals = dict(record.sudo().copy_data()[0], **self.specs[model].new_vals)
            for state in set(flow.states) - {flow.initial}:
                with self.assertRefused(REFUSED):
                    Model.create(dict(vals, **{flow.state_field: state}))
                # A default state from the context is refused, or ignored (hr_expense cleans the context).
                try:
                    with self.env.cr.savepoint():
                        created = Model.with_context(**{f"default_{flow.state_field}": state}).create(vals)
                except REFUSED:
                    continue
                self.assertEqual(created[flow.state_field], flow.initial)
                created.sudo().unlink()
            self.assertEqual(Model.sudo().search_count([]), count)

        self._for_each_model(check)

    def test_reviews_are_not_rewritten(self):
        """Issue 14 item 1: the requester cannot make themself the reviewer, move the review or decide it."""
        other_definition = self.env.ref("lighting_office.tier_recruitment_plan_hq")

        def check(model):
            record, requester = self._requested(model)
            review = record.sudo().review_ids[:1].with_user(requester)
            before = self._snapshot(record)
            for vals in (
                {"reviewer_ids": [Command.set(requester.ids)]},
                {"reviewer_id": requester.id},
                {"reviewer_group_id": self.env.ref("base.group_user").id},
                {"review_type": "individual"},
                {"definition_id": other_definition.id},
                {"sequence": 99},
                {"res_id": record.id + 1},
                {"model": "res.partner"},
                {"requested_by": self.manager_a.id},
                {"status": "approved"},
                {"done_by": requester.id},
                {"status": "rejected"},
            ):
                with self.assertRefused(AccessError):
                    review.write(vals)
                self.assertEqual(self._snapshot(record), before, f"{model} {vals}")
            if requester not in record.sudo().review_ids.reviewer_ids:
                with suppress(AccessError):
                    record.validate_tier()
                self.assertEqual(self._snapshot(record), before)

        self._for_each_model(check)

    def test_reviews_are_not_deleted_or_forged(self):
        """Issue 14 item 2: nobody but an administrator deletes a review, nobody creates one by hand."""

        def check(model):
            record, requester = self._requested(model)
            reviews = record.sudo().review_ids
            before = self._snapshot(record)
            for user in (requester, self.manager_a, self.hq_finance, self.hq_management):
                with self.assertRefused(AccessError):
                    reviews.with_user(user).unlink()
                with self.assertRefused(AccessError):
                    self.env["tier.review"].with_user(user).create(
                        {"model": model, "res_id": record.id, "definition_id": reviews[0].definition_id.id}
                    )
            self.assertEqual(self._snapshot(record), before)
            reviews.with_user(self.env.ref("base.user_admin")).unlink()
            self.assertFalse(reviews.exists())

        self._for_each_model(check)

    def test_reviews_read_only_with_their_document(self):
        """Issue 14 item 2: another office's users find and read none of the reviews of a document."""

        def check(model):
            record, _requester = self._requested(model)
            reviews = record.sudo().review_ids
            for role in ("sales", "manager"):
                user = self.users[role, "b"]
                self.assertFalse(self.env["tier.review"].with_user(user).search([("id", "in", reviews.ids)]))
                with self.assertRaises(AccessError):
                    reviews.with_user(user).read(["status"])
            self.assertEqual(
                self.env["tier.review"].with_user(self.manager_a).search([("id", "in", reviews.ids)]), reviews
            )

        self._for_each_model(check)

    def test_secret_loan_and_outcome_reviews_hidden_from_salesperson(self):
        """R6.2.3, R5.3: a salesperson reads neither the reviews of a colleague's secret loan
        nor those of a colleague's appraisal outcome."""
        loan = self.env["lighting.archive.loan"].create(
            {
                "file_id": self.files["secret"].id,
                "borrower_id": self.hq_management.id,
                "purpose": "Audit",
                "date_due": self.today + timedelta(days=7),
            }
        )
        loan.request_validation()
        outcome = self._make_outcome("support")
        outcome.request_validation()
        for document in (loan, outcome):
            reviews = document.sudo().review_ids
            self.assertTrue(reviews)
            self.assertFalse(self.env["tier.review"].with_user(self.sales_a).search([("id", "in", reviews.ids)]))
            with self.assertRaises(AccessError):
                reviews.with_user(self.sales_a).read(["status", "reviewer_ids"])

    def test_cancel_then_approve_and_reset(self):
        """Issue 14 item 3: a cancelled document is not approved by writing its state; reset to draft it
        starts its review again."""

        def check(model):
            spec = self.specs[model]
            if not spec.cancel:
                return
            record, requester = self._requested(model)
            flow = FLOWS[model]
            getattr(record.with_user(self.manager_a), spec.cancel)()
            self.assertEqual(record.state, "cancel")
            for state in set(flow.states) - {"cancel", flow.initial}:
                with self.assertRaises(REFUSED):
                    record.with_user(requester).write({"state": state})
            self.assertEqual(record.state, "cancel")
            if spec.reset:
                getattr(record.with_user(self.manager_a), spec.reset)()
                self.assertEqual((record.state, record.validation_status), (flow.initial, "no"))
                self.assertFalse(record.sudo().review_ids)

        self._for_each_model(check)

    def test_approved_content_is_locked(self):
        """Issue 14 items 4, 5: what the reviewers approved (header fields, lines, the lent file) is not
        changed once approved, nor once moved on, not even with skip_validation_check."""

        def check(model):
            spec = self.specs[model]
            record, requester = self._requested(model)
            self._approve(record)
            self._assert_locked(record, requester)
            if spec.button and record[FLOWS[model].state_field] == FLOWS[model].initial:
                getattr(record.with_user(self._user(spec.button[1])), spec.button[0])()
                self.assertNotEqual(record.state, FLOWS[model].initial)
                self._assert_locked(record, requester)

        self._for_each_model(check)

    def _assert_locked(self, record, requester):
        spec = self.specs[record._name]
        name, value = spec.locked
        if value is None:
            value = self.employees["support", "a"].id
        users = {requester, self.manager_a}
        for user in users:
            for context in ({}, {"skip_validation_check": True}):
                before = record.sudo().read([name])[0][name]
                with self.assertRaises(REFUSED, msg=f"{record._name}.{name} by {user.login}"):
                    record.with_user(user).with_context(**context).write({name: value})
                self.assertEqual(record.sudo().read([name])[0][name], before)
        if not spec.line:
            return
        lines_field, line_field, value = spec.line
        lines = record.sudo()[lines_field]
        for user in users:
            line = lines[:1].with_user(user)
            before = line.sudo()[line_field]
            with self.assertRaises(REFUSED, msg=f"{record._name} line {line_field} by {user.login}"):
                line.with_context(skip_validation_check=True).write({line_field: value})
            with self.assertRaises(REFUSED):
                line.unlink()
            with self.assertRaises(REFUSED):
                line.copy({record._fields[lines_field].inverse_name: record.id, **self._distinct_key(line)})
            self.assertEqual(line.sudo()[line_field], before)
        self.assertEqual(record.sudo()[lines_field], lines)

    @staticmethod
    def _distinct_key(line):
        """A copy that the lines' own uniqueness would not refuse: the lock must be what refuses it."""
        if line._name == "lighting.budget.line":
            return {"category": "expense" if line.category != "expense" else "cost"}
        return {}

    def test_other_office_manager_cannot_approve(self):
        """R1.2: office B's manager can neither validate, nor decide a review, nor press the button of office A's
        document."""

        def check(model):
            record, _requester = self._requested(model)
            before = self._snapshot(record)
            with suppress(AccessError):
                record.with_user(self.manager_b).validate_tier()
            with self.assertRaises(AccessError):
                record.sudo().review_ids.with_user(self.manager_b).write({"status": "approved"})
            button = self.specs[model].button
            if button:
                with self.assertRaises(REFUSED):
                    getattr(record.with_user(self.manager_b), button[0])()
            self.assertEqual(self._snapshot(record), before)

        self._for_each_model(check)

    def test_sale_line_edit_after_approval(self):
        """R3.1.4/issue 14 item 4: the quotation the manager approved is the contract confirmed: its lines'
        quantity, price, product, discount and taxes, or new lines, are refused, as is confirming a
        changed order."""
        order = self._order(self.office_a, self.sales_a, qty=3)
        self._approve_order(order)
        line = order.order_line.with_user(self.sales_a)
        other = self.env["product.product"].create({"name": "Spot", "list_price": 10.0, "type": "consu"})
        tax = self.env["account.tax"].create({"name": "VAT 13", "amount": 13, "company_id": self.office_a.id})
        for vals in (
            {"product_uom_qty": 300},
            {"price_unit": 1.0},
            {"discount": 50},
            {"product_id": other.id},
            {"tax_id": [Command.set(tax.ids)]},
        ):
            with self.assertRefused(REFUSED, order.name):
                line.write(vals)
        with self.assertRefused(REFUSED, order.name):
            self.env["sale.order.line"].with_user(self.sales_a).create(
                {"order_id": order.id, "product_id": other.id, "product_uom_qty": 1}
            )
        with self.assertRefused(REFUSED, order.name):
            order.with_user(self.sales_a).write({"order_line": [Command.create({"product_id": other.id})]})
        self.assertEqual((line.product_uom_qty, order.amount_untaxed), (3, 300.0))
        order.with_user(self.sales_a).action_confirm()
        self.assertEqual((order.state, order.amount_untaxed), ("sale", 300.0))

    def _approve_order(self, order):
        order.with_user(self.sales_a).request_validation()
        order.with_user(self.manager_a).validate_tier()

    def test_restart_then_edit_needs_new_approval(self):
        """R3.1.4: the salesperson restarts the review to change the quotation; it then needs a new approval."""
        order = self._order(self.office_a, self.sales_a, qty=3)
        self._approve_order(order)
        order.with_user(self.sales_a).restart_validation()
        order.order_line.with_user(self.sales_a).product_uom_qty = 300
        with self.assertRefused(UserError, order.name):
            order.with_user(self.sales_a).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_borrower_cannot_swap_lent_file(self):
        """R6.2.3/issue 14 item 5: once an internal file is handed over, the borrower cannot point the loan at
        a secret file, and so never reads it."""
        loan, borrower = self._requested("lighting.archive.loan")
        self._approve(loan)
        loan.with_user(self.manager_a).action_borrow()
        self.assertEqual(loan.state, "borrowed")
        for user in (borrower, self.manager_a):
            with self.assertRefused(UserError, loan.name, "File"):
                loan.with_user(user).write({"file_id": self.files["secret"].id})
        self.assertEqual(loan.file_id, self.files["internal"])
        with self.assertRaises(AccessError):
            self.files["secret"].with_user(borrower).read(["name"])

    def test_guard_adds_no_query_per_record(self):
        """Issue 14: the flow and lock checks of orders and of their lines cost the same queries for one
        record as for five."""
        orders = self.env["sale.order"].concat(*(self._order(self.office_a, self.sales_a) for _index in range(6)))
        vals = {"note": "<p>Delivery before noon</p>", "state": "draft"}
        self.env.flush_all()
        self._forget_orders()
        warm = orders.with_user(self.sales_a)  # fills the caches of rules and groups
        warm._check_approved_fields(vals)
        warm.order_line._check_document_not_approved("discount")
        self.env.flush_all()
        for ids in (orders[1:2].ids, orders[1:].ids):
            self._forget_orders()
            records = self.env["sale.order"].with_user(self.sales_a).browse(ids)
            with self.assertQueryCount(1):  # the orders' state and validation status
                records._check_flow_transition(vals)
                records._check_approved_fields(vals)
            lines = self.env["sale.order.line"].with_user(self.sales_a).browse(records.order_line.ids)
            self._forget_orders()
            with self.assertQueryCount(2):  # the lines, their orders' state and validation status
                lines._check_document_not_approved("discount")

    def _forget_orders(self):
        self.env["sale.order"].invalidate_model()
        self.env["sale.order.line"].invalidate_model()
