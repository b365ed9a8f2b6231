"""What a Chinese user reads on the screens Lighting Office opens, and what of it is still English.

The screens are the views of every window action behind the module's menus (form, list, kanban,
search), rendered the way the web client gets them (get_views, in zh_CN): their labels, buttons,
help texts, placeholders and text, the labels, help and selection values of their fields, plus the
stages of the helpdesk tickets and the channels. A word of ASCII letters left there is English.
"""

import re

from lxml import etree

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
# Addresses, domains and e-mail examples (www.odoo.com, jobs@example.com) are not words to translate.
ADDRESS = re.compile(r"\S*(?:://|@|\.(?:com|org|net|cn)\b)\S*")
# Examples quoted in a help text (例如：Fall_Drive, "jobs") are values to type, not words to translate.
EXAMPLE = re.compile(r"\w*_\w*|\"[^\"]*\"|“[^”]*”")
# Acronyms (all capitals: PDF, LED, HD, TIN) stay as they are; so do these units and names.
ALLOWED = {
    "lx",
    "Ra",
    "UF",
    "MF",
    "Excel",
    "xlsx",
    "xls",
    "km",
    "kW",
    "kWh",
    "lm",
    "mm",
    "cm",
    "Odoo",
    "LinkedIn",
    "EMail",
    "Logo",
    "false",
}
# Settings is Odoo's page of every installed app, not a screen of this module (its own block is ours).
SKIPPED_MODELS = {"res.config.settings"}
TEXT_ATTRS = ("string", "help", "placeholder", "title", "confirm", "sum")
VIEW_TYPES = ("form", "list", "kanban", "search")
INVISIBLE = {"1", "True", "true"}


def english_words(text):
    text = EXAMPLE.sub(" ", ADDRESS.sub(" ", text or ""))
    return [word for word in ENGLISH_WORD.findall(text) if word not in ALLOWED and not word.isupper()]


def menu_actions(env):
    """The window actions of Lighting Office's menus (the Quotations server action's too)."""
    menus = env["ir.ui.menu"].search([("id", "child_of", env.ref("lighting_office.menu_lighting_root").id)])
    actions = []
    for action in {menu.action for menu in menus if menu.action}:
        if action._name == "ir.actions.server":
            actions.append(env["sale.order"]._action_lighting_quotations())
        elif action._name == "ir.actions.act_window":
            actions.append(action.read()[0])
    return actions


def _views_of(action):
    modes = [mode for mode in action["view_mode"].split(",") if mode in VIEW_TYPES]
    explicit = {vtype: vid for vid, vtype in action.get("views") or [] if vid}
    views = [(explicit.get(mode, False), mode) for mode in modes]
    if "search" not in modes:
        search = action.get("search_view_id")
        views.append((search[0] if isinstance(search, (list, tuple)) else search or False, "search"))
    return views


def untranslated(env, actions):
    """{(model, view type, where): [english words]} for the views of the actions, in zh_CN."""
    env = env(context=dict(env.context, lang="zh_CN"))
    found = {}

    def note(key, text):
        if english_words(text):
            found.setdefault(key, set()).add(" ".join(text.split()))

    seen = set()
    for action in actions:
        model = action["res_model"]
        if model not in env or model in SKIPPED_MODELS:
            continue
        views = [view for view in _views_of(action) if (model, view) not in seen]
        seen.update((model, view) for view in views)
        if not views:
            continue
        result = env[model].get_views(views)
        fields_of = {name: info["fields"] for name, info in result["models"].items()}
        for vtype, view in result["views"].items():
            arch = etree.fromstring(view["arch"])
            _check_arch(arch, model, vtype, fields_of, note)
    _check_records(env, note)
    return {key: sorted(words) for key, words in found.items()}


def _check_arch(arch, model, vtype, fields_of, note):
    in_kanban = vtype == "kanban"
    for node in arch.iter():
        if not isinstance(node.tag, str):
            continue
        if node.get("invisible") in INVISIBLE or node.get("column_invisible") in INVISIBLE:
            continue
        for attr in TEXT_ATTRS:
            if attr == "string" and node.getparent() is None:
                continue  # the view's own title is not shown by the web client
            if attr == "title" and node.tag in ("i", "span"):
                continue  # a tooltip beside the value or label it explains
            if node.get(attr) and not (in_kanban and attr == "sum"):
                note((model, vtype, f"{node.tag} {attr}"), node.get(attr))
        if node.tag not in ("field", "templates", "script", "style", "t") and node.text and node.text.strip():
            if not (in_kanban and "{{" in node.text):
                note((model, vtype, f"{node.tag} text"), node.text)
        if node.tail and node.tail.strip() and node.getparent() is not None and node.getparent().tag != "t":
            note((model, vtype, f"{node.getparent().tag} text"), node.tail)
        if (
            node.tag == "field"
            and not node.get("string")
            and vtype != "search"
            or (node.tag == "field" and vtype == "search" and not node.get("string"))
        ):
            field_model = _field_model(node, model, fields_of)
            info = fields_of.get(field_model, {}).get(node.get("name"), {})
            if vtype != "kanban" or node.get("widget"):
                note((field_model, vtype, f"field {node.get('name')} label"), info.get("string"))
            note((field_model, vtype, f"field {node.get('name')} help"), info.get("help"))
        if node.tag == "field":
            field_model = _field_model(node, model, fields_of)
            info = fields_of.get(field_model, {}).get(node.get("name"), {})
            for _value, label in info.get("selection") or []:
                note((field_model, vtype, f"field {node.get('name')} value"), label)


def _field_model(node, model, fields_of):
    """The model a <field> of a sub-view (x2many list/form inside a form) belongs to."""
    parent = node.getparent()
    while parent is not None:
        if parent.tag == "field" and parent.getparent() is not None:
            outer = _field_model(parent, model, fields_of)
            relation = fields_of.get(outer, {}).get(parent.get("name"), {}).get("relation")
            if relation:
                return relation
        parent = parent.getparent()
    return model


def _check_records(env, note):
    """Records shown as choices or stages: ticket stages, channels, priorities' stage bar."""
    for model in ("helpdesk.ticket.stage", "helpdesk.ticket.channel"):
        for record in env[model].search([]):
            note((model, "record", f"{record.get_external_id().get(record.id) or record.id} name"), record.name)
