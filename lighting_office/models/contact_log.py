from odoo import api, fields, models


class LightingContactLog(models.Model):
    """One contact with a prospect: by phone, mail or visit (R3.1.2)."""

    _name = "lighting.contact.log"
    _description = "Prospect Contact"
    _check_company_auto = True
    _order = "date desc, id desc"

    lead_id = fields.Many2one("crm.lead", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="lead_id.company_id", store=True, string="Office")
    date = fields.Date(required=True, default=fields.Date.context_today)
    channel = fields.Selection(
        [("phone", "Phone"), ("mail", "Mail"), ("visit", "Visit")], required=True, default="phone"
    )
    summary = fields.Text(required=True)
    next_step = fields.Char()
    user_id = fields.Many2one("res.users", string="By", default=lambda self: self.env.user)

    @api.model_create_multi
    def create(self, vals_list):
        logs = super().create(vals_list)
        logs.lead_id._plan_next_followup()
        return logs
