from odoo import Command, api, models

from .res_company import HQ_GROUPS


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._grant_head_office_access()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals):
            self._grant_head_office_access()
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
