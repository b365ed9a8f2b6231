from odoo import models
from odoo.tools.translate import TranslationImporter

DEPENDENCY_TERMS = "lighting_office/i18n_extra/zh_CN.po"


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        """The Chinese of the dependencies' strings on Lighting Office's screens is in
        i18n_extra/ (helpdesk_mgmt and base_tier_validation ship none; some of Odoo's read
        wrong here). Odoo reads it with this module's catalogue, but keeps translations
        already in the database and lets modules loaded after this one (account_fleet…)
        win; so it is applied last, over them, whenever this module's terms are loaded. The offices'
        default SLAs, named when the office was created, get their names in the language then."""
        res = super()._load_module_terms(modules, langs, overwrite=overwrite, imported_module=imported_module)
        if "lighting_office" in modules and "zh_CN" in langs:
            importer = TranslationImporter(self.env.cr, verbose=False)
            importer.load_file(DEPENDENCY_TERMS, "zh_CN")
            importer.save(force_overwrite=True)
            self.env["helpdesk.sla"].search(
                [("company_id.is_lighting_office", "=", True)]
            )._lighting_translate_default_names()
        return res
