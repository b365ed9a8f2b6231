"""R4.1.3 scale check: budget versus actual for one office's year with 100,000
posted journal items, and for HQ across 20 offices (100,000 items each).

Run on a database with lighting_office installed (the demo one from `make run`):

    python3 -m odoo shell -c .local/odoo.conf -d lighting_office_demo --log-level=warn < bench/budget_vs_actual.py

It prints the server time and query count of each report, then rolls back.

ORM bypass: one balanced entry per office is created and posted through the
ORM; the volume is then copied from its two lines with one INSERT ... SELECT
generate_series per office (each copy keeps the pair balanced, posted, dated
through the year, on revenue/cost/expense accounts and departments). The
bench measures the report, not entry creation, which would take hours for
two million lines through account.move.create().
"""

import time
from datetime import date

from odoo import Command

OFFICES = 20
LINES_PER_OFFICE = 100_000
YEAR = date.today().year

Company = env["res.company"]
offices = Company.search([("is_lighting_office", "=", True)], limit=OFFICES)
started = time.perf_counter()
missing = OFFICES - len(offices)
if missing:
    offices |= Company.create(
        [
            {"name": f"Bench office {index}", "is_lighting_office": True, "office_code": f"BO{index:02d}"}
            for index in range(missing)
        ]
    )
print(f"{len(offices)} offices ready ({missing} created) in {time.perf_counter() - started:.1f} s")

first = offices[0]
Account = env["account.account"].with_company(first)
accounts = {
    kind: Account.create(
        {
            "name": f"Bench {kind}",
            "code": f"99{index}BEN",
            "account_type": account_type,
            "company_ids": [Command.set(offices.ids)],
        }
    )
    for index, (kind, account_type) in enumerate(
        [
            ("revenue", "income"),
            ("cost", "expense_direct_cost"),
            ("expense", "expense"),
            ("counterpart", "asset_current"),
        ]
    )
}
departments = env["hr.department"].create([{"name": f"Bench department {i}", "company_id": first.id} for i in range(5)])

started = time.perf_counter()
for office in offices:
    journal = env["account.journal"].create(
        {"name": "Bench", "code": "BNCH", "type": "general", "company_id": office.id}
    )
    template = (
        env["account.move"]
        .with_company(office)
        .create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": date(YEAR, 1, 1),
                "line_ids": [
                    Command.create({"account_id": accounts["revenue"].id, "credit": 1.0}),
                    Command.create({"account_id": accounts["counterpart"].id, "debit": 1.0}),
                ],
            }
        )
    )
    template.action_post()
    env.flush_all()
    # Each generated pair: a revenue, cost or expense line and its counterpart, same amount, same day.
    env.cr.execute(
        """
        INSERT INTO account_move_line (move_id, journal_id, company_id, company_currency_id, currency_id,
               account_id, date, parent_state, display_type, name, lighting_department_id,
               debit, credit, balance, amount_currency)
        SELECT %(move)s, %(journal)s, %(company)s, %(currency)s, %(currency)s,
               CASE WHEN side = 0 THEN (ARRAY[%(revenue)s, %(cost)s, %(expense)s])[1 + n %% 3] ELSE %(counterpart)s END,
               make_date(%(year)s, 1, 1) + (n %% 365), 'posted', 'product', 'bench',
               (ARRAY[%(departments)s])[1 + n %% 5],
               amount_debit, amount_credit, amount_debit - amount_credit, amount_debit - amount_credit
          FROM generate_series(1, %(pairs)s) AS n,
               LATERAL (SELECT side, (n %% 3 = 0) AS is_revenue, 10 + n %% 990 AS amount
                          FROM generate_series(0, 1) AS side) AS pair,
               LATERAL (SELECT CASE WHEN is_revenue = (side = 1) THEN amount ELSE 0 END AS amount_debit,
                               CASE WHEN is_revenue = (side = 0) THEN amount ELSE 0 END AS amount_credit) AS sides
    """,
        {
            "move": template.id,
            "journal": journal.id,
            "company": office.id,
            "currency": office.currency_id.id,
            "revenue": accounts["revenue"].id,
            "cost": accounts["cost"].id,
            "expense": accounts["expense"].id,
            "counterpart": accounts["counterpart"].id,
            "year": YEAR,
            "departments": departments.ids,
            "pairs": LINES_PER_OFFICE // 2,
        },
    )
    # The office may already have budgets for the year (the demo has v1): take the next free
    # version and put it alone in force, so the figures are the bench's volume only.
    env.cr.execute(
        "UPDATE lighting_budget SET state = 'superseded' WHERE company_id = %s AND year = %s AND state = 'approved'",
        [office.id, YEAR],
    )
    env.cr.execute(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM lighting_budget WHERE company_id = %s AND year = %s",
        [office.id, YEAR],
    )
    budget = env["lighting.budget"].create(
        {
            "company_id": office.id,
            "year": YEAR,
            "version": env.cr.fetchone()[0],
            "line_ids": [
                Command.create(
                    {
                        "category": category,
                        "date": date(YEAR, month, 1),
                        "amount": 500_000.0,
                        "department_id": department.id if office == first else False,
                    }
                )
                for month in range(1, 13)
                for category in ("revenue", "cost", "expense")
                for department in departments[:1]
            ],
        }
    )
    # Bench only: put the budget in force without HQ's review (the tier flow is tested in tests/).
    env.cr.execute("UPDATE lighting_budget SET state = 'approved' WHERE id = %s", [budget.id])
env.cr.execute("ANALYZE account_move_line")
print(
    f"{LINES_PER_OFFICE * len(offices):,} posted journal items in {len(offices)} offices "
    f"in {time.perf_counter() - started:.1f} s"
)

MEASURES = ["budget_amount:sum", "actual_amount:sum", "variance:sum", "variance_pct:avg"]
YEAR_DOMAIN = [("date", ">=", date(YEAR, 1, 1)), ("date", "<=", date(YEAR, 12, 31))]


def timed(label, companies, groupby):
    Analysis = env["lighting.budget.analysis"].with_context(allowed_company_ids=companies.ids)
    env.invalidate_all()
    queries_before = env.cr.sql_log_count
    t0 = time.perf_counter()
    groups = Analysis.read_group(YEAR_DOMAIN + [("company_id", "in", companies.ids)], MEASURES, groupby, lazy=False)
    elapsed = (time.perf_counter() - t0) * 1000
    print(f"{label}: {elapsed:.0f} ms, {env.cr.sql_log_count - queries_before} queries, {len(groups)} groups")


timed("one office's year by month, line and department", first, ["date:month", "category", "department_id"])
timed("one office's year by quarter and line", first, ["date:quarter", "category"])
timed(f"HQ across {len(offices)} offices by office and line", offices, ["company_id", "category"])
timed(f"HQ across {len(offices)} offices by office, month and line", offices, ["company_id", "date:month", "category"])
env.cr.rollback()
print("rolled back")
