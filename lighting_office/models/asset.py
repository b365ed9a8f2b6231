from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LightingAsset(models.Model):
    """A line of an office's fixed-asset or low-value consumables ledger (R4.3.1)."""

    _name = "lighting.asset"
    _description = "Office Asset"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "company_id, code"
    _rec_names_search = ["name", "code"]

    code = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    name = fields.Char(required=True, tracking=True)
    ledger = fields.Selection(
        [("fixed", "Fixed Asset"), ("consumable", "Low-value Consumable")],
        required=True, default="fixed", tracking=True,
    )
    category = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    location = fields.Char(tracking=True)
    custodian_id = fields.Many2one(
        "hr.employee", string="Custodian", tracking=True, domain="[('company_id', '=', company_id)]"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    value = fields.Monetary(tracking=True)
    quantity = fields.Integer(default=1, required=True, tracking=True)
    purchase_date = fields.Date(tracking=True)
    state = fields.Selection(
        [("in_use", "In Use"), ("idle", "Idle"), ("repair", "Under Repair"), ("disposed", "Disposed")],
        default="in_use", required=True, tracking=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("code", "/") == "/":
                vals["code"] = self.env["ir.sequence"].next_by_code("lighting.asset") or "/"
        return super().create(vals_list)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for asset in self:
            asset.display_name = f"[{asset.code}] {asset.name}"

    @api.constrains("quantity", "value")
    def _check_quantity(self):
        for asset in self:
            if asset.quantity < 0 or asset.value < 0:
                raise ValidationError(
                    _("%(asset)s: the fields Quantity and Value cannot be negative.", asset=asset.display_name)
                )

    def action_mark_state(self):
        """In use, idle or under repair; disposal goes through a disposal request."""
        state = self.env.context.get("lighting_asset_state")
        if state not in ("in_use", "idle", "repair") or "disposed" in self.mapped("state"):
            raise ValidationError(_("A disposed asset stays disposed; other changes of state are In Use, Idle "
                                    "and Under Repair."))
        self.write({"state": state})
