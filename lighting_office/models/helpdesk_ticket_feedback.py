from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

SEVERITIES = [("minor", "Minor"), ("major", "Major"), ("critical", "Critical")]


class HelpdeskTicket(models.Model):
    """Customer feedback on the office's after-sales team (R3.3.1): nature,
    severity with its targets, the first judgement and the decision to serve
    on site or take the product back for repair (R3.3.2) and ship it back (R3.3.3)."""

    _inherit = "helpdesk.ticket"

    lighting_team_role = fields.Selection(related="team_id.lighting_team_role", store=True, string="Team Role")
    lot_id = fields.Many2one(
        "stock.lot", string="Serial Number", tracking=True, index=True,
        domain="[('product_id', '=?', product_id)]",
    )
    feedback_nature = fields.Selection(
        [("quality", "Quality Defect"), ("installation", "Installation"), ("use", "Use"), ("other", "Other")],
        string="Nature", tracking=True,
    )
    severity = fields.Selection(SEVERITIES, string="Severity", tracking=True)
    first_judgement = fields.Text(string="First Judgement", tracking=True)
    service_decision = fields.Selection(
        [("on_site", "On-site Service"), ("return", "Return to the Company")],
        string="Decision", tracking=True, copy=False,
    )
    visit_date = fields.Datetime(string="Visit Date", tracking=True)
    visit_user_id = fields.Many2one(
        "res.users", string="Visiting Staff", tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    return_picking_id = fields.Many2one("stock.picking", string="Return Receipt", readonly=True, copy=False)
    delivery_picking_id = fields.Many2one("stock.picking", string="Delivery Back", readonly=True, copy=False)
    repair_ids = fields.One2many("repair.order", "lighting_ticket_id", string="Repairs")
    repair_count = fields.Integer(compute="_compute_repair_count", string="Repair Count")
    product_whereabouts = fields.Selection(
        [
            ("customer", "At the Customer"),
            ("returning", "On the Way to Us"),
            ("received", "Received"),
            ("repair", "Under Repair"),
            ("tested", "Repaired and Tested"),
            ("shipped", "Shipped Back"),
            ("delivered", "Back at the Customer"),
        ],
        string="Product Location", compute="_compute_product_whereabouts",
        help="Where the customer's product is now, from the return, repair and delivery.",
    )

    @api.depends("repair_ids")
    def _compute_repair_count(self):
        # sudo: only the number of the ticket's own repairs; technical support, who share the ticket
        # form but not repairs, must still open their consultations.
        counts = dict(self.env["repair.order"].sudo()._read_group(
            [("lighting_ticket_id", "in", self.ids)], ["lighting_ticket_id"], ["__count"]))
        for ticket in self:
            ticket.repair_count = counts.get(ticket, 0)

    @api.depends("return_picking_id.state", "repair_ids.state", "repair_ids.lighting_test_state",
                 "delivery_picking_id.state", "delivery_picking_id.lighting_expected_arrival")
    def _compute_product_whereabouts(self):
        today = fields.Date.context_today(self)
        # sudo: only the stage of the ticket's own return, repair and delivery is shown, to users
        # (sales, technical support) who may read the ticket but not stock transfers or repairs.
        for ticket in self.sudo():
            repair = ticket.repair_ids[:1]
            delivery = ticket.delivery_picking_id
            if delivery.state == "done":
                arrival = delivery.lighting_expected_arrival
                ticket.product_whereabouts = "delivered" if arrival and arrival <= today else "shipped"
            elif repair.state == "done":
                ticket.product_whereabouts = "tested"
            elif repair.state == "under_repair":
                ticket.product_whereabouts = "repair"
            elif ticket.return_picking_id.state == "done":
                ticket.product_whereabouts = "received"
            elif ticket.return_picking_id:
                ticket.product_whereabouts = "returning"
            else:
                ticket.product_whereabouts = "customer"

    @api.depends("create_date", "category_id.lighting_response_target_hours",
                 "category_id.lighting_resolution_target_hours", "severity", "company_id")
    def _compute_deadlines(self):
        """After-sales feedback is measured against the office's targets for its severity."""
        feedback = self.filtered("severity")
        super(HelpdeskTicket, self - feedback)._compute_deadlines()
        for ticket in feedback:
            start = ticket.create_date or fields.Datetime.now()
            response, resolution = ticket.company_id._lighting_severity_targets(ticket.severity)
            ticket.response_deadline = start + timedelta(hours=response)
            ticket.resolution_deadline = start + timedelta(hours=resolution)

    def _check_decision_inputs(self, decision):
        for ticket in self:
            if ticket.lighting_team_role != "aftersales":
                raise UserError(_("%(ticket)s: only feedback of an after-sales team gets a service decision.",
                                  ticket=ticket.display_name))
            if not ticket.first_judgement:
                raise UserError(_("%(ticket)s: record the First Judgement before deciding.",
                                  ticket=ticket.display_name))
            if ticket.service_decision:
                raise UserError(_("%(ticket)s: the decision was already taken.", ticket=ticket.display_name))
            if decision == "on_site" and not (ticket.visit_date and ticket.visit_user_id):
                raise UserError(_("%(ticket)s: an on-site service needs the Visit Date and the Visiting Staff.",
                                  ticket=ticket.display_name))
            if decision == "return" and not (ticket.product_id and ticket.partner_id):
                raise UserError(_("%(ticket)s: a return needs the Customer and the Product.",
                                  ticket=ticket.display_name))
            if decision == "return" and ticket.product_id.tracking != "none" and not ticket.lot_id:
                raise UserError(_("%(ticket)s: the product is tracked; set its Serial Number.",
                                  ticket=ticket.display_name))

    def action_decide_on_site(self):
        """R3.3.1: serve the customer on site; the visiting staff gets a to-do on the visit date."""
        self._check_decision_inputs("on_site")
        for ticket in self:
            ticket.service_decision = "on_site"
            ticket.activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=ticket.visit_date.date(),
                summary=_("On-site service visit"), user_id=ticket.visit_user_id.id)

    def action_decide_return(self):
        """R3.3.1: take the product back: the inbound return and the repair order, both linked to the ticket."""
        self._check_decision_inputs("return")
        for ticket in self:
            warehouse = ticket.company_id._lighting_warehouse()
            ticket.return_picking_id = ticket._create_picking(
                warehouse.in_type_id, ticket.partner_id.property_stock_customer, warehouse.lot_stock_id)
            self.env["repair.order"].create({
                "lighting_ticket_id": ticket.id,
                "company_id": ticket.company_id.id,
                "picking_type_id": warehouse.repair_type_id.id,
                "partner_id": ticket.partner_id.id,
                "product_id": ticket.product_id.id,
                "lot_id": ticket.lot_id.id,
                "internal_notes": ticket.first_judgement,
            })
            ticket.service_decision = "return"
        return self.action_view_repairs()

    def action_ship_back(self):
        """R3.3.3: the delivery back to the customer, once the repair passed its test."""
        self.ensure_one()
        if self.repair_ids.filtered(lambda repair: repair.state != "done") or not self.repair_ids:
            raise UserError(_("%(ticket)s: the product ships back once its repair is finished and tested.",
                              ticket=self.display_name))
        if not self.delivery_picking_id:
            warehouse = self.company_id._lighting_warehouse()
            self.delivery_picking_id = self._create_picking(
                warehouse.out_type_id, warehouse.lot_stock_id, self.partner_id.property_stock_customer)
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": self.delivery_picking_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _create_picking(self, picking_type, source, destination):
        """A confirmed transfer of the ticket's product (and serial number) between two locations."""
        self.ensure_one()
        picking = self.env["stock.picking"].create({
            "picking_type_id": picking_type.id,
            "partner_id": self.partner_id.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "origin": self.number,
            "lighting_ticket_id": self.id,
            "company_id": self.company_id.id,
            "move_ids": [Command.create({
                "name": self.product_id.display_name,
                "product_id": self.product_id.id,
                "product_uom_qty": 1,
                "product_uom": self.product_id.uom_id.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "company_id": self.company_id.id,
            })],
        })
        picking.action_confirm()
        # The customer's own unit travels, whatever else stock would reserve.
        move = picking.move_ids
        move.move_line_ids.unlink()
        self.env["stock.move.line"].create({
            "move_id": move.id, "picking_id": picking.id, "product_id": self.product_id.id,
            "lot_id": self.lot_id.id, "quantity": 1, "product_uom_id": self.product_id.uom_id.id,
            "location_id": source.id, "location_dest_id": destination.id, "company_id": self.company_id.id,
        })
        return picking

    def action_view_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("repair.action_repair_order_tree")
        action.update(domain=[("lighting_ticket_id", "=", self.id)], context={"create": False})
        if len(self.repair_ids) == 1:
            action.update(view_mode="form", views=[(False, "form")], res_id=self.repair_ids.id)
        return action

    def action_view_return(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": self.return_picking_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
