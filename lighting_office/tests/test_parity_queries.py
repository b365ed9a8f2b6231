from odoo import Command
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestParityQueries(LightingOfficeCase):
    """Issue 20: what the module adds to confirming an order, posting an invoice and
    submitting an expense report costs a fixed number of queries, whatever the batch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = {}
        for office, key in ((cls.office_a, "a"), (cls.office_b, "b")):
            head = cls.env["hr.employee"].create(
                {
                    "name": f"Head {key}",
                    "user_id": cls.users["manager", key].id,
                    "company_id": office.id,
                }
            )
            cls.department[key] = cls.env["hr.department"].create(
                {
                    "name": f"Sales {key}",
                    "company_id": office.id,
                    "manager_id": head.id,
                }
            )
            cls.env["hr.employee"].create(
                {
                    "name": f"Salesperson {key}",
                    "user_id": cls.users["sales", key].id,
                    "company_id": office.id,
                    "department_id": cls.department[key].id,
                }
            )

        cls.expense_category = cls.env["product.product"].create(
            {"name": "Taxi", "type": "service", "can_be_expensed": True, "standard_price": 0.0}
        )

    def _orders(self, count_a, count_b):
        return (
            self.env["sale.order"]
            .browse(
                [
                    self._order(office, self.users["sales", key]).id
                    for office, key, count in ((self.office_a, "a", count_a), (self.office_b, "b", count_b))
                    for _index in range(count)
                ]
            )
            .with_context(tracking_disable=False)
        )

    def test_install_jobs_of_a_confirmation(self):
        """R3.1.5: the jobs of confirmed orders are made with their safety checklists in
        4 queries plus one sequence number per job: existing jobs and sequences read once,
        safety rules cached, every job in one INSERT, every checklist line in one INSERT
        (company included)."""
        self.env["lighting.safety.item"].create([{"name": "Isolate the circuit"}, {"name": "Wear a helmet"}])
        rules = self.env["lighting.safety.item"].search([])
        self._orders(1, 0)._create_install_jobs()  # model defaults and subtypes are cached once per server
        for orders, queries in ((self._orders(1, 0), 5), (self._orders(2, 1), 7)):
            self.env.flush_all()
            orders.invalidate_recordset(["install_job_ids"])
            with self.assertQueryCount(queries):
                orders._create_install_jobs()
                self.env.flush_all()
            jobs = orders.install_job_ids
            self.assertEqual(len(jobs), len(orders))
            self.assertEqual(len(set(jobs.mapped("name"))), len(orders))
            for job in jobs:
                self.assertTrue(job.name.startswith("JOB/"))
                self.assertEqual(job.safety_line_ids.mapped("name"), rules.mapped("name"))
                self.assertEqual(job.safety_line_ids.company_id, job.sale_order_id.company_id)
                self.assertFalse(job.message_ids)
                self.assertFalse(job.message_partner_ids)
        rules.filtered(lambda rule: rule.name == "Isolate the circuit").name = "Isolate the circuit first"
        rules.filtered(lambda rule: rule.name == "Wear a helmet").active = False
        later = self._orders(1, 0)
        later._create_install_jobs()
        self.assertEqual(
            later.install_job_ids.safety_line_ids.mapped("name"),
            self.env["lighting.safety.item"].search([]).mapped("name"),
        )
        self.assertIn("Isolate the circuit first", later.install_job_ids.safety_line_ids.mapped("name"))
        self.assertNotIn("Wear a helmet", later.install_job_ids.safety_line_ids.mapped("name"))

    def test_confirm_queries(self):
        """R3.1.5: confirming an approved office order as its salesperson (Odoo's confirmation,
        its delivery, and the installation job with its safety checklist) costs 133 queries."""
        sales = self.users["sales", "a"]
        first, order = self._orders(2, 0)  # the caches of a first confirmation, as after the first ones
        for each in (first, order):
            self._approve(each)
        first.with_user(sales).action_confirm()
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(133):
            order.with_user(sales).action_confirm()
            self.env.flush_all()
        self.assertEqual(order.state, "sale")
        self.assertEqual(len(order.install_job_ids), 1)
        self.assertTrue(order.install_job_ids.safety_line_ids)

    def test_invoice_post_queries(self):
        """R4.1.3: creating and posting an office invoice as its salesperson's billing clerk
        (with the department of its line) costs 109 queries."""
        billing = self.env["res.users"].create(
            {
                "name": "Billing A",
                "login": "billing_a",
                "company_id": self.office_a.id,
                "company_ids": [Command.set(self.office_a.ids)],
                "groups_id": [Command.set([self.env.ref("account.group_account_invoice").id])],
            }
        )

        def post():
            invoice = (
                self.env["account.move"]
                .with_user(billing)
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": self.customer.id,
                        "invoice_user_id": self.users["sales", "a"].id,
                        "invoice_line_ids": [
                            Command.create({"product_id": self.product.id, "quantity": 2, "price_unit": 50.0})
                        ],
                    }
                )
            )
            invoice.action_post()
            self.env.flush_all()
            return invoice

        post()  # the caches of a first invoice, as after the first ones
        self.env.invalidate_all()
        with self.assertQueryCount(109):
            invoice = post()
        self.assertEqual(invoice.state, "posted")
        line = invoice.invoice_line_ids
        self.assertEqual(line.lighting_department_id, self.department["a"])

    def test_invoice_departments_in_one_search(self):
        """R4.1.3: the department of the invoice lines of any number of invoices, in two
        offices, is found with one employee search (4 queries with reading the lines and
        moves and writing the departments)."""

        def invoices(keys):
            return self.env["account.move"].create(
                [
                    {
                        "move_type": "out_invoice",
                        "partner_id": self.customer.id,
                        "company_id": self.users["sales", key].company_id.id,
                        "invoice_user_id": self.users["sales", key].id,
                        "invoice_line_ids": [
                            Command.create({"product_id": self.product.id, "quantity": 1, "price_unit": 80.0})
                        ],
                    }
                    for key in keys
                ]
            )

        for moves in (invoices("a"), invoices("aab")):
            lines = moves.line_ids.filtered(lambda line: line.display_type == "product")
            self.env.flush_all()
            self.env.cr.execute(
                "UPDATE account_move_line SET lighting_department_id = NULL WHERE move_id IN %s", [tuple(moves.ids)]
            )
            self.env.invalidate_all()
            with self.assertQueryCount(4):
                self.env.add_to_compute(lines._fields["lighting_department_id"], lines)
                lines.flush_recordset(["lighting_department_id"])
            for line in lines:
                self.assertEqual(
                    line.lighting_department_id, self.department["a" if line.company_id == self.office_a else "b"]
                )
            self.assertFalse((moves.line_ids - lines).lighting_department_id)

    def test_department_heads_of_reports(self):
        """R4.2.1: the department heads of one or three expense reports are found in the
        same 4 queries (reports, claimants, departments, heads)."""
        Sheet = self.env["hr.expense.sheet"]
        employees = self.env["hr.employee"].search([("department_id", "in", [d.id for d in self.department.values()])])
        for keys in ("a", "aab"):
            sheets = Sheet.create(
                [
                    {
                        "name": f"Report {index}",
                        "employee_id": employees.filtered(
                            lambda employee, key=key: employee.department_id == self.department[key]
                        ).id,
                        "company_id": self.department[key].company_id.id,
                    }
                    for index, key in enumerate(keys)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(4):
                heads = sheets._get_department_head_user()
            expected = self.users["manager", "a"] | (
                self.users["manager", "b"] if "b" in keys else self.env["res.users"]
            )
            self.assertEqual(heads, expected)

    def _submitted_sheet(self, key="a"):
        sales = self.users["sales", key]
        employee = self.env["hr.employee"].search([("user_id", "=", sales.id)])
        expense = self.env["hr.expense"].create(
            {
                "name": f"Taxi {key}",
                "employee_id": employee.id,
                "product_id": self.expense_category.id,
                "total_amount_currency": 50.0,
                "company_id": sales.company_id.id,
            }
        )
        self.env["ir.attachment"].create(
            {"name": "receipt.txt", "raw": b"receipt", "res_model": "hr.expense", "res_id": expense.id}
        )
        return (
            self.env["hr.expense.sheet"]
            .create(
                {
                    "name": f"Taxi report {key}",
                    "employee_id": employee.id,
                    "company_id": sales.company_id.id,
                    "expense_line_ids": [Command.set(expense.ids)],
                }
            )
            .with_context(tracking_disable=False)
        )

    def test_review_documents_once_per_model(self):
        """R3.1.4, R4.2.1: the documents of any number of reviews are looked up with one
        query per model (two reports' six reviews and an order's review: 3 queries with
        reading the reviews); a review whose document is gone is left out."""
        sheets = self._submitted_sheet("a") | self._submitted_sheet("b")
        sheets.action_submit_sheet()
        order = self._orders(1, 0)
        order.request_validation()
        reviews = (sheets.review_ids | order.review_ids).sudo()
        self.assertEqual(len(reviews), 7)
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            documents = reviews._get_documents()
        self.assertEqual(set(documents.values()), set(sheets.sudo()) | set(order.sudo()))
        self.env.cr.execute("DELETE FROM sale_order_line WHERE order_id = %s", [order.id])
        self.env.cr.execute("DELETE FROM sale_order WHERE id = %s", [order.id])
        self.env.invalidate_all()
        self.assertEqual(set(reviews._get_documents()), set(sheets.review_ids.ids))

    def test_report_submission_queries(self):
        """R4.2.1: submitting a report with its receipt (hr_expense's submission, its activity,
        and the three reviews, only the department head told) costs 72 queries."""
        sales = self.users["sales", "a"]
        first = self._submitted_sheet("a")  # the caches of a first submission, as after the first ones
        self.env.invalidate_all()
        first.with_user(sales).action_submit_sheet()
        sheet = self._submitted_sheet("a").with_user(sales)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(72):
            sheet.action_submit_sheet()
            self.env.flush_all()
        self.assertEqual(len(sheet.review_ids), 3)
        self.assertNotIn(self.hq_finance.partner_id, sheet.message_partner_ids)

    def test_contract_review_queries(self):
        """R3.1.4: requesting a contract's review (the office manager told in Odoo's inbox, not
        made a follower) and its validation by the manager cost 30 queries."""
        sales, manager = self.users["sales", "a"], self.users["manager", "a"]
        first = self._orders(1, 0)  # the caches of a first review, as after the first requests
        self.env.invalidate_all()
        first.with_user(sales).request_validation()
        first.with_user(manager).validate_tier()
        order = self._orders(1, 0)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(30):
            order.with_user(sales).request_validation()
            order.with_user(manager).validate_tier()
            self.env.flush_all()
        self.assertTrue(order.validated)
        self.assertEqual(manager.notification_type, "inbox")
        self.assertIn(manager.partner_id, order.message_ids.notification_ids.res_partner_id)
        self.assertNotIn(manager.partner_id, order.message_partner_ids)

    def test_office_staff_notified_in_odoo(self):
        """R1.2: a new user of a Lighting Office role is notified in Odoo's inbox unless the
        creation chooses e-mail; users without a role keep Odoo's default (e-mail)."""
        Users = self.env["res.users"]
        role = self.env.ref("lighting_office.group_lighting_sales")
        staff, by_mail, other = Users.create(
            [
                {"name": "New staff", "login": "new_staff", "groups_id": [Command.set(role.ids)]},
                {
                    "name": "Staff by mail",
                    "login": "staff_by_mail",
                    "groups_id": [Command.set(role.ids)],
                    "notification_type": "email",
                },
                {
                    "name": "Other",
                    "login": "other_user",
                    "groups_id": [Command.set(self.env.ref("base.group_user").ids)],
                },
            ]
        )
        self.assertEqual(
            (staff.notification_type, by_mail.notification_type, other.notification_type), ("inbox", "email", "email")
        )

    def test_reviews_of_a_document_search_its_model_only(self):
        """R1.2, R3.1.4: the reviews of a document are searched with the one subquery of its
        model's record rules (confirming an order read every tier-validated model's, 20 ms);
        a search of reviews of any model still keeps to the documents the user may read."""
        sales_b = self.users["sales", "b"]
        order_a, order_b = self._orders(1, 0), self._orders(0, 1)
        (order_a | order_b).request_validation()
        Review = self.env["tier.review"].with_user(sales_b)
        query = Review._search([("model", "=", "sale.order"), ("res_id", "in", (order_a | order_b).ids)])
        sql = query.select().code
        self.assertIn('"sale_order"', sql)
        self.assertNotIn('"lighting_archive_loan"', sql)
        self.assertEqual(Review.browse(query).res_id, order_b.id)
        self.assertEqual(
            Review.search(["|", ("model", "=", "sale.order"), ("res_id", "=", order_a.id)]).res_id, order_b.id
        )
        self.assertIn(
            '"lighting_archive_loan"', Review._search(["|", ("model", "=", "x"), ("model", "=", "y")]).select().code
        )
