from odoo import api, fields, models


class LightingInstallSafetyLine(models.Model):
    """One safety rule of an installation job, checked by the staff on site (R3.3.4)."""

    _name = "lighting.install.safety.line"
    _description = "Installation Safety Check"
    _check_company_auto = True
    _order = "sequence, id"

    job_id = fields.Many2one(
        "lighting.install.job", string="Installation Job", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True, precompute=True, string="Office")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Safety Rule", required=True)
    checked = fields.Boolean()
    checked_by_id = fields.Many2one("res.users", readonly=True)
    checked_date = fields.Datetime(string="Checked On", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("checked"):
                vals.update(checked_by_id=self.env.uid, checked_date=fields.Datetime.now())
        return super().create(vals_list)

    def write(self, vals):
        if "checked" in vals:
            vals = dict(
                vals,
                checked_by_id=self.env.uid if vals["checked"] else False,
                checked_date=fields.Datetime.now() if vals["checked"] else False,
            )
        return super().write(vals)
