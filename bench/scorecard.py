"""Issue 18 scale check: the office scorecard and the compliance view for HQ
with 50 offices x 24 months and about 1,000,000 business records.

Run on a database with lighting_office and its demo data installed:

    python3 -m odoo shell -c .local/odoo.conf -d lighting_office_demo --log-level=warn < bench/scorecard.py

It prints, each as the median of RUNS runs with the load average beside it:
the refresh of the stored figures (the hourly cron's work), the scorecard,
compliance and ranking reads as HQ Management (admin, with record rules),
and PostgreSQL's own time of the refresh statements and of the same figures
computed live from the records (what every read cost before they were
stored). Then it rolls back, unless BENCH_COMMIT=1: then the data stays and
a rerun on that database only measures.

ORM bypass: each office and each business record is a copy of one demo
record made by INSERT ... SELECT generate_series (spread over the offices
and the last 24 months, with states, answers and dates that vary), because
creating a million records through the ORM would take hours. The bench
measures the reports, not record creation.
"""

import os
import statistics
import time
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tools import SQL

OFFICES = 50
MONTHS = 24
RUNS = int(os.environ.get("BENCH_RUNS", 5))
# Table: records, source model (for a template record), and the columns to vary;
# %(office)s, %(day)s, %(ts)s and %(n)s are the copy's office, date, timestamp and number.
VOLUME = {
    "sale_order": (
        250_000,
        "sale.order",
        {
            "date_order": "%(ts)s",
            "state": "CASE WHEN mod(n, 5) = 0 THEN 'draft' ELSE 'sale' END",
            "amount_untaxed": "1000 + mod(n, 9000)",
            "signed_date": "CASE WHEN mod(n, 3) = 0 THEN %(day)s END",
            "hq_filed_date": "CASE WHEN mod(n, 6) = 0 THEN %(ts)s + interval '3 day' END",
        },
    ),
    "crm_lead": (
        230_000,
        "crm.lead",
        {
            "create_date": "%(ts)s",
            "active": "TRUE",
            "expected_revenue": "mod(n, 50000)",
            "prospect_class": "(ARRAY['a', 'b', 'c'])[1 + mod(n, 3)]",
        },
    ),
    "helpdesk_ticket": (
        180_000,
        "helpdesk.ticket",
        {
            "create_date": "%(ts)s",
            "lighting_team_role": "CASE WHEN mod(n, 2) = 0 THEN 'support' ELSE 'aftersales' END",
            "response_deadline": "%(ts)s + interval '24 hour'",
            "first_response_date": "%(ts)s + (mod(n, 40)) * interval '1 hour'",
            "response_late_measured": "mod(n, 40) > 24",
            "closed_date": "%(ts)s + interval '2 day'",
        },
    ),
    "account_move": (
        60_000,
        "account.move",
        {
            "move_type": "'out_invoice'",
            "state": "'posted'",
            "payment_state": "'not_paid'",
            "invoice_date_due": "%(day)s",
            "date": "%(day)s",
            "amount_residual_signed": "100 + mod(n, 5000)",
        },
    ),
    "hr_expense": (
        110_000,
        "hr.expense",
        {
            "date": "%(day)s",
            "state": "CASE WHEN mod(n, 4) = 0 THEN 'draft' ELSE 'approved' END",
            "total_amount": "10 + mod(n, 900)",
        },
    ),
    "repair_order": (
        50_000,
        "repair.order",
        {
            "state": "'done'",
            "lighting_done_date": "%(ts)s",
            "lighting_turnaround_days": "mod(n, 15)",
            "lighting_test_state": "'passed'",
        },
    ),
    "lighting_install_job": (
        50_000,
        "lighting.install.job",
        {
            "state": "CASE WHEN mod(n, 2) = 0 THEN 'done' ELSE 'in_progress' END",
            "planned_date": "%(ts)s",
            "satisfaction_score": "1 + mod(n, 5)",
            "satisfaction_date": "%(day)s",
        },
    ),
    "lighting_risk": (
        40_000,
        "lighting.risk",
        {
            "identified_on": "%(day)s",
            "level": "(ARRAY['low', 'medium', 'high'])[1 + mod(n, 3)]",
            "state": "CASE WHEN mod(n, 4) = 0 THEN 'closed' ELSE 'assessed' END",
        },
    ),
    "lighting_risk_action": (
        40_000,
        "lighting.risk.action",
        {
            "date_deadline": "%(day)s",
            "state": "CASE WHEN mod(n, 3) = 0 THEN 'done' ELSE 'todo' END",
        },
    ),
    "lighting_revisit": (
        30_000,
        "lighting.revisit",
        {
            "planned_date": "%(day)s",
            "state": "CASE WHEN mod(n, 3) = 0 THEN 'planned' ELSE 'done' END",
            "done_date": "CASE WHEN mod(n, 3) <> 0 THEN %(day)s + mod(n, 5) END",
        },
    ),
    "lighting_meeting": (
        20_000,
        "lighting.meeting",
        {
            "date_start": "%(ts)s",
            "state": "CASE WHEN mod(n, 7) = 0 THEN 'notified' ELSE 'done' END",
        },
    ),
    "lighting_business_trip": (
        20_000,
        "lighting.business.trip",
        {
            "date_from": "%(day)s",
            "date_to": "%(day)s + 2",
            "state": "'approved'",
            "report_date": "CASE WHEN mod(n, 5) <> 0 THEN %(day)s + 4 END",
        },
    ),
    "lighting_suggestion": (
        20_000,
        "lighting.suggestion",
        {
            "submit_date": "%(day)s",
            "deadline": "%(day)s + 7",
            "answer_date": "CASE WHEN mod(n, 4) <> 0 THEN %(day)s + mod(n, 10) END",
        },
    ),
}
UNIQUE_TEXT = ("name", "number", "code", "office_code", "access_token")

