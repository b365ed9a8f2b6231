from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestOfficeScorecardTour(LightingOfficeCase, HttpCase):
    def _records(self):
        self.customer.name = "Scorecard customer"
        order = self._order(self.office_a, self.users["sales", "a"])
        self._approve(order)
        order.with_user(self.users["sales", "a"]).action_confirm()
        start = fields.Datetime.now() - timedelta(hours=1)
        meetings = self.env["lighting.meeting"].create(
            [
                {"name": name, "company_id": self.office_a.id, "date_start": start}
                for name in ("Weekly with minutes", "Weekly without minutes")
            ]
        )
        self.env.flush_all()
        # The meeting flow is proven in test_meetings; the tour needs one with minutes sent.
        self.env.cr.execute("UPDATE lighting_meeting SET state = 'done' WHERE id = %s", [meetings[0].id])
        self.env["lighting.office.scorecard"]._refresh_office_figures()
        # HQ works with every office ticked in the company switcher.
        return "-".join(str(cid) for cid in (self.hq | self.office_a | self.office_b).ids)

    def test_office_scorecard_tour(self):
        """R1.3, R3.1.6, R6.3 (issue 18): HQ Management opens the scorecard, reaches an office's orders from its sales
        figure, opens the compliance view's offending meetings and the ranking."""
        cids = self._records()
        self.start_tour(f"/odoo?cids={cids}", "lighting_office_scorecard", login=self.hq_management.login)


@tagged("post_install", "-at_install")
class TestOfficeScorecardTourMobile(TestOfficeScorecardTour):
    browser_size = "375x667"
    touch_enabled = True

    def test_office_scorecard_tour(self):
        """R1.3, R6.3 (issue 18): on a phone, HQ Management opens an office's orders from the scorecard and the
        offending meetings from the compliance view."""
        cids = self._records()
        for action, tour in (
            ("action_office_scorecard", "lighting_office_scorecard_mobile"),
            ("action_office_compliance", "lighting_office_compliance_mobile"),
        ):
            self.start_tour(
                f"/odoo/action-lighting_office.{action}?view_type=list&cids={cids}",
                tour,
                login=self.hq_management.login,
            )
