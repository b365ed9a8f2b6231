from odoo import api, fields, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    review_type = fields.Selection(
        selection_add=[
            ("office_manager", "Office manager of the record's office"),
            ("hq_finance", "HQ Finance"),
            ("department_head", "Department head of the claimant"),
        ],
        ondelete={"office_manager": "set default", "hq_finance": "set default", "department_head": "set default"},
    )

    @api.model
    def _get_tier_validation_model_names(self):
        return super()._get_tier_validation_model_names() + [
            "lighting.recruitment.plan",
            "lighting.appraisal.outcome",
            "lighting.solution",
            "lighting.expense.preapproval",
            "lighting.asset.request",
            "lighting.asset.stocktake",
            "lighting.document",
            "lighting.archive.loan",
            "lighting.budget",
            "lighting.vehicle.request",
            "lighting.business.trip",
        ]
