from datetime import timedelta

from odoo import fields

from .common import LightingOfficeCase


class RiskCase(LightingOfficeCase):
    """The two offices of LightingOfficeCase and a way to record their risks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Risk = cls.env["lighting.risk"]

    @classmethod
    def _risk(cls, office=None, **values):
        office = office or cls.office_a
        return cls.Risk.create(
            {
                "name": "Price war",
                "company_id": office.id,
                "category": "market",
                "owner_id": office.office_manager_id.id,
                **values,
            }
        )

    @classmethod
    def _action(cls, risk, owner, **values):
        return cls.env["lighting.risk.action"].create(
            {
                "name": "Sign price protection",
                "risk_id": risk.id,
                "owner_id": owner.id,
                "date_deadline": fields.Date.today() + timedelta(days=365),
                **values,
            }
        )
