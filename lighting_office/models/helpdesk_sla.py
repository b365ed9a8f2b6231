from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError

from .helpdesk_ticket import SEVERITIES

# The office's default targets, in working time of its calendar: (response hours, resolution days).
CONSULTATION_TARGETS = {
    "lighting_office.consultation_category_product": (4, 1),
    "lighting_office.consultation_category_installation": (2, 1),
    "lighting_office.consultation_category_control": (4, 2),
}
FEEDBACK_TARGETS = {"minor": (8, 5), "major": (4, 3), "critical": (2, 1)}
# Until a consultation is classified or a feedback's severity judged.
UNSORTED_TARGETS = (4, 2)


class HelpdeskSla(models.Model):
    """An office's response or resolution target (R3.2.1, R3.3.1): for its support team per
    consultation category, for its after-sales team per feedback severity, counted in the
    team's working calendar and paused while the ticket awaits the customer."""

    _inherit = "helpdesk.sla"
    _check_company_auto = True

    team_ids = fields.Many2many(check_company=True)
    name = fields.Char(translate=True)
    lighting_target = fields.Selection(
        [("response", "First Response"), ("resolution", "Resolution")],
        string="Target",
        required=True,
        default="resolution",
        help="First Response: the ticket's first reply or Mark Responded is due by then; "
        "Resolution: the ticket is to be closed by then.",
    )
    lighting_severity = fields.Selection(
        SEVERITIES, string="Severity", help="Feedback of this severity only; empty: any ticket."
    )

    @api.constrains("days", "hours")
    def _check_lighting_target_time(self):
        for sla in self:
            if sla.days < 0 or sla.hours < 0 or not (sla.days or sla.hours):
                raise ValidationError(
                    _("SLA %(sla)s: the days and hours to reach it must not be negative, nor both zero.", sla=sla.name)
                )

    @api.model
    def _lighting_create_office_slas(self, offices):
        """The default targets of each office's support and after-sales teams, each team counting
        in its office's working calendar; offices that have SLAs already are left as they are."""
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        awaiting = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        with_slas = self.with_context(active_test=False).search([("company_id", "in", offices.ids)]).company_id
        source = self.with_context(lang="en_US")  # named in English, then in every installed language
        vals_list = []
        for office in offices - with_slas:
            support, aftersales = office.office_support_team_id, office.office_aftersales_team_id
            (support | aftersales).write({"use_sla": True, "resource_calendar_id": office.resource_calendar_id.id})
            common = {"company_id": office.id, "stage_id": done.id, "ignore_stage_ids": [Command.set(awaiting.ids)]}
            pairs = [
                (support, targets, category, {"category_ids": [Command.set(category.ids)]})
                for category, targets in (
                    (self.env.ref(xmlid, raise_if_not_found=False), targets)
                    for xmlid, targets in CONSULTATION_TARGETS.items()
                )
                if category
            ]
            pairs.append((support, UNSORTED_TARGETS, None, {"domain": "[('category_id', '=', False)]"}))
            pairs += [
                (aftersales, targets, severity, {"lighting_severity": severity})
                for severity, targets in FEEDBACK_TARGETS.items()
            ]
            pairs.append((aftersales, UNSORTED_TARGETS, None, {"domain": "[('severity', '=', False)]"}))
            for team, (response_hours, resolution_days), applies_to, criteria in pairs:
                base = dict(common, team_ids=[Command.set(team.ids)], **criteria)
                vals_list += [
                    dict(
                        base,
                        name=source._lighting_default_name(team, applies_to, target),
                        lighting_target=target,
                        **{unit: amount},
                    )
                    for target, unit, amount in (
                        ("response", "hours", response_hours),
                        ("resolution", "days", resolution_days),
                    )
                ]
        slas = source.create(vals_list)
        slas._lighting_translate_default_names()
        return slas.with_env(self.env)

    def _lighting_translate_default_names(self):
        """Default SLAs get their names in every installed language, also one installed after the
        office was created; a name someone changed is left as it is."""
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        for sla in self.with_context(lang="en_US"):
            parts = (sla.team_ids[:1], sla.lighting_severity or sla.category_ids[:1], sla.lighting_target)
            if sla.name == sla._lighting_default_name(*parts):
                sla.update_field_translations(
                    "name", {lang: sla.with_context(lang=lang)._lighting_default_name(*parts) for lang in langs}
                )

    def _lighting_default_name(self, team, applies_to, target):
        """'First response: <category or severity>' in the context's language (the team is its own column)."""
        env = self.env
        if isinstance(applies_to, str):
            on = dict(self._fields["lighting_severity"]._description_selection(env))[applies_to]
        elif applies_to:
            on = applies_to.with_env(env).name
        else:
            on = env._("severity not judged") if team.lighting_team_role == "aftersales" else env._("no category")
        if target == "response":
            return env._("First response: %(on)s", on=on)
        return env._("Resolution: %(on)s", on=on)

    @api.model
    def _lighting_create_missing_office_slas(self):
        """Offices set up before SLAs were a dependency get their default targets on update."""
        self._lighting_create_office_slas(self.env["res.company"].search([("is_lighting_office", "=", True)]))
