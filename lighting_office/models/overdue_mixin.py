from odoo import api, fields, models


class LightingOverdueMixin(models.AbstractModel):
    """Overdue: still in its open state after its due date, in the reader's day (R6.2.3, R6.3, R7.2).
    The model names its open state and its due date field."""

    _name = "lighting.overdue.mixin"
    _description = "Overdue after Its Due Date"
    _overdue_state = "todo"
    _overdue_date_field = "date_due"

    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue")

    @api.depends(lambda self: ("state", self._overdue_date_field))
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for record in self:
            record.is_overdue = record.state == self._overdue_state and record[self._overdue_date_field] < today

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        if (operator == "=") == bool(value):
            return [("state", "=", self._overdue_state), (self._overdue_date_field, "<", today)]
        return ["|", ("state", "!=", self._overdue_state), (self._overdue_date_field, ">=", today)]
