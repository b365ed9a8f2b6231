from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class LightingCustomerTraining(models.Model):
    """Technical training of the customer's people: principles, operation,
    maintenance, on site or online, with an assessment (R3.1.5, R3.2.4)."""

    _name = "lighting.customer.training"
    _description = "Customer Training"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "lighting.chinese.print.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    install_job_id = fields.Many2one("lighting.install.job", check_company=True, string="Installation Job", index=True)
    sale_order_id = fields.Many2one(related="install_job_id.sale_order_id", store=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, default=lambda self: self.env.company, index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    trainer_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    topic = fields.Selection(
        [("principles", "Lighting Principles"), ("operation", "Operation"), ("maintenance", "Maintenance")],
        default="operation",
        required=True,
        tracking=True,
    )
    mode = fields.Selection([("on_site", "On Site"), ("online", "Online")], default="on_site", required=True)
    attendee_ids = fields.One2many("lighting.customer.training.attendee", "training_id", string="Attendees")
    pass_mark = fields.Float(default=60.0, tracking=True, help="Attendees scoring below it must retake the assessment.")
    content = fields.Html(help="Principles, operation, maintenance covered.")
    state = fields.Selection([("planned", "Planned"), ("done", "Done")], default="planned", tracking=True)
    attendee_count = fields.Integer(compute="_compute_results", string="Attendees Count")
    passed_count = fields.Integer(compute="_compute_results", string="Passed")
    retake_count = fields.Integer(compute="_compute_results", string="To Retake")

    @api.depends("attendee_ids.passed", "attendee_ids.retake_needed")
    def _compute_results(self):
        for training in self:
            attendees = training.attendee_ids
            training.attendee_count = len(attendees)
            training.passed_count = len(attendees.filtered("passed"))
            training.retake_count = len(attendees.filtered("retake_needed"))

    @api.constrains("pass_mark")
    def _check_pass_mark(self):
        for training in self.filtered(lambda t: not 0 <= t.pass_mark <= 100):
            raise ValidationError(_("%(training)s: the Pass Mark must be between 0 and 100.", training=training.name))

    def action_done(self):
        for training in self.filtered(lambda t: not t.attendee_ids):
            raise UserError(_("%(training)s: add the attendees before closing the training.", training=training.name))
        self.write({"state": "done"})

    def action_print_sheet(self):
        return self.env.ref("lighting_office.action_report_customer_training").report_action(self)

    def _get_report_base_filename(self):
        """The name of the result sheet downloaded from the portal (R3.2.4)."""
        self.ensure_one()
        return _("Training - %(name)s", name=self.name)
