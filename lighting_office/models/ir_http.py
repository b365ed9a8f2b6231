from odoo import api, models
from odoo.http import request

from .res_company import HQ_GROUPS


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """R1.2: head office starts with every office it works in active in the company
        switcher. The web client takes the active companies from the `cids` cookie and,
        without one, activates the user's default company only; so, when the browser has
        no cookie yet, HQ users get one naming all their companies, default company first.
        A choice made in the switcher afterwards is kept in that cookie and respected."""
        info = super().session_info()
        companies = info.get("user_companies")
        if (
            companies
            and request
            and not request.httprequest.cookies.get("cids")
            and any(self.env.user.has_group(group) for group in HQ_GROUPS)
        ):
            current = companies["current_company"]
            active = [current, *(cid for cid in companies["allowed_companies"] if cid != current)]
            request.future_response.set_cookie("cids", "-".join(str(cid) for cid in active), max_age=365 * 24 * 3600)
        return info

    @api.model
    def get_translations_for_webclient(self, modules, lang):
        """The web client merges the terms of every module into one dictionary, in no set order
        (the modules come from a set). i18n_extra/ gives the JavaScript and template strings of
        base_tier_validation's review table and menu this module's Chinese (审核, 待审核人…), which
        Odoo serves as this module's terms: the same strings are left out of the other modules'
        lists so that these are the ones shown, whatever the order."""
        translations, lang_params = super().get_translations_for_webclient(modules, lang)
        ours = translations.get("lighting_office")
        if ours and ours["messages"]:
            terms = {message["id"] for message in ours["messages"]}
            for module, catalogue in translations.items():
                if module != "lighting_office":
                    messages = tuple(message for message in catalogue["messages"] if message["id"] not in terms)
                    translations[module] = {**catalogue, "messages": messages}
        return translations, lang_params
