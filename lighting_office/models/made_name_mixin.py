from odoo import api, fields, models


class LightingMadeNameMixin(models.AbstractModel):
    """A name made at display from the record's parts in the reader's language, not stored in the
    language of whoever created the record. The model computes it in _compute_name (depending on
    its parts and on the context's lang) and finds it by its parts in _search_name."""

    _name = "lighting.made.name.mixin"
    _description = "Name Made from Its Parts"

    name = fields.Char(compute="_compute_name", search="_search_name")

    @api.depends("name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        return super()._compute_display_name()
