from odoo import _, fields, models
from odoo.exceptions import UserError

from ..approval_flows import flow_step


class LightingAssetRequest(models.Model):
    """Purchase, transfer or disposal of an office asset, approved by the office
    manager before the ledger changes (R4.3.1)."""

    _name = "lighting.asset.request"
    _description = "Asset Request"
    _check_company_auto = True
    _inherit = ["tier.validation", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    _state_from = ["draft"]
    _state_to = ["done"]
    _tier_validation_manual_config = False

    name = fields.Char(string="Reason", required=True, tracking=True)
    request_type = fields.Selection(
        [("purchase", "Purchase"), ("transfer", "Asset Transfer"), ("disposal", "Disposal")],
        string="Type",
        required=True,
        default="purchase",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    asset_id = fields.Many2one(
        "lighting.asset",
        check_company=True,
        tracking=True,
        domain="[('company_id', '=', company_id), ('state', '!=', 'disposed')]",
        help="The asset transferred or disposed of; a purchase creates it.",
    )
    asset_name = fields.Char()
    ledger = fields.Selection([("fixed", "Fixed Asset"), ("consumable", "Low-value Consumable")], default="fixed")
    category = fields.Char()
    currency_id = fields.Many2one(related="company_id.currency_id")
    value = fields.Monetary()
    quantity = fields.Integer(default=1)
    location = fields.Char(string="New Location")
    custodian_id = fields.Many2one(
        "hr.employee", check_company=True, string="New Custodian", domain="[('company_id', '=', company_id)]"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    def _check_request(self):
        for request in self:
            if request.request_type == "purchase" and not (request.asset_name and request.category):
                raise UserError(
                    _("%(request)s: a purchase needs the fields Asset Name and Category.", request=request.name)
                )
            if request.request_type != "purchase" and not request.asset_id:
                raise UserError(_("%(request)s: the field Asset is empty.", request=request.name))
            if request.request_type == "disposal" and request.asset_id.state == "disposed":
                raise UserError(
                    _(
                        "%(request)s: %(asset)s is already disposed of.",
                        request=request.name,
                        asset=request.asset_id.display_name,
                    )
                )

    def request_validation(self):
        self._check_request()
        return super().request_validation()

    @flow_step
    def action_done(self):
        """Apply the approved request to the ledger."""
        self._check_request()
        self.write({"state": "done"})
        purchases = self.filtered(lambda request: request.request_type == "purchase")
        created = self.env["lighting.asset"].create([request._asset_vals() for request in purchases])
        for request, asset in zip(purchases, created, strict=True):
            request.asset_id = asset
        for request in self - purchases:
            request.asset_id.write(request._ledger_change())

    def _asset_vals(self):
        return {
            "name": self.asset_name,
            "category": self.category,
            "ledger": self.ledger,
            "company_id": self.company_id.id,
            "value": self.value,
            "quantity": self.quantity,
            "location": self.location,
            "custodian_id": self.custodian_id.id,
            "purchase_date": fields.Date.context_today(self),
        }

    def _ledger_change(self):
        if self.request_type == "disposal":
            return {"state": "disposed"}
        change = {"location": self.location} if self.location else {}
        if self.custodian_id:
            change["custodian_id"] = self.custodian_id.id
        return change

    @flow_step
    def action_cancel(self):
        self.write({"state": "cancel"})

    @flow_step
    def action_reset_draft(self):
        self.write({"state": "draft"})
        self.restart_validation()
