from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..approval_flows import flow_step


class LightingAssetStocktake(models.Model):
    """A periodic count of an office's ledger: book against count, every
    difference explained and approved before the ledger is adjusted (R4.3.2)."""

    _name = "lighting.asset.stocktake"
    _description = "Asset Stocktake"
    _check_company_auto = True
    _inherit = ["tier.validation", "mail.thread", "mail.activity.mixin", "lighting.made.name.mixin"]
    _order = "date desc, id desc"

    _state_from = ["counting"]
    _state_to = ["done"]
    _tier_validation_manual_config = False

    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    line_ids = fields.One2many("lighting.asset.stocktake.line", "stocktake_id", string="Count Sheet")
    gain_count = fields.Integer(string="Gains", compute="_compute_differences")
    loss_count = fields.Integer(string="Losses", compute="_compute_differences")
    state = fields.Selection(
        [("draft", "Draft"), ("counting", "Counting"), ("done", "Adjusted")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.depends("company_id.name", "date")
    @api.depends_context("lang")
    def _compute_name(self):
        for stocktake in self:
            stocktake.name = _("%(office)s stocktake %(date)s", office=stocktake.company_id.name, date=stocktake.date)

    def _search_name(self, operator, value):
        return [("company_id.name", operator, value)]

    @api.depends("line_ids.difference")
    def _compute_differences(self):
        for stocktake in self:
            stocktake.gain_count = len(stocktake.line_ids.filtered(lambda line: line.difference > 0))
            stocktake.loss_count = len(stocktake.line_ids.filtered(lambda line: line.difference < 0))

    @flow_step
    def action_generate(self):
        """Fill the count sheet from the office's ledger (assets not disposed of)."""
        assets = self.env["lighting.asset"].search(
            [("company_id", "in", self.company_id.ids), ("state", "!=", "disposed")]
        )
        self.env["lighting.asset.stocktake.line"].create(
            [
                {"stocktake_id": stocktake.id, "asset_id": asset.id, "book_quantity": asset.quantity}
                for stocktake in self
                for asset in assets
                if asset.company_id == stocktake.company_id
            ]
        )
        self.write({"state": "counting"})

    def request_validation(self):
        self._check_counted()
        return super().request_validation()

    def _check_counted(self):
        for line in self.line_ids:
            if not line.counted:
                raise UserError(
                    _(
                        "%(stocktake)s: %(asset)s is not counted yet.",
                        stocktake=line.stocktake_id.name,
                        asset=line.asset_id.display_name,
                    )
                )
            if line.difference and not line.explanation:
                raise UserError(
                    _(
                        "%(stocktake)s: explain the difference of %(asset)s (field Explanation).",
                        stocktake=line.stocktake_id.name,
                        asset=line.asset_id.display_name,
                    )
                )

    @flow_step
    def action_adjust(self):
        """Bring the ledger to the approved count."""
        self._check_counted()
        self.write({"state": "done"})
        for line in self.line_ids.filtered("difference"):
            line.asset_id.write(line._ledger_adjustment())
