from odoo import fields, models


class LightingRepairStep(models.Model):
    """One step taken on a repair, with who did it and when (R3.3.2 traceability)."""

    _name = "lighting.repair.step"
    _description = "Repair Step"
    _check_company_auto = True
    _order = "step_date, id"

    repair_id = fields.Many2one("repair.order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="repair_id.company_id", store=True, string="Office")
    step_date = fields.Datetime(string="Date", required=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Done By", required=True, default=lambda self: self.env.user)
    description = fields.Text(string="Step", required=True)
