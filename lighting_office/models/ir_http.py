from odoo import api, models
from odoo.http import request

from .res_company import HQ_GROUPS

# Where several modules translate the same web-client string, these catalogues' Chinese is shown.
PREFERRED_CATALOGUES = ("lighting_office", "web")


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
        (the modules come from a set), so a string two modules translate differently reads one way
        or the other from one server start to the next (web_hierarchy's "New" is 创建, the web
        client's 新建). This module's terms win (i18n_extra/ gives base_tier_validation's review table
        and menu its 审核 words), then the web client's own: the other modules' lists leave out the
        strings these two translate."""
        translations, lang_params = super().get_translations_for_webclient(modules, lang)
        preferred = [module for module in PREFERRED_CATALOGUES if module in translations]
        others = [module for module in translations if module not in PREFERRED_CATALOGUES]
        taken = set()
        for module in preferred + others:
            catalogue = translations[module]
            translations[module] = {
                **catalogue,
                "messages": tuple(message for message in catalogue["messages"] if message["id"] not in taken),
            }
            if module in preferred:
                taken |= {message["id"] for message in catalogue["messages"]}
        return translations, lang_params
