import functools
import subprocess

from odoo import api, models

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin


@functools.cache
def wkhtmltopdf_has_patched_qt():
    """wkhtmltopdf's own version line says "(with patched qt)" for the builds that print page headers."""
    try:
        out = subprocess.run([_get_wkhtmltopdf_bin(), "--version"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return False
    return "with patched qt" in out


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        if not wkhtmltopdf_has_patched_qt():
            # An unpatched build ignores --header-html/--footer-html and warns on every print; the
            # module's reports carry their office and date in the body (report/report_office_header.xml).
            header = footer = None
        return super()._run_wkhtmltopdf(
            bodies,
            report_ref=report_ref,
            header=header,
            footer=footer,
            landscape=landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size,
        )
