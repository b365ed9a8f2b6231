from odoo import _, fields, models
from odoo.exceptions import UserError


class LightingFaq(models.Model):
    """An entry of the office's FAQ knowledge base, usually published from an
    answered consultation (R3.2.1)."""

    _name = "lighting.faq"
    _description = "FAQ Entry"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "category_id, name, id"

    name = fields.Char(string="Question", required=True, tracking=True)
    question_detail = fields.Html(string="Question Details")
    answer = fields.Html(string="Answer", required=True)
    category_id = fields.Many2one(
        "helpdesk.ticket.category", check_company=True, string="Category", index=True, tracking=True
    )
    product_id = fields.Many2one("product.product", check_company=True, string="Product")
    ticket_id = fields.Many2one(
        "helpdesk.ticket", check_company=True, string="Source Consultation", readonly=True, index=True
    )
    company_id = fields.Many2one("res.company", string="Office", required=True, index=True,
                                 default=lambda self: self.env.company)
    portal_published = fields.Boolean(string="Show on Portal", tracking=True,
                                      help="Customers see this entry on their portal.")
    state = fields.Selection([("draft", "Draft"), ("published", "Published"), ("withdrawn", "Withdrawn")],
                             default="draft", required=True, tracking=True)
    active = fields.Boolean(default=True)

    def action_publish(self):
        self.write({"state": "published"})

    def action_withdraw(self):
        self.write({"state": "withdrawn", "portal_published": False})

    def write(self, vals):
        if vals.get("portal_published"):
            for faq in self.filtered(lambda f: vals.get("state", f.state) != "published"):
                raise UserError(_("%(faq)s: only a published entry can be shown on the portal.", faq=faq.name))
        return super().write(vals)
