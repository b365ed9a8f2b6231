from odoo import _, models

from odoo.addons.base_import.models.base_import import ImportValidationError


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def _read_file(self, options):
        """A sheet without a single row is refused by name (Odoo's importer
        otherwise fails on it with an index error)."""
        file_length, rows = super()._read_file(options)
        if not rows:
            raise ImportValidationError(
                _(
                    "%(file)s holds no rows: its first row names the columns, the rows below it the records.",
                    file=self.file_name or _("The file"),
                )
            )
        return file_length, rows
