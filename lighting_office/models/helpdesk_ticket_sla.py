from odoo import _, api, models
from odoo.exceptions import AccessError


class HelpdeskTicketSla(models.Model):
    """A first-response target is met by the ticket's first reply or Mark Responded (R3.2.1),
    not by a stage: once answered it stays as it was judged, whatever stage follows."""

    _inherit = "helpdesk.ticket.sla"

    # helpdesk_mgmt_sla lets every helpdesk user create and edit these lines; they are the
    # ticket's bookkeeping (models/helpdesk_ticket.py), so only its own steps write them.
    @api.model_create_multi
    def create(self, vals_list):
        self._check_kept_by_ticket()
        return super().create(vals_list)

    def write(self, vals):
        self._check_kept_by_ticket()
        return super().write(vals)

    def unlink(self):
        self._check_kept_by_ticket()
        return super().unlink()

    def _check_kept_by_ticket(self):
        if not self.env.su and not self.env["helpdesk.ticket"]._ticket_step_running():
            raise AccessError(
                _(
                    "%(lines)s: a ticket's service-target lines follow its team, category, severity and stage; "
                    "they are not edited by hand.",
                    lines=", ".join(self.mapped("display_name")) or _("Service targets"),
                )
            )

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
