from odoo import api, fields, models


class LightingRepairTest(models.Model):
    """The full test of a repaired product (R3.3.2): what was tested, the
    measured results, pass or fail, by whom and when."""

    _name = "lighting.repair.test"
    _description = "Repair Test"
    _check_company_auto = True
    _order = "test_date desc, id desc"

    repair_id = fields.Many2one("repair.order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="repair_id.company_id", store=True, string="Office")
    tests_done = fields.Text(required=True)
    measured_results = fields.Text(required=True)
    result = fields.Selection([("passed", "Passed"), ("failed", "Failed")], required=True)
    tester_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    test_date = fields.Datetime(string="Date", required=True, default=fields.Datetime.now)

    @api.model_create_multi
    def create(self, vals_list):
        tests = super().create(vals_list)
        for test in tests:
            test.repair_id._lighting_after_test(test)
        return tests
