from contextlib import contextmanager
from datetime import datetime, time, timedelta
from unittest.mock import patch

import pytz
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user

ROLES = ("sales", "support", "aftersales", "manager")


class LightingOfficeCase(TransactionCase):
    """Head office, two offices created the way an admin creates them, and a
    user of every role in each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.hq = cls.env.ref("base.main_company")
        Company = cls.env["res.company"]
        cls.office_a = Company.create({"name": "Office A", "is_lighting_office": True, "office_code": "TA"})
        cls.office_b = Company.create({"name": "Office B", "is_lighting_office": True, "office_code": "TB"})
        cls.users = {}
        for office, key in ((cls.office_a, "a"), (cls.office_b, "b")):
            for role in ROLES:
                cls.users[role, key] = cls._office_user(f"{role}_{key}", office, role)
        cls.office_a.office_manager_id = cls.users["manager", "a"]
        cls.office_b.office_manager_id = cls.users["manager", "b"]
        (cls.office_a | cls.office_b).action_sync_office_teams()
        offices = cls.hq | cls.office_a | cls.office_b
        cls.hq_finance = new_test_user(
            cls.env,
            login="hq_fin",
            groups="base.group_user,lighting_office.group_lighting_hq_finance",
            company_id=cls.hq.id,
            company_ids=[Command.set(offices.ids)],
        )
        cls.hq_management = new_test_user(
            cls.env,
            login="hq_mgmt",
            groups="base.group_user,lighting_office.group_lighting_hq_management",
            company_id=cls.hq.id,
            company_ids=[Command.set(offices.ids)],
        )
        cls.customer = cls.env["res.partner"].create({"name": "Customer of the offices", "is_company": True})
        cls.product = cls.env["product.product"].create(
            {"name": "LED downlight 12W", "list_price": 100.0, "type": "consu"}
        )

    @classmethod
    def _office_user(cls, login, office, role):
        return new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,lighting_office.group_lighting_{role}",
            company_id=office.id,
            company_ids=[Command.set(office.ids)],
        )

    @classmethod
    def _employees(cls, roles):
        """An employee for the user of each role in both offices, keyed like self.users."""
        return {
            (role, key): cls.env["hr.employee"].create(
                {
                    "name": f"Employee {role} {key}",
                    "user_id": cls.users[role, key].id,
                    "company_id": cls.users[role, key].company_id.id,
                }
            )
            for role in roles
            for key in ("a", "b")
        }

    @classmethod
    def _order(cls, office, salesperson, qty=10):
        return (
            cls.env["sale.order"]
            .with_user(salesperson)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "company_id": office.id,
                    "user_id": salesperson.id,
                    "order_line": [Command.create({"product_id": cls.product.id, "product_uom_qty": qty})],
                    **cls._contract_values(office),
                }
            )
        )

    @classmethod
    def _contract_values(cls, office=None):
        """R3.1.3: the payment terms, delivery date and contract terms a quotation needs for its review
        (the office's own contract terms when it has them)."""
        values = {
            "payment_term_id": cls.env.ref("account.account_payment_term_30days").id,
            "commitment_date": fields.Datetime.now() + timedelta(days=30),
        }
        if not (office and office.lighting_contract_terms):
            values["contract_terms"] = "<p>Warranty 3 years; acceptance on site.</p>"
        return values

    @classmethod
    def _overdue_invoice(cls, office, amount, days_overdue, today):
        """A posted customer invoice of the office's salesperson, due days_overdue days before today
        (negative: not due yet)."""
        due = today - timedelta(days=days_overdue)
        move = (
            cls.env["account.move"]
            .with_company(office)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": cls.customer.id,
                    "invoice_user_id": cls.users["sales", "a" if office == cls.office_a else "b"].id,
                    "invoice_date": due - timedelta(days=30),
                    "invoice_date_due": due,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "LED panels", "quantity": 1, "price_unit": amount, "tax_ids": [Command.clear()]}
                        )
                    ],
                }
            )
        )
        move.action_post()
        move.invoice_date_due = due
        return move

    @classmethod
    def _train_customer(cls, job):
        """R3.3.4: the job's customer trained, as its after-sales staff records it."""
        training = (
            cls.env["lighting.customer.training"]
            .with_user(job.user_id)
            .create(
                {
                    "name": "Operating the controls",
                    "install_job_id": job.id,
                    "partner_id": job.partner_id.id,
                    "company_id": job.company_id.id,
                    "attendee_ids": [Command.create({"partner_id": job.partner_id.id, "score": 90, "assessed": True})],
                }
            )
        )
        training.action_done()
        return training

    @classmethod
    def _approve(cls, order):
        """Request the review and let the order's office manager approve it."""
        order.request_validation()
        order.with_user(order.company_id.office_manager_id).validate_tier()

    @staticmethod
    def _office_moment(office, weekday, hour):
        """The last such weekday (relativedelta's MO…SU) at hour o'clock in the office's working
        calendar, as the naive UTC datetime Odoo stores."""
        day = fields.Date.today() + relativedelta(weekday=weekday(-1))
        local = pytz.timezone(office.resource_calendar_id.tz).localize(datetime.combine(day, time(hour)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @contextmanager
    def _at(self, moment):
        """The clock and the transaction's timestamp (which create_date takes) at moment."""
        with freeze_time(moment), patch.object(self.env.cr, "_now", moment):
            yield

    @contextmanager
    def assertRefused(self, exception, *fragments):
        """The operation raises `exception` (rolled back) whose message names every fragment."""
        with self.assertRaises(exception) as caught:
            yield
        for fragment in fragments:
            self.assertIn(fragment, str(caught.exception))
