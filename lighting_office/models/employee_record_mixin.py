from odoo import api, fields, models


class LightingEmployeeRecordMixin(models.AbstractModel):
    """A record about one employee that belongs to the employee's office (R5)."""

    _name = "lighting.employee.record.mixin"
    _description = "Employee Record of an Office"

    employee_id = fields.Many2one("hr.employee", check_company=True, required=True, tracking=True, index=True)
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )

    @api.depends("employee_id")
    def _compute_company_id(self):
        for record in self:
            record.company_id = record.employee_id.company_id or record.company_id or self.env.company
