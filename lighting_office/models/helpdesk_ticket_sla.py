from odoo import models


class HelpdeskTicketSla(models.Model):
    """A first-response target is met by the ticket's first reply or Mark Responded (R3.2.1),
    not by a stage: once answered it stays as it was judged, whatever stage follows."""

    _inherit = "helpdesk.ticket.sla"

    def _lighting_close_response(self):
        for line in self.filtered(
            lambda line: line.sla_id.lighting_target == "response" and line.state in ("in_progress", "on_hold")
        ):
            on_time = line.deadline and line.ticket_id.first_response_date <= line.deadline
            line.state = "accomplished" if on_time else "expired"

    def _stage_recompute(self):
        if self.sla_id.lighting_target == "response" and self.ticket_id.first_response_date:
            return
        return super()._stage_recompute()
