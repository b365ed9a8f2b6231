"""Issue 20: the standard flows side by side, vanilla Odoo 18 against lighting_office.

Both databases hold the same dependencies (the manifest's `depends`), no demo data:

    python -m odoo -c ODOO_CONF -d parity_vanilla --without-demo=all --stop-after-init \\
        -i base_import,crm,sale_crm,sale_tier_validation,helpdesk_mgmt,helpdesk_mgmt_sla,hr,\
           hr_recruitment,hr_holidays,hr_expense_tier_validation,stock,repair,calendar,maintenance,fleet,l10n_cn
    python bench/parity.py -c ODOO_CONF --vanilla parity_vanilla --office lighting_test [--rounds 10 --chains 15]

Both registries are loaded in this one process. Each database gets a branch company
(in lighting_office an office, made as an admin makes it) and users of the real roles: in
vanilla the same users hold the standard groups the lighting_office role implies, so both
sides run with the same Odoo rights. In each round each database runs every flow `--chains`
times, one database after the other; which goes first alternates from round to round. It
prints per flow the median server time and the median query count on both sides, the ratio
(the median over the rounds of each round's ratio), and the worst ratio last. Everything is
rolled back.

Flows: confirm an approved order (the order's review is done before the clock starts),
three ways: against vanilla making no work order (what the installation job with its
safety checklist costs), against vanilla making the after-sales work order Odoo makes at
confirmation (the product's "Create Repair": a confirmed repair order), and apart from the
installation job (timed around `_create_install_jobs`) against vanilla making none;
create 3 expenses with receipts + their report and submit it (twice: against vanilla
without reviews, which shows what the three reviews cost, and against vanilla with the
same three OCA steps, requested after submitting as a vanilla user does), create and post
an invoice, a contract review request + its validation (vanilla: one OCA tier step
reviewed by the manager), and each role's first menu load (menu caches cleared first).
The worst ratio leaves out the two rows where vanilla does less work (no work order, no
review).
"""

import argparse
import base64
import statistics
import time
from datetime import timedelta

import odoo
from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import Registry

ROLES = ("sales", "support", "aftersales", "manager", "hq_finance", "hq_management")
HQ_ROLES = ("hq_finance", "hq_management")
CONFIRM_ROW = "confirm an approved order (vanilla: no work order)"
WORK_ORDER_ROW = "confirm an approved order, vanilla making a repair order"
# Lighting Office's work against none (its installation job, its reviews): what that work
# costs, not a like-for-like ratio.
NO_REVIEW_ROW = "create 3 expenses + report, submit (vanilla: no review)"
UNLIKE_ROWS = (CONFIRM_ROW, NO_REVIEW_ROW)


def role_groups(env):
    """{role: xmlids of the standard (non lighting_office) groups the role implies}."""
    result = {}
    for role in ROLES:
        group = env.ref(f"lighting_office.group_lighting_{role}")
        implied = (group | group.trans_implied_ids).filtered(
            lambda g: "lighting_office." not in (g.get_external_id()[g.id])
        )
        result[role] = sorted(xmlid for xmlid in implied.get_external_id().values() if xmlid)
    return result


