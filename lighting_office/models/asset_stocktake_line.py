from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LightingAssetStocktakeLine(models.Model):
    """One asset of a count sheet: book quantity, counted quantity, difference."""

    _name = "lighting.asset.stocktake.line"
    _inherit = ["lighting.approval.line.mixin"]
    _description = "Asset Stocktake Line"
    _check_company_auto = True
    _order = "stocktake_id, id"

    stocktake_id = fields.Many2one("lighting.asset.stocktake", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="stocktake_id.company_id", store=True)
    asset_id = fields.Many2one("lighting.asset", check_company=True, required=True)
    book_quantity = fields.Integer(string="Book", readonly=True)
    counted = fields.Boolean()
    counted_quantity = fields.Integer()
    difference = fields.Integer(
        compute="_compute_difference", store=True, help="Positive: a gain found at the count; negative: a loss."
    )
    explanation = fields.Char()

    @api.depends("counted", "counted_quantity", "book_quantity")
    def _compute_difference(self):
        for line in self:
            line.difference = line.counted_quantity - line.book_quantity if line.counted else 0

    @api.constrains("counted_quantity")
    def _check_counted_quantity(self):
        for line in self:
            if line.counted_quantity < 0:
                raise ValidationError(
                    _(
                        "%(stocktake)s: the field Counted Quantity of %(asset)s cannot be below zero.",
                        stocktake=line.stocktake_id.name,
                        asset=line.asset_id.display_name,
                    )
                )

    def _ledger_adjustment(self):
        adjustment = {"quantity": self.counted_quantity}
        if not self.counted_quantity:
            adjustment["state"] = "disposed"
        return adjustment
