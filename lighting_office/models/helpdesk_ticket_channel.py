from odoo import api, models

SHARED_CHANNELS = (
    "helpdesk_mgmt.helpdesk_ticket_channel_web",
    "helpdesk_mgmt.helpdesk_ticket_channel_email",
    "helpdesk_mgmt.helpdesk_ticket_channel_phone",
    "helpdesk_mgmt.helpdesk_ticket_channel_other",
)


class HelpdeskTicketChannel(models.Model):
    _inherit = "helpdesk.ticket.channel"

    @api.model
    def _lighting_share_default_channels(self):
        """R3.2.1: helpdesk_mgmt creates its channels in head office's company, so
        offices would only see On Site; shared, they serve every office, new ones included."""
        channels = self.browse()
        for xmlid in SHARED_CHANNELS:
            channels |= self.env.ref(xmlid, raise_if_not_found=False) or self.browse()
        channels.filtered("company_id").write({"company_id": False})
