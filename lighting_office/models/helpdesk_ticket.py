import re

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

# Changing one of these applies the SLAs that fit the ticket now, counted from its creation.
SLA_CRITERIA = {"team_id", "category_id", "tag_ids", "severity"}
SEVERITIES = [("minor", "Minor"), ("major", "Major"), ("critical", "Critical")]


def _hours_between(start, end):
    return (end - start).total_seconds() / 3600.0 if start and end else 0.0


class HelpdeskTicket(models.Model):
    """A consultation of the office's technical-support team (R3.2.1): channel,
    category, product, measured response and resolution times, and its answer
    that can become a FAQ entry. Customer feedback on the after-sales team
    (R3.3.1): nature, severity with its targets, the first judgement and the
    decision to serve on site or take the product back for repair (R3.3.2) and
    ship it back (R3.3.3)."""

    _inherit = "helpdesk.ticket"

    product_id = fields.Many2one("product.product", tracking=True)
    answer = fields.Html(help="The technical answer given to the customer.")
    first_response_date = fields.Datetime(string="First Response", copy=False, readonly=True)
    response_deadline = fields.Datetime(compute="_compute_deadlines", store=True)
    resolution_deadline = fields.Datetime(compute="_compute_deadlines", store=True)
    response_hours = fields.Float(
        string="Response Time (h)", compute="_compute_measured_hours", store=True, aggregator="avg"
    )
    resolution_hours = fields.Float(
        string="Resolution Time (h)", compute="_compute_measured_hours", store=True, aggregator="avg"
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="Answered or closed after its SLA deadline, or still open past it.",
    )
    response_late_measured = fields.Boolean(compute="_compute_late_measured", store=True)
    resolution_late_measured = fields.Boolean(compute="_compute_late_measured", store=True)
    faq_id = fields.Many2one("lighting.faq", string="FAQ Entry", copy=False, readonly=True)
    faq_suggestion_ids = fields.Many2many("lighting.faq", string="Matching FAQ", compute="_compute_faq_suggestions")

    lighting_team_role = fields.Selection(related="team_id.lighting_team_role", store=True, string="Team Role")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        tracking=True,
        index=True,
        domain="[('product_id', '=?', product_id)]",
    )
    feedback_nature = fields.Selection(
        [("quality", "Quality Defect"), ("installation", "Installation"), ("use", "Use"), ("other", "Other")],
        string="Nature",
        tracking=True,
    )
    severity = fields.Selection(SEVERITIES, tracking=True)
    first_judgement = fields.Text(tracking=True)
    service_decision = fields.Selection(
        [("on_site", "On-site Service"), ("return", "Return to the Company")],
        string="Decision",
        tracking=True,
        copy=False,
    )
    visit_date = fields.Datetime(tracking=True)
    visit_user_id = fields.Many2one(
        "res.users",
        string="Visiting Staff",
        tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    return_picking_id = fields.Many2one("stock.picking", string="Return Receipt", readonly=True, copy=False)
    delivery_picking_id = fields.Many2one("stock.picking", string="Delivery Back", readonly=True, copy=False)
    repair_ids = fields.One2many("repair.order", "lighting_ticket_id", string="Repairs")
    repair_count = fields.Integer(compute="_compute_repair_count")
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
        string="Product Location",
        compute="_compute_product_whereabouts",
        help="Where the customer's product is now, from the return, repair and delivery.",
    )
    lighting_arrival_overdue = fields.Boolean(
        related="delivery_picking_id.lighting_arrival_overdue", string="Arrival Overdue"
    )

    @api.depends("ticket_sla_ids.deadline", "ticket_sla_ids.state")
    def _compute_deadlines(self):
        """R3.2.1, R3.3.1: the deadlines of the ticket's SLAs (helpdesk_mgmt_sla), fixed when they were
        applied; none while the ticket waits in a paused stage."""
        for ticket in self:
            running = ticket.ticket_sla_ids.filtered(lambda line: line.state != "on_hold")
            for target in ("response", "resolution"):
                deadlines = running.filtered(lambda line, t=target: line.sla_id.lighting_target == t).mapped("deadline")
                ticket[f"{target}_deadline"] = min(deadlines, default=False)

    def _get_sla_ticket_domain(self):
        return super()._get_sla_ticket_domain() + [("lighting_severity", "in", [False, self.severity])]

    def write(self, vals):
        res = super().write(vals)
        if SLA_CRITERIA & set(vals):
            self.refresh_sla()
        if vals.get("first_response_date"):
            self.ticket_sla_ids._lighting_close_response()
        return res

    def refresh_sla(self):
        """Keep the SLAs that still fit the ticket (their deadlines stay), apply the ones that now fit.
        helpdesk_mgmt_sla's "Set SLA" does the same for one ticket, but drops lines with the user's
        rights, which staff lack; so it is replaced, not extended."""
        for ticket in self:
            slas = ticket._get_sla() if ticket.team_sla else self.env["helpdesk.sla"]
            stale = ticket.ticket_sla_ids.filtered(lambda line, slas=slas: line.sla_id not in slas)
            kept = (ticket.ticket_sla_ids - stale).sla_id
            # sudo: helpdesk_mgmt_sla lets only who may delete the ticket drop its SLA lines; dropping those
            # that no longer fit is the bookkeeping of a change the user was allowed to write.
            stale.sudo().unlink()
            self.env["helpdesk.ticket.sla"].create([{"ticket_id": ticket.id, "sla_id": sla.id} for sla in slas - kept])

    @api.depends("create_date", "first_response_date", "closed_date")
    def _compute_measured_hours(self):
        for ticket in self:
            ticket.response_hours = _hours_between(ticket.create_date, ticket.first_response_date)
            ticket.resolution_hours = _hours_between(ticket.create_date, ticket.closed_date)

    @api.depends("first_response_date", "closed_date", "response_deadline", "resolution_deadline")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for ticket in self:
            responded = ticket.first_response_date or now
            closed = ticket.closed_date or now
            ticket.is_late = bool(
                (ticket.response_deadline and responded > ticket.response_deadline)
                or (ticket.resolution_deadline and closed > ticket.resolution_deadline)
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on Late."))
        now = fields.Datetime.now()
        late = [
            "|",
            "|",
            "|",
            "&",
            ("first_response_date", "=", False),
            ("response_deadline", "<", now),
            "&",
            ("closed_date", "=", False),
            ("resolution_deadline", "<", now),
            ("response_late_measured", "=", True),
            ("resolution_late_measured", "=", True),
        ]
        late_ids = self._search(late)
        wanted = (operator == "=") == value
        return [("id", "in" if wanted else "not in", late_ids)]

    @api.depends("first_response_date", "closed_date", "response_deadline", "resolution_deadline")
    def _compute_late_measured(self):
        for ticket in self:
            ticket.response_late_measured = bool(
                ticket.first_response_date
                and ticket.response_deadline
                and ticket.first_response_date > ticket.response_deadline
            )
            ticket.resolution_late_measured = bool(
                ticket.closed_date and ticket.resolution_deadline and ticket.closed_date > ticket.resolution_deadline
            )

    @api.depends("name", "category_id")
    def _compute_faq_suggestions(self):
        """Published FAQ entries of the ticket's category or sharing words with its title, best first."""
        faqs = self.env["lighting.faq"].search([("state", "=", "published")])
        for ticket in self:
            words = {w.lower() for w in re.split(r"[\s,.;:!?，。；：！？]+", ticket.name or "") if len(w) > 1}
            scored = []
            for faq in faqs:
                question = (faq.name or "").lower()
                score = sum(word in question for word in words) + (
                    2 if ticket.category_id and faq.category_id == ticket.category_id else 0
                )
                if score:
                    scored.append((-score, faq.id))
            ticket.faq_suggestion_ids = [faq_id for _score, faq_id in sorted(scored)[:5]]

    def message_post(self, **kwargs):
        """The first reply staff send to the customer is the measured first response."""
        message = super().message_post(**kwargs)
        if (
            message.message_type == "comment"
            and not message.is_internal
            and not self.env.user.share
            and message.subtype_id == self.env.ref("mail.mt_comment")
        ):
            self.filtered(lambda t: not t.first_response_date).write({"first_response_date": fields.Datetime.now()})
        return message

    def action_mark_responded(self):
        """For answers given by phone or on site, outside the chatter."""
        self.filtered(lambda t: not t.first_response_date).write({"first_response_date": fields.Datetime.now()})

    def action_publish_faq(self):
        self.ensure_one()
        if not self.answer or not re.sub(r"<[^>]+>|\s", "", self.answer):
            raise UserError(
                _("%(ticket)s: write the Answer before publishing it as a FAQ entry.", ticket=self.display_name)
            )
        if not self.faq_id:
            self.faq_id = self.env["lighting.faq"].create(self._prepare_faq_values())
        return {
            "type": "ir.actions.act_window",
            "res_model": "lighting.faq",
            "res_id": self.faq_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _prepare_faq_values(self):
        return {
            "name": self.name,
            "question_detail": self.description,
            "answer": self.answer,
            "category_id": self.category_id.id,
            "product_id": self.product_id.id,
            "ticket_id": self.id,
            "company_id": self.company_id.id,
            "state": "published",
        }

    @api.depends("repair_ids")
    def _compute_repair_count(self):
        # sudo: only the number of the ticket's own repairs; technical support, who share the ticket
        # form but not repairs, must still open their consultations.
        counts = dict(
            self.env["repair.order"]
            .sudo()
            ._read_group([("lighting_ticket_id", "in", self.ids)], ["lighting_ticket_id"], ["__count"])
        )
        for ticket in self:
            ticket.repair_count = counts.get(ticket, 0)

    @api.depends(
        "return_picking_id.state",
        "repair_ids.state",
        "repair_ids.lighting_test_state",
        "delivery_picking_id.state",
        "delivery_picking_id.lighting_date_received",
    )
    def _compute_product_whereabouts(self):
        # sudo: only the stage of the ticket's own return, repair and delivery is shown, to users
        # (sales, technical support) who may read the ticket but not stock transfers or repairs.
        for ticket in self.sudo():
            repair = ticket.repair_ids[:1]
            delivery = ticket.delivery_picking_id
            if delivery.state == "done":
                ticket.product_whereabouts = "delivered" if delivery.lighting_date_received else "shipped"
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

    def _check_decision_inputs(self, decision):
        for ticket in self:
            if ticket.lighting_team_role != "aftersales":
                raise UserError(
                    _(
                        "%(ticket)s: only feedback of an after-sales team gets a service decision.",
                        ticket=ticket.display_name,
                    )
                )
            if not ticket.first_judgement:
                raise UserError(
                    _("%(ticket)s: record the First Judgement before deciding.", ticket=ticket.display_name)
                )
            if ticket.service_decision:
                raise UserError(_("%(ticket)s: the decision was already taken.", ticket=ticket.display_name))
            if decision == "on_site" and not (ticket.visit_date and ticket.visit_user_id):
                raise UserError(
                    _(
                        "%(ticket)s: an on-site service needs the Visit Date and the Visiting Staff.",
                        ticket=ticket.display_name,
                    )
                )
            if decision == "return" and not (ticket.product_id and ticket.partner_id):
                raise UserError(
                    _("%(ticket)s: a return needs the Customer and the Product.", ticket=ticket.display_name)
                )
            if decision == "return" and ticket.product_id.tracking != "none" and not ticket.lot_id:
                raise UserError(
                    _("%(ticket)s: the product is tracked; set its Serial Number.", ticket=ticket.display_name)
                )

    def action_decide_on_site(self):
        """R3.3.1: serve the customer on site; the visiting staff gets a to-do on the visit date."""
        self._check_decision_inputs("on_site")
        for ticket in self:
            ticket.service_decision = "on_site"
            ticket.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=ticket.visit_date.date(),
                summary=_("On-site service visit"),
                user_id=ticket.visit_user_id.id,
            )

    def action_decide_return(self):
        """R3.3.1: take the product back: the inbound return and the repair order, both linked to the ticket."""
        self._check_decision_inputs("return")
        for ticket in self:
            warehouse = ticket.company_id._lighting_warehouse()
            ticket.return_picking_id = ticket._create_picking(
                warehouse.in_type_id, ticket.partner_id.property_stock_customer, warehouse.lot_stock_id
            )
            self.env["repair.order"].create(
                {
                    "lighting_ticket_id": ticket.id,
                    "company_id": ticket.company_id.id,
                    "picking_type_id": warehouse.repair_type_id.id,
                    "partner_id": ticket.partner_id.id,
                    "product_id": ticket.product_id.id,
                    "lot_id": ticket.lot_id.id,
                    "internal_notes": ticket.first_judgement,
                }
            )
            ticket.service_decision = "return"
        return self.action_view_repairs()

    def action_ship_back(self):
        """R3.3.3: the delivery back to the customer, once the repair passed its test."""
        self.ensure_one()
        if self.repair_ids.filtered(lambda repair: repair.state != "done") or not self.repair_ids:
            raise UserError(
                _(
                    "%(ticket)s: the product ships back once its repair is finished and tested.",
                    ticket=self.display_name,
                )
            )
        if not self.delivery_picking_id:
            warehouse = self.company_id._lighting_warehouse()
            self.delivery_picking_id = self._create_picking(
                warehouse.out_type_id, warehouse.lot_stock_id, self.partner_id.property_stock_customer
            )
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
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": self.partner_id.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "origin": self.number,
                "lighting_ticket_id": self.id,
                "company_id": self.company_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.product_id.display_name,
                            "product_id": self.product_id.id,
                            "product_uom_qty": 1,
                            "product_uom": self.product_id.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                            "company_id": self.company_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        # The customer's own unit travels, whatever else stock would reserve.
        move = picking.move_ids
        move.move_line_ids.unlink()
        self.env["stock.move.line"].create(
            {
                "move_id": move.id,
                "picking_id": picking.id,
                "product_id": self.product_id.id,
                "lot_id": self.lot_id.id,
                "quantity": 1,
                "product_uom_id": self.product_id.uom_id.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "company_id": self.company_id.id,
            }
        )
        return picking

    def action_confirm_received(self):
        """R3.3.3: after-sales record that the product shipped back has reached the customer."""
        for ticket in self:
            if ticket.product_whereabouts != "shipped":
                raise UserError(
                    _(
                        "%(ticket)s: only a product shipped back can be confirmed as received.",
                        ticket=ticket.display_name,
                    )
                )
        self.delivery_picking_id.action_lighting_confirm_received()

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
