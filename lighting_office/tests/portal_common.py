from odoo import Command, fields, http
from odoo.tests import HttpCase

from .aftersales_common import AftersalesCase
from .common import LightingOfficeCase


def portal_user(env, login, partner):
    """A portal login of the partner; its password is the login followed by _pw."""
    return env["res.users"].create(
        {
            "name": partner.name,
            "login": login,
            "password": f"{login}_pw",
            "partner_id": partner.id,
            "groups_id": [Command.set([env.ref("base.group_portal").id])],
        }
    )


class PortalCase(AftersalesCase):
    """A portal login for a contact of the customer, and another customer with its own login."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.contact = Partner.create({"name": "Chen Jing", "parent_id": cls.customer.id, "email": "chen@example.com"})
        cls.portal_user = portal_user(cls.env, "cust_portal", cls.contact)
        cls.other_customer = Partner.create({"name": "Other Customer Ltd", "is_company": True})
        cls.other_contact = Partner.create({"name": "Liu Yang", "parent_id": cls.other_customer.id})
        cls.other_portal_user = portal_user(cls.env, "other_portal", cls.other_contact)

    def _login(self, user):
        self.authenticate(user.login, f"{user.login}_pw")

    def _post(self, url, **data):
        return self.url_open(url, data=dict(data, csrf_token=http.Request.csrf_token(self)))

    def _ship_back(self, ticket, arrival):
        """Return, repair, pass the test and ship the product back with carrier and tracking."""
        repair = self._returned(ticket).with_user(self.aftersales)
        self._repair_with_part(repair)
        self._test(repair, "passed")
        repair.action_repair_end()
        ticket.with_user(self.aftersales).action_ship_back()
        ticket.delivery_picking_id.write(
            {
                "lighting_carrier": "SF Express",
                "lighting_tracking_ref": "SF1234567890",
                "lighting_expected_arrival": arrival,
            }
        )
        self._validate(ticket.delivery_picking_id)
        return repair

    @classmethod
    def _training(cls, customer, attendees):
        return cls.env["lighting.customer.training"].create(
            {
                "name": f"DALI maintenance for {customer.name}",
                "partner_id": customer.id,
                "company_id": cls.office_a.id,
                "topic": "maintenance",
                "pass_mark": 70,
                "date": fields.Date.today(),
                "attendee_ids": [Command.create(values) for values in attendees],
            }
        )


class SatisfactionCase(LightingOfficeCase, HttpCase):
    """Two installation jobs of office A closed by after-sales: each sent its survey link."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aftersales = cls.users["aftersales", "a"]
        cls.job, cls.other_job = (cls._done_job() for _i in range(2))

    @classmethod
    def _done_job(cls):
        order = cls._order(cls.office_a, cls.users["sales", "a"])
        cls._approve(order)
        order.with_user(cls.users["sales", "a"]).action_confirm()
        job = order.install_job_ids.with_user(cls.aftersales)
        job.user_id = cls.aftersales
        handover = (
            cls.env["lighting.tech.handover"]
            .with_user(cls.users["support", "a"])
            .create({"install_job_id": job.id, "line_ids": [Command.create({"name": "Isolate the circuit"})]})
        )
        handover.action_hand_over()
        handover.with_user(cls.aftersales).action_acknowledge()
        job.action_start()
        job.safety_line_ids.write({"checked": True})
        cls._train_customer(job)
        job.action_done()
        return job

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)  # a visitor's session: the customer is not logged in

    def _url(self, job, token=None):
        return f"/lighting/satisfaction/{job.id}/{token or job.sudo().satisfaction_token}"
