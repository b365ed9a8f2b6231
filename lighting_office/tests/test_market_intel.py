from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestMarketIntel(LightingOfficeCase):
    """R3.1.1: the market-intelligence register kept by sales and reviewed by the manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.competitor = cls.env["res.partner"].create({"name": "Rival Lighting", "is_competitor": True})
        cls.Intel = cls.env["lighting.market.intel"]

    def _intel(self, user, **values):
        return self.Intel.with_user(user).create(
            {
                "name": "Rival cuts panel prices",
                "intel_type": "competitor",
                "source": "Trade magazine",
                "competitor_id": self.competitor.id,
                **values,
            }
        )

    def test_sales_record_and_manager_reviews(self):
        """R3.1.1: a salesperson submits an entry; the office manager gets the review and marks it reviewed."""
        intel = self._intel(self.users["sales", "a"])
        self.assertEqual(intel.company_id, self.office_a)
        intel.action_submit()
        activity = intel.activity_ids
        self.assertEqual(activity.user_id, self.users["manager", "a"])
        with self.assertRefused(AccessError, intel.name, "office manager"):
            intel.with_user(self.users["sales", "a"]).action_mark_reviewed()
        intel.with_user(self.users["manager", "a"]).action_mark_reviewed()
        self.assertEqual(intel.state, "reviewed")
        self.assertFalse(intel.activity_ids)

    def test_event_goes_to_calendar(self):
        """R3.1.1: a trade show carries date and place and is put in the calendar."""
        start = datetime.combine(date.today() + timedelta(days=30), time(9))
        intel = self._intel(
            self.users["sales", "a"],
            intel_type="event",
            name="Guangzhou Lighting Fair",
            event_start=start,
            event_place="Canton Fair Complex",
        )
        intel.with_user(self.users["sales", "a"]).action_add_to_calendar()
        self.assertEqual(intel.calendar_event_id.start, start)
        self.assertEqual(intel.calendar_event_id.location, "Canton Fair Complex")

    def test_event_without_place_refused(self):
        """R3.1.1: a trade show without its place is refused, naming the entry and the field."""
        with self.assertRefused(ValidationError, "Fair without place", "Event Place"):
            self._intel(
                self.users["sales", "a"],
                intel_type="event",
                name="Fair without place",
                event_start=datetime.combine(date.today() + timedelta(days=30), time(9)),
            )

    def test_leads_link_back(self):
        """R3.1.1/R3.1.2: the leads an entry produced link back to it and are counted."""
        intel = self._intel(self.users["sales", "a"])
        self.env["crm.lead"].with_user(self.users["sales", "a"]).create(
            {"name": "Mall retrofit", "market_intel_id": intel.id, "type": "opportunity"}
        )
        self.assertEqual(intel.lead_count, 1)
        self.assertEqual(intel.lead_ids.market_intel_id, intel)

    def test_analysis_by_type_month_competitor(self):
        """R3.1.1: the manager analyses entries by type, month and competitor (pivot)."""
        month = date.today() - relativedelta(months=2)
        self._intel(self.users["sales", "a"], date=month.replace(day=5))
        self._intel(self.users["sales", "a"], date=month.replace(day=20), intel_type="trend", competitor_id=False)
        groups = self.Intel.with_user(self.users["manager", "a"])._read_group(
            [("company_id", "=", self.office_a.id)], ["intel_type", "date:month", "competitor_id"], ["__count"]
        )
        self.assertEqual(len(groups), 2)

    def test_offices_apart(self):
        """R3.1.1/R1.2: office B does not see office A's intelligence; HQ does; support only reads."""
        intel = self._intel(self.users["sales", "a"])
        with self.assertRaises(AccessError):
            intel.with_user(self.users["sales", "b"]).read(["name"])
        self.assertEqual(intel.with_user(self.hq_management).read(["name"])[0]["name"], intel.name)
        intel.with_user(self.users["support", "a"]).read(["name"])
        with self.assertRaises(AccessError):
            intel.with_user(self.users["support", "a"]).write({"name": "changed"})
