from odoo import models


class LightingChinesePrintMixin(models.AbstractModel):
    """What an office prints for its customer (contract, lighting solution, training sheet) comes
    out in Chinese when it is installed, else in the customer's language (R3.1.3, R3.2.2, R3.2.4)."""

    _name = "lighting.chinese.print.mixin"
    _description = "Printed in Chinese"

    def _print_lang(self):
        self.ensure_one()
        if self._prints_in_chinese() and self.env["res.lang"]._get_data(code="zh_CN"):
            return "zh_CN"
        return self.partner_id.lang

    def _prints_in_chinese(self):
        return True
