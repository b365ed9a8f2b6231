from odoo import _, api, fields, models
from odoo.exceptions import UserError


class MaintenanceRequest(models.Model):
    """Upkeep of office equipment (R4.3.3, R6.1): preventive plans are recurring
    preventive requests, breakdowns corrective ones; a breakdown ends with a
    repair-or-replace decision, and the asset shows Under Repair while it is open."""

    _inherit = "maintenance.request"

    lighting_asset_id = fields.Many2one(
        related="equipment_id.lighting_asset_id", store=True, index="btree_not_null", string="Office Asset"
    )
    lighting_decision = fields.Selection(
        [("repair", "Repair"), ("replace", "Replace")],
        string="Repair or Replace",
        tracking=True,
        copy=False,
    )
    lighting_asset_request_id = fields.Many2one(
        "lighting.asset.request",
        check_company=True,
        string="Replacement Request",
        readonly=True,
        copy=False,
        help="The disposal request of the replaced asset, approved by the office manager.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests.lighting_asset_id._sync_repair_state()
        return requests

    def write(self, vals):
        assets_before = self.lighting_asset_id
        result = super().write(vals)
        if {"stage_id", "maintenance_type", "equipment_id", "archive"} & set(vals):
            (assets_before | self.lighting_asset_id)._sync_repair_state()
        return result

    def action_decide_repair(self):
        self.write({"lighting_decision": "repair"})

    def action_decide_replace(self):
        """Replace: the asset's disposal goes to the office manager as an asset request."""
        self.ensure_one()
        if not self.lighting_asset_id:
            raise UserError(
                _(
                    "%(request)s: the field Office Asset is empty; only an office asset can be replaced.",
                    request=self.name,
                )
            )
        asset_request = self.env["lighting.asset.request"].create(
            {
                "name": _(
                    "Replace %(asset)s after %(request)s", asset=self.lighting_asset_id.display_name, request=self.name
                ),
                "request_type": "disposal",
                "asset_id": self.lighting_asset_id.id,
                "company_id": self.lighting_asset_id.company_id.id,
            }
        )
        self.write({"lighting_decision": "replace", "lighting_asset_request_id": asset_request.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "lighting.asset.request",
            "res_id": asset_request.id,
            "view_mode": "form",
        }
