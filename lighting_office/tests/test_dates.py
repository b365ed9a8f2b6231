"""Issue 13: the suite passes on every day of the year.

A literal date in a test or tour breaks the day "today" passes it. Every literal date
in tests/ and static/tests/ must be inside freezegun's ``freeze_time`` (its argument,
its ``with`` block or a decorated test) or carry a ``fixed date:`` comment saying why
no "today" is involved; dates compared with today are written relative to it.
"""

import ast
import re
from pathlib import Path

from odoo.tests import BaseCase, tagged

MODULE = Path(__file__).resolve().parent.parent
DATE_TEXT = re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b|\b[0-3]\d/[0-3]\d/(?:19|20)\d\d\b")
MARKER = "fixed date:"


def _is_freeze_time(node):
    return isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "freeze_time"


def _is_literal_date(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(DATE_TEXT.search(node.value))
    return (
        isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("date", "datetime")
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, int)
    )


def literal_dates_in_python(source):
    """Line numbers of literal dates outside freeze_time and without a marker comment."""
    lines = source.splitlines()
    found = []

    def visit(node, frozen, statement=None):
        if isinstance(node, ast.stmt) and not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.With)):
            statement = node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            frozen = frozen or any(_is_freeze_time(decorator) for decorator in node.decorator_list)
        if isinstance(node, ast.With) and any(_is_freeze_time(item.context_expr) for item in node.items):
            frozen = True
        if _is_freeze_time(node):
            frozen = True
        if not frozen and _is_literal_date(node):
            # the marker may stand anywhere on the statement (the formatter moves comments)
            where = statement or node
            span = lines[where.lineno - 1 : where.end_lineno]
            if not any(MARKER in line for line in span):
                found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, frozen, statement)

    visit(ast.parse(source), False)
    return sorted(set(found))


def literal_dates_in_js(source):
    return [
        number for number, line in enumerate(source.splitlines(), 1) if DATE_TEXT.search(line) and MARKER not in line
    ]


@tagged("post_install", "-at_install")
class TestNoDateDependentTests(BaseCase):
    """R3.3.3 and every other clause R1.1-R7.2 (issue 13): no test or tour depends on the day it runs."""

    def test_scan_finds_literal_dates(self):
        """R3.3.3, R1.1-R7.2: the scan itself flags what it must and lets frozen or marked dates pass."""
        source = (
            "from freezegun import freeze_time\n"
            "a = date(1999, 6, 3)\n"
            "b = '1999-12-20 08:00:00'\n"
            "c = date(1999, 1, 1)  # fixed date: compared with no today\n"
            "with freeze_time(datetime(1999, 6, 1, 10)):\n"
            "    d = date(1999, 6, 4)\n"
            "@freeze_time('1999-01-01')\n"
            "def test(): return date(1999, 1, 2)\n"
            "e = date(self.YEAR, 3, 1)\n"
        )
        self.assertEqual(literal_dates_in_python(source), [2, 3])
        self.assertEqual(literal_dates_in_js('run: "edit 12/01/1999",\nrun: `edit ${day}`,\n'), [1])

    def test_no_literal_date_compared_with_today(self):
        """R3.3.3, R1.1-R7.2: in every test module and tour, literal dates are frozen or marked."""
        offending = []
        for path in sorted((MODULE / "tests").glob("*.py")):
            if path.name == Path(__file__).name:
                continue  # its own samples above
            offending += [f"{path.name}:{line}" for line in literal_dates_in_python(path.read_text())]
        for path in sorted((MODULE / "static" / "tests").rglob("*.js")):
            offending += [f"{path.name}:{line}" for line in literal_dates_in_js(path.read_text())]
        self.assertFalse(offending, "literal dates that break on the day they pass: " + ", ".join(offending))
