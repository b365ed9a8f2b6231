from odoo.tests import HttpCase, tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestLightingSolutionTour(LightingOfficeCase, HttpCase):
    """R3.2.2: opportunity -> solution -> review -> quotation, each step by its role in the browser."""

    def test_opportunity_to_quotation(self):
        """R3.2.2: sales start the solution, support designs and requests review, the manager approves, sales quote."""
        support, manager, sales = self.users["support", "a"], self.users["manager", "a"], self.users["sales", "a"]
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour mall",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "user_id": sales.id,
                "company_id": self.office_a.id,
                "team_id": self.office_a.office_sales_team_id.id,
            }
        )
        self.start_tour(
            f"/odoo/action-lighting_office.action_lighting_leads/{lead.id}",
            "lighting_office_solution_request",
            login=sales.login,
        )
        solution = lead.lighting_solution_ids
        self.assertEqual((solution.title, solution.company_id), ("Ground floor", self.office_a))
        self.start_tour(
            f"/odoo/action-lighting_office.action_lighting_solution/{solution.id}",
            "lighting_office_solution_design",
            login=support.login,
        )
        self.assertEqual((solution.version, solution.room_ids.calculated_count), (1, 11))
        self.assertEqual(solution.review_ids.reviewer_ids, manager)
        self.start_tour(
            f"/odoo/action-lighting_office.action_lighting_solution/{solution.id}",
            "lighting_office_solution_review",
            login=manager.login,
        )
        self.assertEqual(solution.validation_status, "validated")
        solution.room_ids.product_id = self.product
        solution.with_user(support).action_send()
        solution.with_user(sales).action_accept()
        self.start_tour(
            f"/odoo/action-lighting_office.action_lighting_solution/{solution.id}",
            "lighting_office_solution_quotation",
            login=sales.login,
        )
        self.assertEqual(solution.order_id.order_line.product_uom_qty, 11)
        self.assertEqual(solution.order_id.opportunity_id, lead)
