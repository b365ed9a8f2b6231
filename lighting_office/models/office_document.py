from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..approval_flows import flow_step

LOCKED_STATES = ("issued", "archived", "superseded")


class LightingDocument(models.Model):
    """An office document (notice, rule, report, contract...) drafted, reviewed
    and approved by the office manager, issued with its number, then archived;
    an issued document is never edited, only superseded (R6.2.1)."""

    _name = "lighting.document"
    _description = "Office Document"
    _check_company_auto = True
    _inherit = ["tier.validation", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    _state_from = ["draft"]
    _state_to = ["issued"]
    _tier_validation_manual_config = False

    name = fields.Char(string="Title", required=True, tracking=True)
    number = fields.Char(readonly=True, copy=False, tracking=True, index=True)
    document_type = fields.Selection(
        [("notice", "Notice"), ("rule", "Rule"), ("report", "Report"), ("contract", "Contract"), ("other", "Other")],
        string="Type",
        required=True,
        default="notice",
        tracking=True,
    )
    class_id = fields.Many2one("lighting.document.class", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    author_id = fields.Many2one("res.users", string="Drafted by", default=lambda self: self.env.user, tracking=True)
    body = fields.Html(string="Content")
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    state = fields.Selection(
        [("draft", "Drafting"), ("issued", "Issued"), ("archived", "Archived"), ("superseded", "Superseded")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    date_issue = fields.Date(string="Issued on", readonly=True, copy=False)
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "lighting.document", check_company=True, string="Supersedes", readonly=True, copy=False
    )
    archive_file_id = fields.Many2one("lighting.archive.file", check_company=True, readonly=True, copy=False)

    _sql_constraints = [
        ("number_unique", "unique(number)", "A document number is given once."),
    ]

    @api.depends("number", "name", "version")
    def _compute_display_name(self):
        for document in self:
            number = document.number or _("Draft")
            document.display_name = f"[{number}] {document.name} v{document.version}"

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        issued = self.filtered(lambda document: document.state != "draft")
        if issued:
            raise UserError(_("%(document)s is issued and cannot be deleted.", document=issued[0].display_name))

    def _unlocked_fields(self, vals):
        """What may still change on an issued document: its state and its chatter,
        and the archive file it is filed into, with its archiving."""
        mixins = set(self.env["mail.thread"]._fields) | set(self.env["mail.activity.mixin"]._fields)
        return mixins | {"state"} | ({"archive_file_id"} if vals.get("state") == "archived" else set())

    def write(self, vals):
        self._check_locked(vals)
        to_number = self.filtered(lambda document: vals.get("state") == "issued" and document.state == "draft")
        if to_number and len(self) > 1:
            # each document is issued with its own number: one write each
            for document in self:
                document.write(vals)
            return True
        if to_number:
            # the number is given in the write that issues the document, as part of it
            self._check_office_code()
            today = fields.Date.context_today(self)
            number = self.class_id._next_document_number(self.company_id, today)
            vals = dict(vals, number=number, date_issue=today)
        result = super().write(vals)
        if to_number:
            self.previous_id.filtered(lambda previous: previous.state == "issued").write({"state": "superseded"})
        return result

    def _check_locked(self, vals):
        content = sorted(set(vals) - self._unlocked_fields(vals))
        locked = self.filtered(lambda document: document.state in LOCKED_STATES)
        if not locked:
            return
        if content:
            raise UserError(
                _(
                    "%(document)s is issued: its field “%(field)s” cannot be edited. Supersede it with a new version.",
                    document=locked[0].display_name,
                    field=self._fields[content[0]].string,
                )
            )
        state = vals.get("state")
        if state not in (None, "archived", "superseded"):
            raise UserError(
                _(
                    "%(document)s is issued: its field “Status” cannot go back to drafting. "
                    "Supersede it with a new version.",
                    document=locked[0].display_name,
                )
            )
        if (
            state == "archived"
            and not self.env.su
            and not self.env.user.has_group("lighting_office.group_lighting_manager")
        ):
            raise AccessError(
                _("%(document)s: only the office manager archives documents.", document=locked[0].display_name)
            )
        if state == "superseded":
            replaced = self.search([("previous_id", "in", locked.ids), ("state", "=", "issued")]).previous_id
            if locked - replaced:
                raise UserError(
                    _(
                        "%(document)s: its field “Status” becomes Superseded only when its new version is issued.",
                        document=(locked - replaced)[0].display_name,
                    )
                )

    def _check_office_code(self):
        for document in self:
            if not document.company_id.office_code:
                raise UserError(
                    _(
                        "%(document)s cannot be numbered: the field Office Code of %(office)s is empty.",
                        document=document.display_name,
                        office=document.company_id.name,
                    )
                )

    @flow_step
    def action_issue(self):
        self.write({"state": "issued"})

    @flow_step
    def action_archive_document(self):
        """File the issued document in the archive ledger."""
        not_issued = self.filtered(lambda document: document.state != "issued")
        if not_issued:
            raise UserError(
                _(
                    "%(document)s is not issued: only issued documents are archived.",
                    document=not_issued[0].display_name,
                )
            )
        files = self.env["lighting.archive.file"].create([document._archive_file_vals() for document in self])
        for document, archive_file in zip(self, files, strict=True):
            document.write({"state": "archived", "archive_file_id": archive_file.id})

    def _archive_file_vals(self):
        return {
            "name": self.display_name,
            "class_id": self.class_id.id,
            "company_id": self.company_id.id,
            "medium": "electronic",
            "confidentiality": "internal",
            "document_id": self.id,
            "location": _("Electronic archive"),
        }

    def action_supersede(self):
        """A new draft version of the issued document; the old one stays in force until it is issued."""
        self.ensure_one()
        if self.state != "issued":
            raise UserError(
                _("%(document)s is not issued: only an issued document is superseded.", document=self.display_name)
            )
        new = self.copy({"previous_id": self.id, "version": self.version + 1, "author_id": self.env.user.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
