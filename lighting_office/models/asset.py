from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class LightingAsset(models.Model):
    """A line of an office's fixed-asset or low-value consumables ledger (R4.3.1)."""

    _name = "lighting.asset"
    _description = "Office Asset"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "company_id, code"
    _rec_names_search = ["name", "code"]

    code = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    name = fields.Char(required=True, tracking=True)
    ledger = fields.Selection(
        [("fixed", "Fixed Asset"), ("consumable", "Low-value Consumable")],
        required=True,
        default="fixed",
        tracking=True,
    )
    category = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    location = fields.Char(tracking=True)
    custodian_id = fields.Many2one(
        "hr.employee", check_company=True, tracking=True, domain="[('company_id', '=', company_id)]"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    value = fields.Monetary(tracking=True)
    quantity = fields.Integer(default=1, required=True, tracking=True)
    purchase_date = fields.Date(tracking=True)
    state = fields.Selection(
        [("in_use", "In Use"), ("idle", "Idle"), ("repair", "Under Repair"), ("disposed", "Disposed")],
        default="in_use",
        required=True,
        tracking=True,
    )
    equipment_ids = fields.One2many("maintenance.equipment", "lighting_asset_id")
    maintenance_open_count = fields.Integer(string="Open Maintenance", compute="_compute_maintenance_open_count")

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

    @api.constrains("custodian_id", "company_id")
    def _check_custodian_office(self):
        for asset in self:
            if asset.custodian_id and asset.custodian_id.company_id != asset.company_id:
                raise ValidationError(
                    _(
                        "%(asset)s: the field Custodian (%(custodian)s) is not an employee of the office %(office)s.",
                        asset=asset.display_name,
                        custodian=asset.custodian_id.name,
                        office=asset.company_id.name,
                    )
                )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for the Asset Ledger"),
                "template": "/lighting_office/static/xls/lighting_asset.xlsx",
            }
        ]

    def action_mark_state(self):
        """In use, idle or under repair; disposal goes through a disposal request."""
        state = self.env.context.get("lighting_asset_state")
        if state not in ("in_use", "idle", "repair") or "disposed" in self.mapped("state"):
            raise ValidationError(
                _("A disposed asset stays disposed; other changes of state are In Use, Idle and Under Repair.")
            )
        self.write({"state": state})

    def _compute_maintenance_open_count(self):
        counts = dict(
            self.env["maintenance.request"]._read_group(
                [("lighting_asset_id", "in", self.ids), ("stage_id.done", "=", False), ("archive", "=", False)],
                ["lighting_asset_id"],
                ["__count"],
            )
        )
        for asset in self:
            asset.maintenance_open_count = counts.get(asset, 0)

    def action_create_equipment(self):
        """R4.3.3: the asset becomes maintenance equipment of its office."""
        for asset in self:
            if asset.equipment_ids:
                raise UserError(_("%(asset)s already is equipment.", asset=asset.display_name))
        teams = self.env["maintenance.team"].search([("company_id", "in", self.company_id.ids)]).grouped("company_id")
        self.env["maintenance.equipment"].create(
            [
                {
                    "name": asset.name,
                    "lighting_asset_id": asset.id,
                    "company_id": asset.company_id.id,
                    "maintenance_team_id": teams.get(asset.company_id, self.env["maintenance.team"])[:1].id,
                    "serial_no": asset.code,
                    "cost": asset.value,
                    "location": asset.location,
                    "assign_date": asset.purchase_date,
                }
                for asset in self
            ]
        )
        return self.action_view_maintenance()

    def action_view_maintenance(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Maintenance"),
            "res_model": "maintenance.request",
            "view_mode": "kanban,list,form",
            "domain": [("lighting_asset_id", "=", self.id)],
            "context": {"default_equipment_id": self.equipment_ids[:1].id, "default_company_id": self.company_id.id},
        }

    def _sync_repair_state(self):
        """Under Repair while a corrective request is open; back in use once none is."""
        open_assets = {
            asset
            for (asset,) in self.env["maintenance.request"]
            .sudo()
            ._read_group(
                [
                    ("lighting_asset_id", "in", self.ids),
                    ("maintenance_type", "=", "corrective"),
                    ("stage_id.done", "=", False),
                    ("archive", "=", False),
                ],
                ["lighting_asset_id"],
            )
        }
        # sudo: the state follows the maintenance requests, which staff without
        # write access to the ledger may open and close; only the state is written.
        assets = self.sudo()
        assets.filtered(lambda a: a in open_assets and a.state in ("in_use", "idle")).write({"state": "repair"})
        assets.filtered(lambda a: a not in open_assets and a.state == "repair").write({"state": "in_use"})
