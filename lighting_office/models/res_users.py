from odoo import Command, api, models

from .res_company import HQ_GROUPS


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._grant_head_office_access()
        users._grant_portal_office_access()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals):
            self._grant_head_office_access()
            self._grant_portal_office_access()
        return res

    def _grant_head_office_access(self):
        """Head office users work in every office (R1.2), from the moment they get their role."""
        hq_users = self.filtered(lambda user: any(user.has_group(group) for group in HQ_GROUPS))
        if not hq_users:
            return
        # sudo: the administrator may not work in every office; they are only
        # listed here to be linked to the head office users.
        offices = self.env["res.company"].sudo().search([("is_lighting_office", "=", True)])
        hq_users.filtered(lambda user: offices - user.company_ids).write(
            {"company_ids": [Command.link(office.id) for office in offices]}
        )

    def _grant_portal_office_access(self):
        """A customer's portal login follows its documents in every office: the offices' company
        rules let them through, the portal rules keep them to their own customer's documents."""
        portal_users = self.filtered(lambda user: user.has_group("base.group_portal"))
        if not portal_users:
            return
        # sudo: as above, the offices are only listed to be linked to the portal users.
        offices = self.env["res.company"].sudo().search([("is_lighting_office", "=", True)])
        portal_users.filtered(lambda user: offices - user.company_ids).write(
            {"company_ids": [Command.link(office.id) for office in offices]}
        )
