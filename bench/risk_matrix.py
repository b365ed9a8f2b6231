"""Time the risk matrix (R7.1.3) over 50,000 risks of 20 offices.

Run it in an Odoo shell on a database where lighting_office is installed:

    python3 -m odoo shell -c .local-risk/odoo.conf -d DB --no-http < bench/risk_matrix.py

It creates the missing offices through the ORM (so they get their teams and
HQ access), inserts the risks with one SQL statement (the ORM would spend
minutes on tracking and history that the matrix never reads), times
`get_risk_matrix` as HQ Management (record rules applied, all offices
allowed), prints the server time and the number of queries, and rolls
everything back: the database is left as it was.
"""

import statistics
import time

OFFICES, RISKS, RUNS = 20, 50_000, 7

Company = env["res.company"]
offices = Company.search([("is_lighting_office", "=", True)], limit=OFFICES)
offices |= Company.create(
    [
        {"name": f"Bench Office {n:02d}", "is_lighting_office": True, "office_code": f"BENCH{n:02d}"}
        for n in range(len(offices), OFFICES)
    ]
)
hq_user = env.ref("base.user_admin")
env.flush_all()
env.cr.execute(
    """
    INSERT INTO lighting_risk (name, company_id, category, owner_id, identified_on, state,
                               likelihood, impact, score, level,
                               residual_likelihood, residual_impact, residual_score,
                               create_uid, write_uid, create_date, write_date)
    SELECT 'Bench risk ' || n,
           (%(offices)s)[1 + n %% %(office_count)s],
           (ARRAY['market', 'technical', 'financial', 'legal', 'personnel'])[1 + n %% 5],
           %(uid)s, CURRENT_DATE, 'assessed',
           l, i, l * i,
           CASE WHEN l * i >= 12 THEN 'high' WHEN l * i >= 5 THEN 'medium' ELSE 'low' END,
           0, 0, 0,
           %(uid)s, %(uid)s, now(), now()
      FROM generate_series(1, %(count)s) AS n,
           LATERAL (SELECT 1 + (n * 7) %% 5 AS l, 1 + (n * 13 / 5) %% 5 AS i) AS scale
    """,
    {"offices": offices.ids, "office_count": len(offices), "uid": hq_user.id, "count": RISKS},
)
env.cr.execute("ANALYZE lighting_risk")
env.invalidate_all()

Risk = env(user=hq_user, context={"allowed_company_ids": offices.ids})["lighting.risk"]
Risk.get_risk_matrix()  # warm the caches (rules, scales) as a running server has them
timings, queries = [], []
for _run in range(RUNS):
    count_before = env.cr.sql_log_count
    start = time.perf_counter()
    matrix = Risk.get_risk_matrix()
    timings.append((time.perf_counter() - start) * 1000)
    queries.append(env.cr.sql_log_count - count_before)

print(f"risks in the matrix: {matrix['total']} across {len(offices)} offices")
print(
    f"matrix server time: median {statistics.median(timings):.1f} ms, "
    f"best {min(timings):.1f} ms, worst {max(timings):.1f} ms over {RUNS} runs (goal < 300 ms)"
)
print(f"queries per matrix: {max(queries)}")
env.cr.rollback()
