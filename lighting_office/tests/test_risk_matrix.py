from odoo.tests import tagged

from .risk_common import RiskCase


@tagged("post_install", "-at_install")
class TestRiskMatrix(RiskCase):
    """R7.1.3: the 5 x 5 risk matrix, per office and across offices, and its report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.a_dealer = cls._risk(name="Dealer leaves", likelihood=4, impact=5)
        cls.a_price = cls._risk(name="Price war", likelihood=4, impact=5, category="financial")
        cls.a_label = cls._risk(name="Label expired", likelihood=1, impact=1, category="legal")
        cls._risk(name="Not yet assessed")
        cls._risk(name="Closed long ago", likelihood=4, impact=5, state="closed")
        cls.b_receivable = cls._risk(cls.office_b, name="Late payment", likelihood=4, impact=5)

    def _cell(self, matrix, likelihood, impact):
        row = next(r for r in matrix["rows"] if r["likelihood"] == likelihood)
        return next(c for c in row["cells"] if c["impact"] == impact)

    def _matrix(self, user, **filters):
        return self.Risk.with_user(user).get_risk_matrix(**filters)

    def test_office_sees_own_matrix(self):
        """R7.1.3: the office manager's matrix counts the office's open assessed risks by cell,
        each cell coloured by level; office B's risks are not counted."""
        matrix = self._matrix(self.users["manager", "a"])
        self.assertEqual([r["likelihood"] for r in matrix["rows"]], [5, 4, 3, 2, 1])
        self.assertEqual([i["value"] for i in matrix["impacts"]], [1, 2, 3, 4, 5])
        self.assertEqual(self._cell(matrix, 4, 5), {"likelihood": 4, "impact": 5, "count": 2, "level": "high"})
        self.assertEqual(self._cell(matrix, 1, 1)["count"], 1)
        self.assertEqual(self._cell(matrix, 1, 1)["level"], "low")
        self.assertEqual(self._cell(matrix, 2, 3), {"likelihood": 2, "impact": 3, "count": 0, "level": "medium"})
        self.assertEqual(matrix["total"], 3)
        self.assertEqual(self._matrix(self.users["sales", "a"])["total"], 3)

    def test_head_office_sees_every_office(self):
        """R7.1.3: HQ sees the matrix across offices and filters it by office and category."""
        for user in (self.hq_finance, self.hq_management):
            with self.subTest(user=user.login):
                matrix = self._matrix(user)
                self.assertEqual(self._cell(matrix, 4, 5)["count"], 3)
                self.assertEqual(matrix["total"], 4)
                self.assertEqual({o["id"] for o in matrix["offices"]} >= {self.office_a.id, self.office_b.id}, True)
        only_b = self._matrix(self.hq_management, company_ids=[self.office_b.id])
        self.assertEqual((only_b["total"], self._cell(only_b, 4, 5)["count"]), (1, 1))
        financial = self._matrix(self.hq_management, categories=["financial"])
        self.assertEqual((financial["total"], self._cell(financial, 4, 5)["count"]), (1, 1))

    def test_cell_takes_highest_level_of_its_risks(self):
        """R7.1.3: with offices' own thresholds, a cell shows the highest level of the risks it holds."""
        self.office_b.write({"risk_medium_threshold": 5, "risk_high_threshold": 21})
        self.assertEqual(self.b_receivable.level, "medium")
        self.assertEqual(self._cell(self._matrix(self.users["manager", "b"]), 4, 5)["level"], "medium")
        self.assertEqual(self._cell(self._matrix(self.hq_management), 4, 5)["level"], "high")

    def test_cell_drills_into_its_risks(self):
        """R7.1.3: a cell's domain finds exactly the risks it counts."""
        matrix = self._matrix(self.users["manager", "a"])
        domain = matrix["domain"] + [("likelihood", "=", 4), ("impact", "=", 5)]
        self.assertEqual(self.Risk.with_user(self.users["manager", "a"]).search(domain), self.a_dealer | self.a_price)

    def test_residual_matrix(self):
        """R7.1.3/R7.2: the residual matrix places the open risks by their assessment after the response
        actions, coloured by their residual level, and a cell's domain finds its risks; risks
        without a residual assessment are not counted there."""
        self.a_dealer.write({"residual_likelihood": 2, "residual_impact": 2})
        manager = self.users["manager", "a"]
        matrix = self._matrix(manager, residual=True)
        self.assertEqual(matrix["total"], 1)
        self.assertEqual(self._cell(matrix, 2, 2), {"likelihood": 2, "impact": 2, "count": 1, "level": "low"})
        self.assertEqual(self._cell(matrix, 4, 5)["count"], 0)
        domain = matrix["domain"] + [(matrix["likelihood_field"], "=", 2), (matrix["impact_field"], "=", 2)]
        self.assertEqual(self.Risk.with_user(manager).search(domain), self.a_dealer)
        self.assertEqual(self._cell(self._matrix(manager), 4, 5)["count"], 2)

    def test_matrix_is_one_grouped_query(self):
        """R7.1.3: the matrix costs the same few queries for 6 risks or 60: one grouped query for
        the cells, one for the scales, whatever the number of risks."""
        Risk = self.Risk.with_user(self.hq_management)
        Risk.get_risk_matrix()
        with self.assertQueryCount(2):
            Risk.get_risk_matrix()
        self.Risk.create(
            [
                {
                    "name": f"Bulk {i}",
                    "company_id": (self.office_a, self.office_b)[i % 2].id,
                    "category": "market",
                    "owner_id": self.users["manager", "a"].id,
                    "likelihood": i % 5 + 1,
                    "impact": i // 12 + 1,
                }
                for i in range(60)
            ]
        )
        self.env.flush_all()
        with self.assertQueryCount(2):
            matrix = Risk.get_risk_matrix()
        self.assertEqual(matrix["total"], 64)

    def test_report_prints_matrix_and_register(self):
        """R7.1.3: the PDF report for meetings renders the matrix and the register of the chosen risks."""
        risks = self.a_dealer | self.a_price | self.a_label | self.b_receivable
        html, _format = (
            self.env["ir.actions.report"]
            .with_user(self.hq_management)
            ._render_qweb_html("lighting_office.report_risk_register", risks.ids)
        )
        html = html.decode()
        for text in ("Risk Matrix", "Risk Register", "Dealer leaves", "Late payment", "Office B", "o_risk_level_high"):
            self.assertIn(text, html)
        self.assertNotIn("Not yet assessed", html)
        self.assertIn(">3</td>", html.replace("\n", "").replace(" ", ""))