class Side:
    """One database: its fixtures and the flows timed in it."""

    def __init__(self, label, registry, groups_by_role):
        self.label = label
        self.registry = registry
        self.cr = registry.cursor()
        self.env = api.Environment(self.cr, SUPERUSER_ID, {"tracking_disable": False})
        self.lighting = "lighting_office" in self.env.registry._init_modules
        self.job_clock = [0.0, 0]  # ms and queries of the installation jobs made in a run
        self._setup(groups_by_role)
        if self.lighting:
            self._clock_install_jobs()

    def _clock_install_jobs(self):
        """Time the installation jobs confirming makes (R3.1.5), to show confirming apart
        from them: the pending writes are flushed before the clock starts, the jobs' after."""
        model_class = type(self.env["sale.order"])
        create_jobs = model_class._create_install_jobs
        clock = self.job_clock

        def clocked(orders):
            orders.env.flush_all()
            started, queries = time.perf_counter(), orders.env.cr.sql_log_count
            result = create_jobs(orders)
            orders.env.flush_all()
            clock[0] += (time.perf_counter() - started) * 1000
            clock[1] += orders.env.cr.sql_log_count - queries
            return result

        model_class._create_install_jobs = clocked

    def _setup(self, groups_by_role):
        env = self.env
        main = env.ref("base.main_company")
        if self.lighting:
            office = env["res.company"].create(
                {"name": "Parity office", "is_lighting_office": True, "office_code": "PAR"}
            )
        else:
            office = env["res.company"].create({"name": "Parity office", "parent_id": main.id})
            if not env["stock.warehouse"].search([("company_id", "=", office.id)]):
                env["stock.warehouse"].create({"name": "Parity office", "code": "PAR", "company_id": office.id})
        self.office = office
        self.users = {}
        for role in ROLES:
            if self.lighting:
                groups = env.ref(f"lighting_office.group_lighting_{role}")
            else:
                groups = env["res.groups"].browse([env.ref(xmlid).id for xmlid in groups_by_role[role]])
            companies = office | main if role in HQ_ROLES else office
            self.users[role] = env["res.users"].create(
                {
                    "name": f"Parity {role}",
                    "login": f"parity_{role}",
                    "email": f"parity_{role}@example.com",
                    "company_id": companies[-1].id if role in HQ_ROLES else office.id,
                    "company_ids": [Command.set(companies.ids)],
                    "groups_id": [Command.set((env.ref("base.group_user") | groups).ids)],
                }
            )
        self.users["billing"] = env["res.users"].create(
            {
                "name": "Parity billing",
                "login": "parity_billing",
                "company_id": office.id,
                "company_ids": [Command.set(office.ids)],
                "groups_id": [Command.set((env.ref("base.group_user") | env.ref("account.group_account_invoice")).ids)],
            }
        )
        if self.lighting:
            office.office_manager_id = self.users["manager"]
            office.action_sync_office_teams()
        else:
            # The same contract review the module ships, with its reviewer named.
            env["tier.definition"].create(
                {
                    "name": "Contract review",
                    "model_id": env.ref("sale.model_sale_order").id,
                    "review_type": "individual",
                    "reviewer_id": self.users["manager"].id,
                    "company_id": False,
                    "notify_on_create": True,
                }
            )
        employees = {
            role: env["hr.employee"].create(
                {
                    "name": f"Parity {role}",
                    "user_id": self.users[role].id,
                    "company_id": office.id,
                }
            )
            for role in ("sales", "support", "manager")
        }
        department = env["hr.department"].create(
            {
                "name": "Parity sales",
                "company_id": office.id,
                "manager_id": employees["support"].id,
            }
        )
        (employees["sales"] | employees["manager"]).department_id = department
        if not self.lighting:
            # Lighting Office's three report steps as a vanilla admin sets them up in OCA:
            # department head, office manager, HQ Finance in turn, each told at the request.
            self.expense_tiers = env["tier.definition"].create(
                [
                    {
                        "name": name,
                        "model_id": env.ref("hr_expense.model_hr_expense_sheet").id,
                        "review_type": "individual",
                        "reviewer_id": self.users[role].id,
                        "sequence": sequence,
                        "approve_sequence": True,
                        "notify_on_create": True,
                        "company_id": False,
                    }
                    for name, role, sequence in (
                        ("Department head", "support", 30),
                        ("Office manager", "manager", 20),
                        ("HQ Finance", "hq_finance", 10),
                    )
                ]
            )
        self.employee = employees["sales"]
        self.customer = env["res.partner"].create({"name": "Parity customer", "is_company": True})
        self.product = env["product.product"].create({"name": "LED downlight", "list_price": 100.0, "type": "consu"})
        self.category = env["product.product"].create(
            {
                "name": "Travel",
                "type": "service",
                "can_be_expensed": True,
                "standard_price": 0.0,
            }
        )
        env.flush_all()

    # Each flow: prepare() runs before the clock, run(prepared) is timed.
    def _order(self):
        sales = self.users["sales"]
        # What an office's quotation needs before review (R3.1.3), on both sides.
        vals = {
            "partner_id": self.customer.id,
            "company_id": self.office.id,
            "user_id": sales.id,
            "payment_term_id": self.env.ref("account.account_payment_term_30days").id,
            "commitment_date": fields.Datetime.now() + timedelta(days=30),
            "order_line": [Command.create({"product_id": self.product.id, "product_uom_qty": 10})],
        }
        if self.lighting:
            vals["contract_terms"] = "<p>Delivery within 30 days of the deposit.</p>"
        return self.env["sale.order"].with_user(sales).with_company(self.office).create(vals)

    def prepare_confirm(self):
        self.product.create_repair = False
        order = self._order()
        order.request_validation()
        order.with_user(self.users["manager"]).validate_tier()
        return order

    def prepare_confirm_making_work_order(self):
        """Vanilla's own after-sales work order at confirmation: a repair order for a product
        with "Create Repair". Lighting Office makes its installation job instead."""
        order = self.prepare_confirm()
        if not self.lighting:
            self.product.create_repair = True
        return order

    def run_confirm(self, order):
        order.with_user(self.users["sales"]).with_company(self.office).action_confirm()

    def prepare_expense(self):
        """Vanilla without reviews: what the reports cost before anyone reviews them."""
        if not self.lighting:
            self.expense_tiers.active = False
        return False

    def prepare_reviewed_expense(self):
        """Vanilla with the same three reviews, requested as a vanilla user does, after submitting."""
        if not self.lighting:
            self.expense_tiers.active = True
        return True

    def run_expense(self, reviewed):
        user = self.users["sales"]
        env = self.env(user=user.id, context=dict(self.env.context, allowed_company_ids=self.office.ids))
        expenses = env["hr.expense"].create(
            [
                {
                    "name": f"Ticket {index}",
                    "employee_id": self.employee.id,
                    "product_id": self.category.id,
                    "total_amount_currency": 100.0 + index,
                    "company_id": self.office.id,
                }
                for index in range(3)
            ]
        )
        env["ir.attachment"].create(
            [
                {
                    "name": "receipt.txt",
                    "datas": base64.b64encode(b"receipt"),
                    "res_model": "hr.expense",
                    "res_id": expense.id,
                }
                for expense in expenses
            ]
        )
        sheet = env["hr.expense.sheet"].create(
            {
                "name": "Trip report",
                "employee_id": self.employee.id,
                "company_id": self.office.id,
                "expense_line_ids": [Command.set(expenses.ids)],
            }
        )
        sheet.action_submit_sheet()
        if reviewed and not self.lighting:
            sheet.request_validation()

    def prepare_invoice(self):
        return None

    def run_invoice(self, _prepared):
        env = self.env(
            user=self.users["billing"].id, context=dict(self.env.context, allowed_company_ids=self.office.ids)
        )
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_user_id": self.users["sales"].id,
                "invoice_line_ids": [
                    Command.create({"product_id": self.product.id, "quantity": 2, "price_unit": 50.0})
                ],
            }
        )
        invoice.action_post()

    def prepare_review(self):
        return self._order()

    def run_review(self, order):
        order.request_validation()
        order.with_user(self.users["manager"]).with_company(self.office).validate_tier()

    def prepare_menus(self):
        return None

    def make_menu_runner(self, role):
        def run(_prepared):
            self.env.registry.clear_cache()
            self.env["ir.ui.menu"].with_user(self.users[role]).load_menus(False)

        return run

    def flows(self):
        flows = [
            (CONFIRM_ROW, self.prepare_confirm, self.run_confirm),
            (WORK_ORDER_ROW, self.prepare_confirm_making_work_order, self.run_confirm),
            (NO_REVIEW_ROW, self.prepare_expense, self.run_expense),
            ("create 3 expenses + report, submit, 3 reviews", self.prepare_reviewed_expense, self.run_expense),
            ("create and post an invoice", self.prepare_invoice, self.run_invoice),
            ("contract review: request + validate", self.prepare_review, self.run_review),
        ]
        flows += [(f"first menu load, {role}", self.prepare_menus, self.make_menu_runner(role)) for role in ROLES]
        return flows

    def measure(self, prepare, run):
        prepared = prepare()
        self.env.flush_all()
        self.env.invalidate_all()
        self.job_clock[:] = [0.0, 0]
        queries = self.cr.sql_log_count
        started = time.perf_counter()
        run(prepared)
        self.env.flush_all()
        return (time.perf_counter() - started) * 1000, self.cr.sql_log_count - queries, *self.job_clock

    def close(self):
        self.cr.rollback()
        self.cr.close()


