from odoo.tests import HttpCase, tagged

from .common import LightingOfficeCase


@tagged("post_install", "-at_install")
class TestArchiveLoanTour(LightingOfficeCase, HttpCase):
    def test_loan_tour(self):
        """R6.2.3: in the browser the salesperson asks to borrow a file from the menu; the office manager
        approves it and hands it over."""
        archive_file = self.env["lighting.archive.file"].create(
            {
                "name": "Audit manual",
                "company_id": self.office_a.id,
                "location": "Cabinet 2",
                "class_id": self.env.ref("lighting_office.document_class_adm").id,
            }
        )
        self.start_tour("/odoo", "lighting_office_loan_request", login=self.users["sales", "a"].login)
        loan = self.env["lighting.archive.loan"].search([("file_id", "=", archive_file.id)])
        self.assertEqual((loan.borrower_id, loan.state), (self.users["sales", "a"], "draft"))
        self.assertEqual(loan.review_ids.reviewer_ids, self.users["manager", "a"])
        self.start_tour(
            f"/odoo/action-lighting_office.action_archive_loan/{loan.id}",
            "lighting_office_loan_hand_over",
            login=self.users["manager", "a"].login,
        )
        self.assertEqual(loan.state, "borrowed")
        self.assertEqual(archive_file.borrower_id, self.users["sales", "a"])
