from odoo import _, api, models
from odoo.exceptions import UserError


class LightingApprovedRequestMixin(models.AbstractModel):
    """A request numbered from the sequence of its model's name, whose approved fields are locked
    once it leaves draft: changing them needs a new approval (R6.4.1, R6.4.2)."""

    _name = "lighting.approved.request.mixin"
    _description = "Numbered Request Locked after Approval"
    # What the approver approved; the model names its fields.
    _approved_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return super().create(vals_list)

    def write(self, vals):
        changed = [name for name in self._approved_fields if name in vals]
        if changed:
            for request in self.filtered(lambda request: request.state != "draft"):
                raise UserError(
                    _(
                        "%(request)s is no longer a draft: the field %(field)s cannot change; cancel it, reset "
                        "it to draft and have it approved again.",
                        request=request.name,
                        field=self._fields[changed[0]].string,
                    )
                )
        return super().write(vals)
