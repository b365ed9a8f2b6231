from odoo.tests import HttpCase, tagged

from .risk_common import RiskCase


@tagged("post_install", "-at_install")
class TestRiskMatrixTour(RiskCase, HttpCase):
    def test_risk_matrix_tour(self):
        """R7.1.3: the office manager opens the risk matrix from the menu, sees the cell's count of
        the own office only, and drills into the cell to the risk."""
        self._risk(name="Distributor switches brand", likelihood=4, impact=5)
        self._risk(self.office_b, name="Risk of the other office", likelihood=4, impact=5)
        self.start_tour("/odoo", "lighting_office_risk_matrix", login=self.users["manager", "a"].login)
