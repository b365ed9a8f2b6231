from odoo import api, fields, models


class LightingTechHandoverLine(models.Model):
    """One checklist item of a technical handover (R3.2.3)."""

    _name = "lighting.tech.handover.line"
    _description = "Technical Handover Checklist Item"
    _check_company_auto = True
    _order = "handover_id, kind, sequence, id"

    handover_id = fields.Many2one("lighting.tech.handover", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="handover_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("requirement", "Installation Requirement"),
            ("commissioning", "Commissioning Step"),
            ("precaution", "Precaution"),
        ],
        string="Type",
        required=True,
        default="requirement",
    )
    name = fields.Text(string="Item", required=True)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.handover_id._check_draft()
        return lines

    def write(self, vals):
        self.handover_id._check_draft()
        return super().write(vals)

    def unlink(self):
        self.handover_id._check_draft()
        return super().unlink()
