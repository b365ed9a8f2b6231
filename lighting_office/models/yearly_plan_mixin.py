from odoo import _, fields, models
from odoo.exceptions import ValidationError


class LightingYearlyPlanMixin(models.AbstractModel):
    """A plan for one year of one holder (an office, an employee): one plan per holder and year
    (R5.1, R5.2). The model names the holder's field and checks it with its own constraint."""

    _name = "lighting.yearly.plan.mixin"
    _description = "Plan for One Year"
    _plan_holder_field = None

    year = fields.Integer(required=True, tracking=True, default=lambda self: fields.Date.context_today(self).year)

    def _check_one_plan_per_year(self, taken_message):
        """taken_message(plan): the error when the plan's holder already has one for its year."""
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(_("%(plan)s: the field Year is not a valid year.", plan=plan.name))
        holder = self._plan_holder_field
        taken = {
            (record, year)
            for record, year, count in self._read_group(
                [(holder, "in", self[holder].ids), ("year", "in", self.mapped("year"))],
                [holder, "year"],
                ["__count"],
            )
            if count > 1
        }
        for plan in self.filtered(lambda plan: (plan[holder], plan.year) in taken):
            raise ValidationError(taken_message(plan))
