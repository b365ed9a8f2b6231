from odoo import fields, models


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    lighting_asset_id = fields.Many2one(
        "lighting.asset",
        check_company=True,
        string="Office Asset",
        index="btree_not_null",
        copy=False,
        ondelete="set null",
        help="The ledger line of the office asset this equipment is (R4.3.3).",
    )

    _sql_constraints = [
        ("lighting_asset_unique", "unique(lighting_asset_id)", "An office asset is one piece of equipment."),
    ]
