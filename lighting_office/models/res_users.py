from collections import defaultdict

from odoo import Command, api, models

from .res_company import HQ_GROUPS

# Where each role lands after login (its home action), the first role that matches.
HOME_ACTIONS = (
    ("lighting_office.group_lighting_hq_management", "lighting_office.action_risk"),
    ("lighting_office.group_lighting_hq_finance", "lighting_office.action_lighting_expense_sheet"),
    ("lighting_office.group_lighting_manager", "lighting_office.action_lighting_quotations"),
    ("lighting_office.group_lighting_support", "lighting_office.action_lighting_consultations"),
    ("lighting_office.group_lighting_aftersales", "lighting_office.action_lighting_feedback"),
    ("lighting_office.group_lighting_sales", "lighting_office.action_lighting_quotations"),
)


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._grant_head_office_access()
        users._set_lighting_home_action()
        users._grant_portal_office_access()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals):
            self._grant_head_office_access()
            self._set_lighting_home_action()
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

    @api.model
    def _lighting_set_home_actions(self):
        """On install and update: users given a role through the group itself (admin, imports)
        land on their view too."""
        groups = [self.env.ref(group, raise_if_not_found=False) for group, _xmlid in HOME_ACTIONS]
        self.search([("groups_id", "in", [group.id for group in groups if group])])._set_lighting_home_action()

    def _set_lighting_home_action(self):
        """Lighting Office roles land in the app, on the view their role works from most;
        a home action chosen by hand (not one of these) is kept."""
        homes = [(group, self.env.ref(xmlid, raise_if_not_found=False)) for group, xmlid in HOME_ACTIONS]
        home_ids = {action.id for _group, action in homes if action}
        users_by_home = defaultdict(lambda: self.browse())
        for user in self.filtered(lambda user: not user.action_id or user.action_id.id in home_ids):
            home = next((action for group, action in homes if action and user.has_group(group)), None)
            if home and user.action_id.id != home.id:
                users_by_home[home.id] |= user
        for home_id, users in users_by_home.items():
            users.write({"action_id": home_id})
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
