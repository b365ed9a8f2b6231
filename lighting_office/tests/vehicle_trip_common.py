from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

from .common import LightingOfficeCase

# Bookings are approvable only before they start: they lie in June of next year.
TRIP_MONTH = datetime.combine(date.today() + relativedelta(years=1, month=6, day=1), time())


def trip_time(day, hour, minute=0):
    """A time on the given day of the bookings' month."""
    return TRIP_MONTH.replace(day=day, hour=hour, minute=minute)


class VehicleTripCase(LightingOfficeCase):
    """A Fleet vehicle in each office and employees for the role users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employees = cls._employees(("sales", "support", "manager"))
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "Wuling"})
        model = cls.env["fleet.vehicle.model"].create({"name": "Hongguang", "brand_id": brand.id})
        cls.van_a = cls.env["fleet.vehicle"].create(
            {"model_id": model.id, "license_plate": "沪A-12345", "company_id": cls.office_a.id}
        )
        cls.van_b = cls.env["fleet.vehicle"].create(
            {"model_id": model.id, "license_plate": "粤B-67890", "company_id": cls.office_b.id}
        )
        cls.env["fleet.vehicle.odometer"].create({"vehicle_id": cls.van_a.id, "value": 1000.0})
        cls.all_offices = (cls.hq | cls.office_a | cls.office_b).ids

    def _booking(self, start_hour, end_hour, role="sales", key="a", vehicle=None, day=1):
        return (
            self.env["lighting.vehicle.request"]
            .with_user(self.users[role, key])
            .create(
                {
                    "vehicle_id": (vehicle or self.van_a).id,
                    "employee_id": self.employees[role, key].id,
                    "company_id": self.users[role, key].company_id.id,
                    "purpose": "Site visit",
                    "destination": "Customer site",
                    "date_from": trip_time(day, start_hour),
                    "date_to": trip_time(day, end_hour),
                }
            )
        )

    def _approved_booking(self, start_hour, end_hour, **kwargs):
        booking = self._booking(start_hour, end_hour, **kwargs)
        booking.request_validation()
        booking.with_user(booking.company_id.office_manager_id).validate_tier()
        return booking
