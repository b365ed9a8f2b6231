import math

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LightingSolutionRoom(models.Model):
    """A room of a lighting solution and its lumen-method calculation (R3.2.2):
    N = E x A / (F x UF x MF)."""

    _name = "lighting.solution.room"
    _inherit = ["lighting.approval.line.mixin"]
    _description = "Lighting Solution Room"
    _check_company_auto = True
    _order = "solution_id, sequence, id"

    solution_id = fields.Many2one("lighting.solution", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="solution_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Room", required=True)
    standard_id = fields.Many2one("lighting.room.standard", string="Room Type")
    area = fields.Float(string="Area (m2)", required=True)
    ceiling_height = fields.Float(string="Ceiling Height (m)")
    target_illuminance = fields.Float(
        string="Target Illuminance E (lx)", compute="_compute_target_illuminance", store=True, readonly=False
    )
    power_density_limit = fields.Float(related="standard_id.power_density_limit", string="LPD Limit (W/m2)")
    product_id = fields.Many2one("product.product", check_company=True, string="Luminaire")
    luminaire_flux = fields.Float(string="Luminaire Flux F (lm)", required=True)
    luminaire_power = fields.Float(string="Luminaire Power (W)")
    utilisation_factor = fields.Float(string="Utilisation Factor UF", default=0.6, required=True)
    maintenance_factor = fields.Float(string="Maintenance Factor MF", default=0.8, required=True)
    calculated_count = fields.Integer(
        string="Calculated N",
        compute="_compute_calculated_count",
        store=True,
        help="N = E x A / (F x UF x MF), rounded up.",
    )
    luminaire_count = fields.Integer(
        string="Planned Luminaires",
        compute="_compute_luminaire_count",
        store=True,
        readonly=False,
        help="The calculated N unless the layout needs another count.",
    )
    achieved_illuminance = fields.Float(string="Achieved Illuminance (lx)", compute="_compute_lighting", store=True)
    power_density = fields.Float(string="Power Density (W/m2)", compute="_compute_lighting", store=True)
    misses_target = fields.Boolean(compute="_compute_lighting", store=True)
    exceeds_limit = fields.Boolean(string="Exceeds LPD Limit", compute="_compute_lighting", store=True)

    @api.depends("standard_id")
    def _compute_target_illuminance(self):
        for room in self:
            room.target_illuminance = room.standard_id.target_illuminance or room.target_illuminance

    def _effective_flux(self):
        return self.luminaire_flux * self.utilisation_factor * self.maintenance_factor

    @api.depends("target_illuminance", "area", "luminaire_flux", "utilisation_factor", "maintenance_factor")
    def _compute_calculated_count(self):
        for room in self:
            effective_flux = room._effective_flux()
            exact = room.target_illuminance * room.area / effective_flux if effective_flux > 0 else 0.0
            room.calculated_count = math.ceil(round(exact, 6))

    @api.depends("calculated_count")
    def _compute_luminaire_count(self):
        for room in self:
            room.luminaire_count = room.calculated_count

    @api.depends(
        "luminaire_count",
        "target_illuminance",
        "area",
        "luminaire_flux",
        "luminaire_power",
        "utilisation_factor",
        "maintenance_factor",
        "power_density_limit",
    )
    def _compute_lighting(self):
        for room in self:
            if room.area <= 0:
                room.update(
                    {"achieved_illuminance": 0.0, "power_density": 0.0, "misses_target": False, "exceeds_limit": False}
                )
                continue
            room.achieved_illuminance = room.luminaire_count * room._effective_flux() / room.area
            room.power_density = room.luminaire_count * room.luminaire_power / room.area
            room.misses_target = room.achieved_illuminance < room.target_illuminance
            room.exceeds_limit = bool(room.power_density_limit) and room.power_density > room.power_density_limit

    @api.constrains(
        "area",
        "luminaire_flux",
        "utilisation_factor",
        "maintenance_factor",
        "target_illuminance",
        "luminaire_power",
        "luminaire_count",
        "ceiling_height",
    )
    def _check_calculation_inputs(self):
        for room in self:
            for label, value in (
                (_("Target Illuminance E (lx)"), room.target_illuminance),
                (_("Luminaire Power (W)"), room.luminaire_power),
                (_("Planned Luminaires"), room.luminaire_count),
                (_("Ceiling Height (m)"), room.ceiling_height),
            ):
                if value < 0:
                    self._refuse(room, label, _("cannot be negative"))
            if room.area <= 0:
                self._refuse(room, _("Area (m2)"), _("must be greater than 0"))
            if room.luminaire_flux <= 0:
                self._refuse(room, _("Luminaire Flux F (lm)"), _("must be greater than 0"))
            for label, value in (
                (_("Utilisation Factor UF"), room.utilisation_factor),
                (_("Maintenance Factor MF"), room.maintenance_factor),
            ):
                if not 0 < value <= 1:
                    self._refuse(room, label, _("must be in (0, 1]"))

    def _refuse(self, room, field_label, reason):
        raise ValidationError(
            _(
                "%(solution)s, room %(room)s: %(field)s %(reason)s.",
                solution=room.solution_id.name,
                room=room.name,
                field=field_label,
                reason=reason,
            )
        )
