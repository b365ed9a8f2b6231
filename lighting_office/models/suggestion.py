from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

AUTHOR_FIELDS = {"name", "kind", "description", "company_id", "anonymous"}


class LightingSuggestion(models.Model):
    """An employee's suggestion or concern to the office (R5.4), which the
    office manager answers within the office's answer time."""

    _name = "lighting.suggestion"
    _description = "Employee Suggestion"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "submit_date desc, id desc"

    name = fields.Char(string="Subject", required=True)
    kind = fields.Selection(
        [("suggestion", "Suggestion"), ("concern", "Concern")],
        required=True,
        default="suggestion",
    )
    description = fields.Text(required=True)
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        default=lambda self: self.env.company,
        domain=[("is_lighting_office", "=", True)],
    )
    anonymous = fields.Boolean(
        string="Anonymous to the Office",
        help="The office does not see who wrote it; head office management does.",
    )
    # Only HQ Management reads the author: the office sees author_name, which
    # hides anonymous authors. Record rules still use it to show authors their own.
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        readonly=True,
        index=True,
        groups="lighting_office.group_lighting_hq_management",
    )
    author_name = fields.Char(string="Submitted By", compute="_compute_author_name")
    submit_date = fields.Date(string="Submitted On", readonly=True, default=fields.Date.context_today)
    deadline = fields.Date(string="Answer By", compute="_compute_deadline", store=True)
    answer = fields.Text(tracking=True)
    answer_date = fields.Date(string="Answered On", readonly=True, copy=False)
    answered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    answered_late = fields.Boolean(compute="_compute_answered_late", store=True)
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="Not answered by its deadline, or answered after it.",
    )
    state = fields.Selection(
        [("submitted", "Submitted"), ("answered", "Answered"), ("closed", "Closed")],
        default="submitted",
        required=True,
        tracking=True,
    )

    def _compute_author_name(self):
        # sudo: the author is read only to print the name of an author who did
        # not ask for anonymity.
        for suggestion in self:
            suggestion.author_name = _("Anonymous") if suggestion.anonymous else suggestion.sudo().user_id.name

    @api.depends("submit_date", "company_id.lighting_suggestion_answer_days")
    def _compute_deadline(self):
        for suggestion in self:
            suggestion.deadline = suggestion.submit_date and suggestion.submit_date + timedelta(
                days=suggestion.company_id.lighting_suggestion_answer_days
            )

    @api.depends("deadline", "answer_date")
    def _compute_answered_late(self):
        for suggestion in self:
            suggestion.answered_late = bool(
                suggestion.answer_date and suggestion.deadline and suggestion.answer_date > suggestion.deadline
            )

    @api.depends("answered_late", "deadline", "answer_date")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for suggestion in self:
            suggestion.is_late = suggestion.answered_late or bool(
                not suggestion.answer_date and suggestion.deadline and suggestion.deadline < today
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on the field Late."))
        today = fields.Date.context_today(self)
        late = ["|", ("answered_late", "=", True), "&", ("answer_date", "=", False), ("deadline", "<", today)]
        return late if (operator == "=") == value else ["!"] + late

    @api.model_create_multi
    def create(self, vals_list):
        """The author is always the user submitting; an anonymous suggestion is
        written by the system so that nothing in it names its author."""
        self.check_access("create")
        allowed = self.env.user.company_ids
        for vals in vals_list:
            if not self.env.su:  # server code and data files may set the answer
                self._check_author_fields(vals)
            company = self.env["res.company"].browse(vals.get("company_id") or self.env.company.id)
            if company not in allowed:
                raise AccessError(
                    _(
                        "Suggestion %(name)s: you cannot submit to the office %(office)s.",
                        name=vals.get("name"),
                        office=company.sudo().name,
                    )
                )
            vals.update(user_id=self.env.uid, company_id=company.id)
        suggestions = self.browse()
        for vals in vals_list:
            # Superuser: the access and office checks above were done for the
            # author, who may not write the author field restricted to HQ.
            writer = self.with_user(SUPERUSER_ID) if vals.get("anonymous") else self.sudo()
            if vals.get("anonymous"):
                writer = writer.with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            suggestions |= super(LightingSuggestion, writer).create([vals])
        suggestions = suggestions.with_env(self.env)
        suggestions._schedule_answer()
        return suggestions

    def _check_author_fields(self, vals):
        """The superuser creates what the author wrote, and nothing else: no answer, state or date."""
        defaults = {"state": "submitted"}
        foreign = [
            fname
            for fname in set(vals) - AUTHOR_FIELDS
            if vals[fname] not in (False, None, "", [], defaults.get(fname))
        ]
        if foreign:
            raise AccessError(
                _(
                    "Suggestion %(name)s: the author writes only its subject, kind, description, office and "
                    "anonymity, not %(fields)s.",
                    name=vals.get("name"),
                    fields=", ".join(
                        self._fields[fname].get_description(self.env)["string"]
                        for fname in foreign
                        if fname in self._fields
                    )
                    or ", ".join(foreign),
                )
            )
        for fname in set(vals) - AUTHOR_FIELDS:
            del vals[fname]

    def _schedule_answer(self):
        # sudo: the office manager is asked to answer a suggestion of their own
        # office; the author may not create activities for others.
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for suggestion in self.sudo():
            manager = suggestion.company_id.office_manager_id
            if manager:
                suggestion.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=suggestion.deadline,
                    summary=_("Answer the employee's %(kind)s", kind=kinds[suggestion.kind]),
                    user_id=manager.id,
                )

    def action_answer(self):
        for suggestion in self:
            if not (suggestion.answer or "").strip():
                raise UserError(_("Suggestion %(name)s: fill in the field Answer first.", name=suggestion.name))
        self.write(
            {"state": "answered", "answer_date": fields.Date.context_today(self), "answered_by_id": self.env.uid}
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_close(self):
        self.write({"state": "closed"})
