from odoo import fields, models


class LightingCustomerTraining(models.Model):
    """Training given to the customer after installation (R3.1.5, R3.2.4)."""

    _name = "lighting.customer.training"
    _description = "Customer Training"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    install_job_id = fields.Many2one("lighting.install.job", string="Installation Job", index=True)
    sale_order_id = fields.Many2one(related="install_job_id.sale_order_id", store=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, default=lambda self: self.env.company, index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    trainer_id = fields.Many2one("res.users", string="Trainer", default=lambda self: self.env.user)
    mode = fields.Selection([("on_site", "On Site"), ("online", "Online")], default="on_site", required=True)
    attendees = fields.Text(help="Names of the customer's people trained.")
    content = fields.Html(string="Content", help="Principles, operation, maintenance covered.")
    state = fields.Selection([("planned", "Planned"), ("done", "Done")], default="planned", tracking=True)

    def action_done(self):
        self.write({"state": "done"})
