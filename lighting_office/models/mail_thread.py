from odoo import models

from ..approval_flows import running_steps


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        if not (subtype_ids and any(model == self._name for model, _method in running_steps())):
            return super()._message_subscribe(partner_ids, subtype_ids, customer_ids)
        # base_tier_validation's steps subscribe reviewers with one subtype of its own (a review
        # accepted, rejected, reset), which Odoo's subscription would put in place of what a
        # follower already follows: it is added to it. (Here, not on tier.validation: mail.thread
        # comes first in the classes of the tier-validated documents.)
        self.env["mail.followers"]._insert_followers(
            self._name,
            self.ids,
            partner_ids,
            subtypes=dict.fromkeys(partner_ids or [], subtype_ids),
            customer_ids=customer_ids,
            existing_policy="update",
        )
        return True
