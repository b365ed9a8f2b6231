from odoo import api, fields, models, tools


class LightingSafetyItem(models.Model):
    """A safety rule every installation job checks before it closes (R3.3.4)."""

    _name = "lighting.safety.item"
    _description = "Installation Safety Rule"
    _order = "sequence, id"

    name = fields.Char(string="Safety Rule", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    @api.model
    @tools.ormcache("self.env.lang")
    def _checklist_values(self):
        """(name, sequence) of the active rules, the checklist every new job starts with.
        Cached: rules change rarely, jobs are made at every order confirmation."""
        # sudo: the cached list must not depend on who fills it first; rule names are
        # shown on every job's checklist anyway.
        rules = self.sudo().with_context(active_test=True).search_fetch([], ["name", "sequence"])
        return tuple((rule.name, rule.sequence) for rule in rules)

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()
