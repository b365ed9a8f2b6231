from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..approval_flows import flow_step


class LightingSolution(models.Model):
    """A version of the lighting solution (照明方案) of an opportunity (R3.2.2):
    site, requirements, budget and rooms with their luminaires; reviewed
    internally before it is sent, revised on the customer's feedback."""

    _name = "lighting.solution"
    _description = "Lighting Solution"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "tier.validation", "lighting.chinese.print.mixin"]
    _order = "lead_id, version desc, id desc"
    _state_from = ["draft"]
    _state_to = ["sent", "accepted"]
    _tier_validation_manual_config = False

    name = fields.Char(compute="_compute_name", store=True)
    title = fields.Char(required=True, tracking=True)
    lead_id = fields.Many2one(
        "crm.lead", check_company=True, string="Opportunity", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(related="lead_id.partner_id", string="Customer")
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one("res.users", string="Designer", default=lambda self: self.env.user, tracking=True)
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "lighting.solution", check_company=True, string="Revision Of", readonly=True, copy=False
    )
    site_description = fields.Text(string="Site")
    environment = fields.Selection(
        [("clean", "Clean"), ("normal", "Normal"), ("dirty", "Dusty or Humid")],
        default="normal",
    )
    uniformity = fields.Float(string="Uniformity (U0)", default=0.6)
    colour_temperature = fields.Integer(string="Colour Temperature (K)", default=4000)
    colour_rendering = fields.Integer(string="Colour Rendering (Ra)", default=80)
    budget = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    room_ids = fields.One2many("lighting.solution.room", "solution_id", string="Rooms", copy=True)
    flagged_room_count = fields.Integer(compute="_compute_flagged_room_count", string="Flagged Rooms")
    customer_feedback = fields.Text(tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("accepted", "Accepted"), ("revised", "Revised")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    order_id = fields.Many2one("sale.order", check_company=True, string="Quotation", readonly=True, copy=False)

    @api.depends("lead_id.name", "version")
    def _compute_name(self):
        for solution in self:
            solution.name = f"{solution.lead_id.name or ''} v{solution.version}"

    @api.depends("room_ids.misses_target", "room_ids.exceeds_limit")
    def _compute_flagged_room_count(self):
        for solution in self:
            solution.flagged_room_count = len(solution.room_ids.filtered(lambda r: r.misses_target or r.exceeds_limit))

    def _get_all_validation_exceptions(self):
        # After the review the customer's answer is still recorded.
        return super()._get_all_validation_exceptions() + ["customer_feedback", "order_id"]

    @flow_step
    def action_send(self):
        for solution in self.filtered(lambda s: s.state != "draft"):
            raise UserError(_("%(solution)s: only a draft can be sent.", solution=solution.name))
        self.write({"state": "sent"})

    @flow_step
    def action_accept(self):
        for solution in self.filtered(lambda s: s.state != "sent"):
            raise UserError(_("%(solution)s: only a sent solution can be accepted.", solution=solution.name))
        self.write({"state": "accepted"})

    @flow_step
    def action_revise(self):
        """The customer's feedback makes the next version; this one stays as history."""
        self.ensure_one()
        if self.state != "sent":
            raise UserError(_("%(solution)s: only a sent solution can be revised.", solution=self.name))
        latest = max(self.lead_id.lighting_solution_ids.mapped("version"))
        revision = self.copy({"version": latest + 1, "previous_id": self.id})
        self.write({"state": "revised"})
        return revision._open_form()

    def action_create_quotation(self):
        """The accepted version fills the quotation's lines from its luminaires."""
        self.ensure_one()
        if self.state != "accepted":
            raise UserError(_("%(solution)s: only the accepted version makes the quotation.", solution=self.name))
        if not self.order_id:
            self.order_id = self.env["sale.order"].create(
                {
                    "partner_id": self.lead_id.partner_id.id,
                    "opportunity_id": self.lead_id.id,
                    "company_id": self.company_id.id,
                    "origin": self.name,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": quantity})
                        for product, quantity in self._luminaire_quantities().items()
                    ],
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.order_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _luminaire_quantities(self):
        quantities = {}
        for room in self.room_ids.filtered("product_id"):
            quantities[room.product_id] = quantities.get(room.product_id, 0) + room.luminaire_count
        return quantities

    def _open_form(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "lighting.solution",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_print(self):
        return self.env.ref("lighting_office.action_report_lighting_solution").report_action(self)