cr = env.cr
today = date.today()
first_day = (today - relativedelta(months=MONTHS - 1)).replace(day=1)
days = (today - first_day).days + 1


def columns(table):
    cr.execute(
        """SELECT column_name, data_type FROM information_schema.columns
                   WHERE table_name = %s AND column_name <> 'id' ORDER BY ordinal_position""",
        [table],
    )
    return cr.fetchall()


def copy(table, template_id, count, overrides):
    """count copies of one row, varying office, dates and the overridden columns."""
    select = []
    for name, data_type in columns(table):
        if name in overrides:
            select.append(overrides[name])
        elif name == "company_id":
            select.append("%(office)s")
        elif name in UNIQUE_TEXT and data_type == "character varying":
            select.append(f"left({name}, 20) || '-B' || n")
        else:
            select.append(name)
    names = ", ".join(f'"{name}"' for name, _type in columns(table))
    sql = (
        f"INSERT INTO {table} ({names}) SELECT {', '.join(select)} "
        f"FROM {table}, generate_series(0, %(count)s - 1) AS n WHERE id = %(template)s"
    )
    sql = sql % {
        "office": "(%(offices)s)[1 + mod(n, array_length(%(offices)s, 1))]",
        "day": "(%(first_day)s::date + mod(n / array_length(%(offices)s, 1), %(days)s))",
        "ts": "((%(first_day)s::date + mod(n / array_length(%(offices)s, 1), %(days)s)) + interval '10 hour')",
        "n": "n",
        "count": "%(count)s",
        "template": "%(template)s",
    }
    cr.execute(
        sql, {"offices": office_ids, "first_day": first_day, "days": days, "count": count, "template": template_id}
    )


def load():
    return "load {:.1f} {:.1f} {:.1f} on 2 cores".format(*os.getloadavg())


def build():
    """The bench offices, their targets and the business records; the offices' ids."""
    global office_ids  # copy() spreads the copies over them
    started = time.perf_counter()
    Company = env["res.company"]
    template_office = Company.search([("is_lighting_office", "=", True)], limit=1, order="id")
    assert template_office, "needs a database with lighting_office's demo offices"
    cr.execute("SELECT max(id) FROM res_company")
    before = cr.fetchone()[0]
    copy_names = {"name": "'Bench office ' || n", "office_code": "'B' || n", "parent_path": "NULL", "parent_id": "NULL"}
    office_ids = [template_office.id]  # the copy of the offices themselves cycles on the template
    copy("res_company", template_office.id, OFFICES, copy_names)
    cr.execute("UPDATE res_company SET parent_path = id || '/' WHERE id > %s RETURNING id", [before])
    office_ids = [row[0] for row in cr.fetchall()]
    cr.execute("INSERT INTO res_company_users_rel (cid, user_id) SELECT unnest(%s), %s", [office_ids, admin.id])
    cr.execute(
        """INSERT INTO lighting_office_target (name, company_id, date_start, date_end, target_amount, state,
                                                      create_date, write_date)
                  SELECT 'Bench', office, month, (month + interval '1 month - 1 day')::date, 3000000, 'active',
                         now(), now()
                    FROM unnest(%s) AS office, generate_series(%s::date, %s::date, interval '1 month') AS month""",
        [office_ids, first_day, today],
    )
    print(f"{OFFICES} offices and their monthly targets in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    total = 0
    for table, (count, model, overrides) in VOLUME.items():
        template = env[model].search([], limit=1, order="id")
        if not template:
            print(f"  {table}: no demo record to copy, left out")
            continue
        copy(table, template.id, count, overrides)
        total += count
    for table in ["res_company", *VOLUME]:
        cr.execute(f"ANALYZE {table}")
    print(f"{total:,} business records in {time.perf_counter() - started:.1f} s")
    return office_ids


def median_of(run):
    """run() RUNS times: the median milliseconds, the queries of one run and run()'s last result."""
    times = []
    for _index in range(RUNS):
        env.invalidate_all()
        queries_before = cr.sql_log_count
        t0 = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - t0) * 1000)
        queries = cr.sql_log_count - queries_before
    return statistics.median(times), queries, result


