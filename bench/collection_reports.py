"""R3.1.6 scale check: overdue list, aging report and HQ collection report over
10,000 customer invoices across offices.

Run on a database with lighting_office installed (the demo one from `make run`):

    python3 -m odoo shell -c .local/odoo.conf -d lighting_office_demo --log-level=warn < bench/collection_reports.py

It creates the invoices in the shell's transaction, prints the server time of
each report, and rolls everything back.
"""

import random
import time
from datetime import timedelta

from odoo import Command, fields

INVOICES = 10_000
BATCH = 500

offices = env["res.company"].search([("is_lighting_office", "=", True)])
assert offices, "no office: install lighting_office with demo data first"
customer = env["res.partner"].create({"name": "Bench customer"})
today = fields.Date.context_today(customer)
rng = random.Random(42)

started = time.perf_counter()
for start in range(0, INVOICES, BATCH):
    vals = []
    for _ in range(min(BATCH, INVOICES - start)):
        due = today - timedelta(days=rng.randint(-20, 150))
        vals.append(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "company_id": rng.choice(offices).id,
                "invoice_date": due - timedelta(days=30),
                "invoice_date_due": due,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "LED",
                            "quantity": 1,
                            "price_unit": rng.randint(100, 5000),
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
    moves = env["account.move"].create(vals)
    moves.action_post()
    env.flush_all()
    env.invalidate_all()
print(f"created {INVOICES} posted invoices in {time.perf_counter() - started:.1f} s")


def timed(label, func):
    env.invalidate_all()
    queries_before = env.cr.sql_log_count
    t0 = time.perf_counter()
    result = func()
    elapsed = (time.perf_counter() - t0) * 1000
    print(f"{label}: {elapsed:.0f} ms, {env.cr.sql_log_count - queries_before} queries, {result}")


manager = offices[0].office_manager_id or env.user
Move = env["account.move"].with_user(manager).with_context(allowed_company_ids=offices[:1].ids)
timed(
    "overdue list of one office (search + days overdue)",
    lambda: (
        "invoices: "
        + str(
            len(
                Move.search_fetch(Move._overdue_domain(), ["name", "invoice_date_due", "payment_state"]).mapped(
                    "days_overdue"
                )
            )
        )
    ),
)
Report = env["lighting.collection.report"]
timed(
    "aging report of one office",
    lambda: (
        "buckets: "
        + str(
            len(
                Report.with_context(allowed_company_ids=offices[:1].ids)._read_group(
                    [("company_id", "=", offices[0].id)], ["aging_bucket"], ["amount_residual:sum"]
                )
            )
        )
    ),
)
timed(
    "HQ collection report across offices",
    lambda: (
        "cells: "
        + str(
            len(
                Report.with_context(allowed_company_ids=offices.ids)._read_group(
                    [], ["company_id", "aging_bucket"], ["amount_residual:sum"]
                )
            )
        )
    ),
)
env.cr.rollback()
print("rolled back")