def paired_ratio(vanilla, ours, ms_of):
    """The median over the rounds of (our median / vanilla's median) in that round: the two
    sides of a round ran one after the other, so a machine slower for a while slows both."""
    return statistics.median(
        statistics.median(ms_of(s) for s in ours if s[0] == round_index)
        / statistics.median(s[1] for s in vanilla if s[0] == round_index)
        for round_index in sorted({s[0] for s in vanilla})
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--vanilla", required=True, help="database with the dependencies only")
    parser.add_argument("--office", required=True, help="database with lighting_office")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--chains", type=int, default=15)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn", "--no-http"])

    office_registry = Registry(args.office)
    with office_registry.cursor() as cr:
        groups_by_role = role_groups(api.Environment(cr, SUPERUSER_ID, {}))
    sides = [
        Side("vanilla", Registry(args.vanilla), groups_by_role),
        Side("lighting_office", office_registry, groups_by_role),
    ]
    samples = {}
    try:
        for round_index in range(args.rounds):
            # Each side runs every flow in a block, as a server works on its one database;
            # running a flow on one side then the other makes each block pay for the switch.
            for side in sides if round_index % 2 == 0 else sides[::-1]:
                for name, prepare, run in side.flows():
                    for _chain in range(args.chains):
                        samples.setdefault((name, side.label), []).append((round_index, *side.measure(prepare, run)))
            print(f"round {round_index + 1}/{args.rounds} done", flush=True)
        entries = {
            (side.label, role): len(side.env["ir.ui.menu"].with_user(side.users[role]).load_menus(False)) - 1
            for side in sides
            for role in ROLES
        }
    finally:
        for side in sides:
            side.close()

    print(f"\n{args.rounds} rounds x {args.chains} chains, alternating; medians (server ms / queries)")
    print("ratio: the median over the rounds of each round's ratio of medians\n")
    print("| flow | vanilla ms / q | lighting_office ms / q | ratio |")
    print("|---|---|---|---|")
    worst = (0, "")
    for name, _prepare, _run in sides[0].flows():
        vanilla, ours = samples[name, "vanilla"], samples[name, "lighting_office"]
        rows = [(name, lambda sample: sample[1], lambda sample: sample[2])]
        if name == CONFIRM_ROW:
            apart = "confirm an approved order apart from its installation job (vanilla: no work order)"
            rows.append((apart, lambda sample: sample[1] - sample[3], lambda sample: sample[2] - sample[4]))
        for label, ms_of, queries_of in rows:
            v_ms, v_q = statistics.median(s[1] for s in vanilla), statistics.median(s[2] for s in vanilla)
            o_ms, o_q = statistics.median(map(ms_of, ours)), statistics.median(map(queries_of, ours))
            ratio = paired_ratio(vanilla, ours, ms_of)
            if label not in UNLIKE_ROWS:
                worst = max(worst, (ratio, label))
            print(f"| {label} | {v_ms:.1f} / {v_q:g} | {o_ms:.1f} / {o_q:g} ({o_q - v_q:+g}) | {ratio:.2f}x |")
    print("\nmenu entries loaded (vanilla / lighting_office): ", end="")
    print(", ".join(f"{role} {entries['vanilla', role]} / {entries['lighting_office', role]}" for role in ROLES))
    print(f"\nworst ratio (like for like: rows where vanilla works less left out): {worst[0]:.2f}x ({worst[1]})")


if __name__ == "__main__":
    main()
