import math

from odoo import _, api, models, tools
from odoo.exceptions import UserError, ValidationError

INT_LIMIT = 2**31
NUMBER_TYPES = ("integer", "float", "monetary")


class Base(models.AbstractModel):
    """Results the module computes and stores (a risk's level, a room's
    luminaire count, a line's office copied from its document …) are the
    server's: no client writes them, on create, write, load() or through a
    default_ context key. Numbers the database cannot hold are refused by name."""

    _inherit = "base"

    @api.model
    @tools.ormcache()
    def _lighting_guarded_fields(self):
        """(computed, numbers) of this model, both frozensets of field names: this module's
        stored read-only computed or related fields, and its number fields. Cached: every
        create and write of every model asks, and most models have neither."""
        fields_ = [field for field in self._fields.values() if field._module == "lighting_office"]
        computed = frozenset(
            field.name
            for field in fields_
            if field.store and field.compute and field.readonly and not field.inverse
        )
        numbers = frozenset(field.name for field in fields_ if field.type in NUMBER_TYPES)
        return computed, numbers

    def _lighting_refuse_computed(self, fnames):
        if self.env.su:
            return
        if computed := self._lighting_guarded_fields()[0].intersection(fnames):
            raise UserError(
                _(
                    "%(record)s: the field(s) %(fields)s are computed by the system and cannot be set.",
                    record=self.display_name if len(self) == 1 else self._description,
                    fields=", ".join(
                        self._fields[fname].get_description(self.env)["string"] for fname in sorted(computed)
                    ),
                )
            )

    def _lighting_check_numbers(self, vals):
        """A number the database cannot store is refused by name, not with a raw database error."""
        for fname in self._lighting_guarded_fields()[1].intersection(vals):
            field, value = self._fields[fname], vals[fname]
            if isinstance(value, bool):
                continue
            if field.type == "integer" and isinstance(value, int) and not -INT_LIMIT <= value < INT_LIMIT:
                problem = _("%(value)s is too large", value=value)
            elif field.type in ("float", "monetary") and isinstance(value, float) and not math.isfinite(value):
                problem = _("%(value)s is not a number", value=value)
            else:
                continue
            raise ValidationError(
                _(
                    "%(record)s: the field %(field)s cannot be stored: %(problem)s.",
                    record=self.display_name if len(self) == 1 else self._description,
                    field=field.get_description(self.env)["string"],
                    problem=problem,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        computed, numbers = self._lighting_guarded_fields()
        if not (computed or numbers):
            return super().create(vals_list)
        for vals in vals_list:
            self._lighting_check_numbers(vals)
        if self.env.su:
            return super().create(vals_list)
        self._lighting_refuse_computed({fname for vals in vals_list for fname in vals})
        # a default_ key meant for a parent document is dropped, not refused, on its lines
        context = self.env.context
        ignored = computed.intersection(key[8:] for key in context if key.startswith("default_"))
        if ignored:
            # a whole new context: keys are dropped, which with_context(**kwargs) cannot do
            self = self.with_context(  # pylint: disable=context-overridden
                {
                    key: value
                    for key, value in context.items()
                    if not (key.startswith("default_") and key[8:] in ignored)
                }
            )
        return super().create(vals_list)

    def write(self, vals):
        if any(self._lighting_guarded_fields()):
            self._lighting_check_numbers(vals)
            self._lighting_refuse_computed(vals)
        return super().write(vals)
