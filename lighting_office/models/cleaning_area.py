from odoo import fields, models


class LightingCleaningArea(models.Model):
    """An area of an office that is cleaned and disinfected on a schedule (R6.1)."""

    _name = "lighting.cleaning.area"
    _description = "Cleaning Area"
    _check_company_auto = True
    _inherit = ["mail.thread"]
    _order = "company_id, sequence, name"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    plan_ids = fields.One2many("lighting.cleaning.plan", "area_id", string="Recurring Tasks")
    task_ids = fields.One2many("lighting.cleaning.task", "area_id", string="Tasks")
