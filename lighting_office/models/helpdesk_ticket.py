import re
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

DEFAULT_RESPONSE_HOURS = 4.0
DEFAULT_RESOLUTION_HOURS = 48.0


def _hours_between(start, end):
    return (end - start).total_seconds() / 3600.0 if start and end else 0.0


class HelpdeskTicket(models.Model):
    """A consultation of the office's technical-support team (R3.2.1): channel,
    category, product, measured response and resolution times, and its answer
    that can become a FAQ entry."""

    _inherit = "helpdesk.ticket"

    product_id = fields.Many2one("product.product", string="Product", tracking=True)
    answer = fields.Html(string="Answer", help="The technical answer given to the customer.")
    first_response_date = fields.Datetime(string="First Response", copy=False, readonly=True)
    response_deadline = fields.Datetime(compute="_compute_deadlines", store=True)
    resolution_deadline = fields.Datetime(compute="_compute_deadlines", store=True)
    response_hours = fields.Float(string="Response Time (h)", compute="_compute_measured_hours", store=True,
                                  aggregator="avg")
    resolution_hours = fields.Float(string="Resolution Time (h)", compute="_compute_measured_hours", store=True,
                                    aggregator="avg")
    is_late = fields.Boolean(string="Late", compute="_compute_is_late", search="_search_is_late",
                             help="Answered or closed after the category's target, or still open past it.")
    response_late_measured = fields.Boolean(compute="_compute_late_measured", store=True)
    resolution_late_measured = fields.Boolean(compute="_compute_late_measured", store=True)
    faq_id = fields.Many2one("lighting.faq", string="FAQ Entry", copy=False, readonly=True)
    faq_suggestion_ids = fields.Many2many("lighting.faq", string="Matching FAQ", compute="_compute_faq_suggestions")

    @api.depends("create_date", "category_id.lighting_response_target_hours",
                 "category_id.lighting_resolution_target_hours")
    def _compute_deadlines(self):
        for ticket in self:
            start = ticket.create_date or fields.Datetime.now()
            category = ticket.category_id
            response = category.lighting_response_target_hours if category else DEFAULT_RESPONSE_HOURS
            resolution = category.lighting_resolution_target_hours if category else DEFAULT_RESOLUTION_HOURS
            ticket.response_deadline = start + timedelta(hours=response)
            ticket.resolution_deadline = start + timedelta(hours=resolution)

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
            "|", "|", "|",
            "&", ("first_response_date", "=", False), ("response_deadline", "<", now),
            "&", ("closed_date", "=", False), ("resolution_deadline", "<", now),
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
                ticket.first_response_date and ticket.first_response_date > ticket.response_deadline)
            ticket.resolution_late_measured = bool(
                ticket.closed_date and ticket.closed_date > ticket.resolution_deadline)

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
                    2 if ticket.category_id and faq.category_id == ticket.category_id else 0)
                if score:
                    scored.append((-score, faq.id))
            ticket.faq_suggestion_ids = [faq_id for _score, faq_id in sorted(scored)[:5]]

    def message_post(self, **kwargs):
        """The first reply staff send to the customer is the measured first response."""
        message = super().message_post(**kwargs)
        if message.message_type == "comment" and not message.is_internal and not self.env.user.share \
                and message.subtype_id == self.env.ref("mail.mt_comment"):
            self.filtered(lambda t: not t.first_response_date).write(
                {"first_response_date": fields.Datetime.now()})
        return message

    def action_mark_responded(self):
        """For answers given by phone or on site, outside the chatter."""
        self.filtered(lambda t: not t.first_response_date).write({"first_response_date": fields.Datetime.now()})

    def action_publish_faq(self):
        self.ensure_one()
        if not self.answer or not re.sub(r"<[^>]+>|\s", "", self.answer):
            raise UserError(_("%(ticket)s: write the Answer before publishing it as a FAQ entry.",
                              ticket=self.display_name))
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
