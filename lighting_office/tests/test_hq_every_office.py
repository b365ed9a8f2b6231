from odoo.tests import HttpCase, tagged

from .risk_common import RiskCase


@tagged("post_install", "-at_install")
class TestHeadOfficeStartsInEveryOffice(RiskCase, HttpCase):
    """R1.2: head office works across offices from its first login, without ticking them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._risk(name="Risk of office A", likelihood=2, impact=2)
        cls._risk(cls.office_b, name="Risk of office B", likelihood=3, impact=3)

    def _cids_cookie(self, login, cookie=None):
        self.authenticate(login, login)
        if cookie:
            self.opener.cookies.set("cids", cookie, domain="127.0.0.1", path="/")
        response = self.url_open("/odoo")
        self.assertEqual(response.status_code, 200)
        return response.cookies.get("cids")

    def test_session_activates_every_office_for_hq(self):
        """R1.2: HQ Management and HQ Finance start with head office and every office active; office staff
        with their office; a choice already made in the switcher is kept."""
        every = "-".join(str(cid) for cid in (self.hq | self.office_a | self.office_b).ids)
        self.assertEqual(self._cids_cookie(self.hq_management.login), every)
        self.assertEqual(self._cids_cookie(self.hq_finance.login), every)
        self.assertIsNone(self._cids_cookie(self.users["manager", "a"].login))
        self.assertIsNone(self._cids_cookie(self.hq_management.login, cookie=str(self.office_b.id)))

    def test_hq_register_shows_every_office(self):
        """R1.2/R7.1.1: HQ Management opens the risk register on first login and sees both offices' risks,
        grouped by office, with both offices ticked in the switcher."""
        self.start_tour(
            "/odoo/action-lighting_office.action_risk",
            "lighting_office_hq_every_office",
            login=self.hq_management.login,
        )
