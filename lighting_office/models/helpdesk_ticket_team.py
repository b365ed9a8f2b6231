from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    lighting_team_role = fields.Selection(
        [("support", "Technical Support"), ("aftersales", "After-sales")],
        string="Office Team Role",
        help="Which of the office's service teams this is: technical support "
        "answers consultations, after-sales handles feedback and repairs.",
    )
