import math

from odoo import _, api, models
from odoo.exceptions import UserError, ValidationError

INT_LIMIT = 2**31
NUMBER_TYPES = ("integer", "float", "monetary")


class Base(models.AbstractModel):
    """Results the module computes and stores (a risk's level, a room's
    luminaire count, a line's office copied from its document …) are the
    server's: no client writes them, on create, write, load() or through a
    default_ context key. Numbers the database cannot hold are refused by name."""

    _inherit = "base"

    # This module's stored read-only computed or related fields of the model, and its number
    # fields: worked out once per model at registry setup, as every create and write asks and
    # most models have neither.
    _lighting_computed_fnames = frozenset()
    _lighting_number_fnames = frozenset()

    @api.model
    def _setup_complete(self):
        result = super()._setup_complete()
        cls = self.env.registry[self._name]
        fields_ = [field for field in cls._fields.values() if field._module == "lighting_office"]
        cls._lighting_computed_fnames = frozenset(
            field.name for field in fields_ if field.store and field.compute and field.readonly and not field.inverse
        )
        cls._lighting_number_fnames = frozenset(field.name for field in fields_ if field.type in NUMBER_TYPES)
        return result

    def _lighting_refuse_computed(self, fnames):
        if self.env.su:
            return
        if computed := self._lighting_computed_fnames.intersection(fnames):
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
        for fname in self._lighting_number_fnames.intersection(vals):
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
        computed = self._lighting_computed_fnames
        if not (computed or self._lighting_number_fnames):
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
        if self._lighting_computed_fnames or self._lighting_number_fnames:
            self._lighting_check_numbers(vals)
            self._lighting_refuse_computed(vals)
        return super().write(vals)