def report(label, run, unit="groups"):
    elapsed, queries, result = median_of(run)
    size = f", {len(result)} {unit}" if isinstance(result, list) else ""
    print(f"{label}: {elapsed:.0f} ms median of {RUNS}, {queries} queries{size} ({load()})")


def pg_time(query):
    cr.execute(SQL("EXPLAIN (ANALYZE, FORMAT JSON) %s", query))
    return cr.fetchone()[0][0]["Execution Time"]


admin = env.ref("base.user_admin")
print(f"at start: {load()}")
cr.execute("SELECT array_agg(id ORDER BY id) FROM res_company WHERE name LIKE 'Bench office %'")
office_ids = cr.fetchone()[0] or build()
cr.execute("SELECT count(*) FROM res_company")
print(f"{len(office_ids)} bench offices, {cr.fetchone()[0]} companies in all")

env.invalidate_all()
env.registry.clear_cache()
Scorecard = env["lighting.office.scorecard"]
report("refresh of the stored scorecard and compliance (cron)", Scorecard._refresh_office_figures)
cr.execute("SELECT (SELECT count(*) FROM lighting_office_scorecard), (SELECT count(*) FROM lighting_office_compliance)")
print("stored rows: {} scorecard, {} compliance".format(*cr.fetchone()))

hq = env(user=admin.id, context={"allowed_company_ids": office_ids})
last_year = [("date", ">=", (today - relativedelta(months=11)).replace(day=1)), ("date", "<=", today)]


def grouped(model, domain, fields, groupby):
    Model = hq[model]
    Model.read_group(domain, fields[:1], groupby[:1])  # the rules' and fields' caches, as in a running server
    return lambda: Model.read_group(domain, fields, groupby, lazy=False)


SCORECARD = [
    "sales_amount:sum",
    "target_amount:sum",
    "sales_achievement:avg",
    "overdue_amount:sum",
    "profit:sum",
    "consultation_on_time_rate:avg",
    "satisfaction:avg",
    "risk_high_count:sum",
    "headcount:sum",
]
report(
    "scorecard, 50 offices, last 12 months by office",
    grouped("lighting.office.scorecard", last_year, SCORECARD, ["company_id"]),
)
report(
    "scorecard, 50 offices x 24 months",
    grouped("lighting.office.scorecard", [], SCORECARD, ["company_id", "date:month"]),
)
report(
    "compliance, 50 offices by rule, last 12 months",
    grouped(
        "lighting.office.compliance",
        last_year,
        ["share:avg", "offending_count:sum", "score:avg"],
        ["company_id", "check_key"],
    ),
)
report(
    "compliance score and rank, 50 offices x 24 months",
    grouped("lighting.office.compliance.score", [], ["score:avg", "rank:min"], ["company_id", "date:month"]),
)
last_month = (today - relativedelta(months=1)).replace(day=1)
report(
    "last month's ranking",
    lambda: hq["lighting.office.compliance.score"].search_read(
        [("date", "=", last_month)], ["company_id", "score", "rank"]
    ),
    "offices",
)
# office 2 of the bench has confirmed orders and support tickets (the copies cycle on n)
row = hq["lighting.office.scorecard"].search([("company_id", "=", office_ids[2]), ("date", "=", last_month)])
report(
    "drill-down: an office's confirmed orders of last month",
    lambda: hq["sale.order"].search(row.action_open_sales()["domain"]).ids,
    "orders",
)
rule = hq["lighting.office.compliance"].search(
    [("company_id", "=", office_ids[2]), ("date", "=", last_month), ("check_key", "=", "consultation_response")]
)
report("drill-down: an office's late consultations of last month", rule._offending_ids, "tickets")
# PostgreSQL's own time (no ORM, no Python), to tell it from the machine's load.
for label, model in (("scorecard", "lighting.office.scorecard"), ("compliance", "lighting.office.compliance")):
    figures = env[model]._figures_query()
    refresh_ms = pg_time(SQL("SELECT count(*) FROM (%s) AS f", figures))
    live_ms = pg_time(
        SQL("SELECT company_id, count(*) FROM (%s) AS f WHERE date >= %s GROUP BY company_id", figures, last_year[0][2])
    )
    stored_ms = pg_time(
        SQL(
            "SELECT company_id, count(*) FROM %s WHERE date >= %s GROUP BY company_id",
            SQL.identifier(env[model]._table),
            last_year[0][2],
        )
    )
    print(
        f"PostgreSQL, {label}: computing the figures {refresh_ms:.0f} ms, 12 months live {live_ms:.0f} ms, "
        f"12 months stored {stored_ms:.1f} ms ({load()})"
    )
print(f"at end: {load()}")
if os.environ.get("BENCH_COMMIT"):
    cr.commit()
    print("committed: a rerun on this database only measures")
else:
    cr.rollback()
    print("rolled back")
