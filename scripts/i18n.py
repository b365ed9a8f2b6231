#!/usr/bin/env python3
"""Refresh lighting_office's translation files after strings changed.

    python3 scripts/i18n.py [DATABASE]

Exports lighting_office.pot from DATABASE (default: the test database that
`make test` leaves, installed without demo data), merges it into
i18n/zh_CN.po keeping every existing translation, and lists the strings that
still need their Chinese text (test_translation fails until they have it).
"""

import os
import subprocess
import sys

import polib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
I18N = os.path.join(ROOT, "lighting_office", "i18n")
CONF = os.path.join(os.environ.get("LIGHTING_OFFICE_STATE", os.path.join(ROOT, ".local")), "odoo.conf")
database = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("LIGHTING_OFFICE_TEST_DB", "lighting_office_test")
pot_path = os.path.join(I18N, "lighting_office.pot")
subprocess.run(
    [
        sys.executable,
        "-m",
        "odoo",
        "-c",
        CONF,
        "-d",
        database,
        f"--i18n-export={pot_path}",
        "--modules=lighting_office",
        "--stop-after-init",
        "--log-level=warn",
    ],
    check=True,
)
po_path = os.path.join(I18N, "zh_CN.po")
po = polib.pofile(po_path)
po.merge(polib.pofile(pot_path))
po.save(po_path)
untranslated = [entry.msgid for entry in po if not entry.msgstr and not entry.obsolete]
print(f"{len(po)} strings, {len(untranslated)} without Chinese:")
for msgid in untranslated:
    print("  " + msgid.replace("\n", "\\n"))
