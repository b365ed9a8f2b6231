from odoo.tests import HttpCase, tagged

from .risk_common import RiskCase


@tagged("post_install", "-at_install")
class TestRiskMatrixTour(RiskCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._risk(name="Distributor switches brand", likelihood=4, impact=5, residual_likelihood=2, residual_impact=2)
        cls._risk(cls.office_b, name="Risk of the other office", likelihood=4, impact=5)

    def test_risk_matrix_tour(self):
        """R7.1.3: the office manager opens the risk matrix from the menu, sees the cell's count of
        the own office only, drills into the cell to the risk, and finds it in the residual matrix
        where its residual assessment puts it (R7.2)."""
        self.start_tour("/odoo", "lighting_office_risk_matrix", login=self.users["manager", "a"].login)


@tagged("post_install", "-at_install")
class TestRiskMatrixTourPhone(TestRiskMatrixTour):
    browser_size = "375x667"
    touch_enabled = True

    def test_risk_matrix_tour(self):
        """R7.1.3 on a phone: the office manager taps a cell of the matrix and opens its risk."""
        self.start_tour(
            "/odoo/action-lighting_office.action_risk_matrix",
            "lighting_office_risk_matrix_mobile",
            login=self.users["manager", "a"].login,
        )
