from odoo import _, api, models
from odoo.exceptions import ValidationError

from ..approval_flows import FLOWS


class ApprovalLineMixin(models.AbstractModel):
    """A line of a tier-validated document (an order line, a budget line, a
    room...): what the reviewers approved on it is locked with its document
    (approval_flows.FLOWS, `lines`), for every caller but the superuser and
    the document's own flow methods."""

    _name = "lighting.approval.line.mixin"
    _description = "Line of a Reviewed Document"

    @api.model
    def _approval_line_rule(self):
        """(document model, field to the document, locked fields) of this line model."""
        return next(
            (document_model, *flow.lines[self._name])
            for document_model, flow in FLOWS.items()
            if self._name in flow.lines
        )

    def _approval_checked_lines(self):
        """The lines whose change changes what was approved."""
        return self

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_document_not_approved(_("new line"))
        return lines

    def write(self, vals):
        _model, _parent, locked = self._approval_line_rule()
        changed = [name for name in locked if name in vals]
        if changed:
            label = self._fields[changed[0]].string
            self._check_document_not_approved(label)
            result = super().write(vals)
            self._check_document_not_approved(label)  # the document it was moved to
            return result
        return super().write(vals)

    def unlink(self):
        self._check_document_not_approved(_("deleted line"))
        return super().unlink()

    def _check_document_not_approved(self, change):
        if self.env.su:
            return
        model, parent_field, _locked = self._approval_line_rule()
        documents = self._approval_checked_lines()[parent_field]
        if documents._flow_steps_running() & FLOWS[model].methods:
            return
        for document in documents.filtered(lambda document: document._approval_locked()):
            raise ValidationError(
                _(
                    "%(document)s is under review or approved: its lines cannot change (%(change)s). "
                    "Restart its review, or cancel it and reset it to draft, and have it approved again.",
                    document=document.display_name,
                    change=change,
                )
            )
