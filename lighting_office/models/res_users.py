from collections import defaultdict

from odoo import Command, api, models

from .res_company import HQ_GROUPS, OFFICE_GROUP

# Where each role lands after login (its home action), the first role that matches.
HOME_ACTIONS = (
    ("lighting_office.group_lighting_hq_management", "lighting_office.action_risk"),
    ("lighting_office.group_lighting_hq_finance", "lighting_office.action_lighting_expense_sheet"),
    ("lighting_office.group_lighting_manager", "lighting_office.action_lighting_quotations_queue"),
    ("lighting_office.group_lighting_support", "lighting_office.action_lighting_consultations"),
    ("lighting_office.group_lighting_aftersales", "lighting_office.action_lighting_feedback"),
    ("lighting_office.group_lighting_sales", "lighting_office.action_lighting_quotations_queue"),
)


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._notify_office_staff_in_odoo(vals_list)
        users._grant_head_office_access()
        users._set_lighting_home_action()
        users._grant_portal_office_access()
        return users

    def write(self, vals):
        groups_change = any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals)
        hq_before = self.filtered(lambda user: user._is_head_office_user()) if groups_change else self.browse()
        res = super().write(vals)
        if groups_change:
            self._grant_head_office_access()
            self._set_lighting_home_action()
            self._grant_portal_office_access()
            left_hq = hq_before.filtered(lambda user: not user._is_head_office_user())
            left_hq._revoke_head_office_access()
            left_hq._drop_role(
                self.env["res.groups"].browse(self._groups_given(vals)), *[self.env.ref(group) for group in HQ_GROUPS]
            )
        return res

    @api.model
    def _groups_given(self, vals):
        """Ids of the groups this write of res.users gives, whatever its form."""
        given = []
        for command in vals.get("groups_id") or []:
            if command[0] == Command.LINK:
                given.append(command[1])
            elif command[0] == Command.SET:
                given.extend(command[2])
        for key, value in vals.items():
            if key.startswith("in_group_") and value:
                given.append(int(key[9:]))
            elif key.startswith("sel_groups_") and value:
                given.append(value)
        return given

    def _notify_office_staff_in_odoo(self, vals_list):
        """Office staff work in Odoo all day: a new user of a Lighting Office role is
        notified in Odoo's inbox (review requests, activities) rather than by e-mail,
        unless the creation chooses; each user may choose e-mail in their preferences."""
        category = self.env.ref("lighting_office.module_category_lighting_office")
        chosen = {user.id for user, vals in zip(self, vals_list, strict=True) if "notification_type" in vals}
        self.filtered(
            lambda user: user.id not in chosen and not user.share and category in user.groups_id.category_id
        ).notification_type = "inbox"

    def _is_head_office_user(self):
        self.ensure_one()
        return any(self.has_group(group) for group in HQ_GROUPS)

    def _managed_offices(self):
        return self.env["res.company"].sudo().search([("office_manager_id", "in", self.ids)])

    def _revoke_head_office_access(self):
        """R1.2: a user who leaves head office keeps only their own office and the offices they manage."""
        # sudo: the offices are listed to unlink them from the user, whoever may read them.
        offices = self.env["res.company"].sudo().search([("is_lighting_office", "=", True)])
        managed = self._managed_offices()
        for user in self:
            kept = user.company_id | managed.filtered(lambda office: office.office_manager_id == user)
            lost = user.company_ids & offices - kept
            if lost:
                user.write({"company_ids": [Command.unlink(office.id) for office in lost]})

    def _revoke_office_manager_role(self, offices):
        """R1.2: a replaced manager of offices loses the manager role and what it brought,
        unless they still manage an office or head office gives it to them; those offices
        are dropped from their offices unless one is their own."""
        manager_group = self.env.ref(OFFICE_GROUP)
        managed = self._managed_offices()
        for user in self.filtered(lambda user: not user._is_head_office_user()):
            still_managed = managed.filtered(lambda office: office.office_manager_id == user)
            former = offices.filtered(lambda office: office not in still_managed and office != user.company_id)
            if former & user.company_ids:
                user.write({"company_ids": [Command.unlink(office.id) for office in former & user.company_ids]})
            if not still_managed:
                user._drop_role(self.env["res.groups"], manager_group)

    def _drop_role(self, given, *roles):
        """Unlink the groups the roles brought that no other group of the user (nor `given`) brings."""
        role = self.env["res.groups"].union(*roles)
        role |= role.trans_implied_ids
        managers = self._managed_offices().office_manager_id
        for user in self.filtered(lambda user: not user._is_head_office_user()):
            kept = (user.groups_id - role) | given | self.env.ref("base.group_user")
            if user in managers:
                kept |= self.env.ref(OFFICE_GROUP)
            lost = user.groups_id & role - kept - kept.trans_implied_ids
            if lost:
                user.write({"groups_id": [Command.unlink(group.id) for group in lost]})

    def _grant_head_office_access(self):
        """Head office users work in every office (R1.2), from the moment they get their role."""
        hq_users = self.filtered(lambda user: user._is_head_office_user())
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
