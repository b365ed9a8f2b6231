import base64

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.tools import SQL, html_escape

# Figures that are a ratio of two others: a group's value is the ratio of its
# sums, never the mean of its rows' ratios.
RATIOS = {
    "sales_achievement": ("sales_amount", "target_amount", 100.0),
    "consultation_on_time_rate": ("consultation_on_time", "consultation_count", 100.0),
    "feedback_on_time_rate": ("feedback_on_time", "feedback_count", 100.0),
    "repair_turnaround": ("repair_days", "repair_count", 1.0),
    "satisfaction": ("satisfaction_total", "survey_count", 1.0),
}


class LightingOfficeScorecard(models.Model):
    """One row per office and month with the figures HQ reads an office by
    (issue 18: R1.3, R3.1.6, R3.2, R3.3, R4.1, R4.2, R5.1, R7); quarters and
    years are groupings of months.

    The rows are stored, not a live query (issue 18 item 4): summing a million
    records for 50 offices x 24 months takes seconds, reading 1,200 stored rows
    milliseconds. _refresh() recomputes them all from the records in one
    INSERT ... SELECT: hourly (cron), on the Refresh button, before the monthly
    mail, and after install or update; refreshed_at tells the reader how fresh
    they are."""

    _name = "lighting.office.scorecard"
    _inherit = "lighting.office.figures.mixin"
    _description = "Office Scorecard"
    _order = "date desc, company_id"
    _sql_constraints = [
        ("office_month_unique", "unique(company_id, date)", "An office has one scorecard row per month."),
    ]

    company_id = fields.Many2one("res.company", string="Office", readonly=True, ondelete="cascade")
    date = fields.Date(string="Month", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    # R1.3 sales against target
    sales_amount = fields.Monetary(
        string="Sales", readonly=True, help="Untaxed amount of the confirmed orders dated in the month."
    )
    target_amount = fields.Monetary(
        string="Sales Target", readonly=True, help="The office's targets in force, spread evenly over their months."
    )
    sales_achievement = fields.Float(string="Achievement (%)", readonly=True, aggregator="avg")
    # R3.1.1 pipeline by prospect class
    lead_a_count = fields.Integer(string="A Prospects", readonly=True)
    lead_b_count = fields.Integer(string="B Prospects", readonly=True)
    lead_c_count = fields.Integer(string="C Prospects", readonly=True)
    pipeline_amount = fields.Monetary(
        string="Pipeline", readonly=True, help="Expected revenue of the leads created in the month."
    )
    # R3.1.6 overdue receivables by due month and aging
    overdue_amount = fields.Monetary(string="Overdue Receivables", readonly=True)
    overdue_1_30 = fields.Monetary(string="Overdue 1-30 days", readonly=True)
    overdue_31_60 = fields.Monetary(string="Overdue 31-60 days", readonly=True)
    overdue_61_90 = fields.Monetary(string="Overdue 61-90 days", readonly=True)
    overdue_over_90 = fields.Monetary(string="Overdue over 90 days", readonly=True)
    # R4.1 budget versus actual
    budget_profit = fields.Monetary(string="Budgeted Profit", readonly=True)
    revenue = fields.Monetary(readonly=True)
    cost = fields.Monetary(readonly=True)
    expense = fields.Monetary(string="Operating Expense", readonly=True)
    profit = fields.Monetary(readonly=True)
    # R4.2 expenses and pre-approvals
    expense_claimed = fields.Monetary(string="Expenses Approved", readonly=True)
    preapproval_count = fields.Integer(string="Pre-approved Large Expenses", readonly=True)
    preapproval_amount = fields.Monetary(string="Pre-approved Amount", readonly=True)
    # R3.2 / R3.3 service
    consultation_count = fields.Integer(string="Consultations", readonly=True)
    consultation_on_time = fields.Integer(string="Consultations Answered in Time", readonly=True)
    consultation_on_time_rate = fields.Float(string="Consultations in Time (%)", readonly=True, aggregator="avg")
    feedback_count = fields.Integer(string="Feedback", readonly=True)
    feedback_on_time = fields.Integer(string="Feedback Resolved in Time", readonly=True)
    feedback_on_time_rate = fields.Float(string="Feedback in Time (%)", readonly=True, aggregator="avg")
    repair_count = fields.Integer(string="Repairs Finished", readonly=True)
    repair_days = fields.Float(readonly=True)
    repair_turnaround = fields.Float(string="Repair Turnaround (days)", readonly=True, aggregator="avg")
    survey_count = fields.Integer(string="Satisfaction Surveys", readonly=True)
    satisfaction_total = fields.Integer(string="Satisfaction Points", readonly=True)
    satisfaction = fields.Float(string="Satisfaction (1-5)", readonly=True, aggregator="avg")
    # R7 risks
    risk_high_count = fields.Integer(string="Open High Risks", readonly=True)
    risk_medium_count = fields.Integer(string="Open Medium Risks", readonly=True)
    risk_low_count = fields.Integer(string="Open Low Risks", readonly=True)
    overdue_action_count = fields.Integer(string="Overdue Risk Actions", readonly=True)
    # R5.1 people, as of today (on the current month's row)
    headcount = fields.Integer(readonly=True)
    open_position_count = fields.Integer(string="Open Positions", readonly=True)
    planned_headcount = fields.Integer(readonly=True, help="Posts of this year's approved recruitment plans.")

    def _figures_query(self):
        """Every office's rows (id, company_id, date, figures...) from the records."""
        return SQL(
            """
            -- Each large table is summed per office and month in its branch, so the
            -- union carries some thousand rows, not a million (bench/scorecard.py).
            WITH figures(company_id, date, measure, amount) AS (
                SELECT company_id, date_trunc('month', date_order)::date, 'sales_amount', SUM(amount_untaxed)
                  FROM sale_order WHERE state = 'sale' GROUP BY 1, 2
             UNION ALL
                SELECT t.company_id, month::date, 'target_amount',
                       t.target_amount / (EXTRACT(YEAR FROM age(t.date_end + 1, t.date_start)) * 12
                                          + EXTRACT(MONTH FROM age(t.date_end + 1, t.date_start)))
                  FROM lighting_office_target t,
                       generate_series(t.date_start, t.date_end, interval '1 month') AS month
                 WHERE t.user_id IS NULL AND t.state IN ('active', 'closed')
             UNION ALL
                SELECT company_id, month, m.measure, m.value
                  FROM (SELECT company_id, date_trunc('month', create_date)::date AS month, prospect_class,
                               COUNT(*) AS leads, SUM(expected_revenue) AS revenue
                          FROM crm_lead WHERE active GROUP BY 1, 2, 3) AS leads,
                       LATERAL (VALUES ('lead_' || prospect_class || '_count', leads),
                                       ('pipeline_amount', revenue)) AS m(measure, value)
                 WHERE m.measure IS NOT NULL AND m.value <> 0
             UNION ALL
                SELECT company_id, month, measure, amount
                  FROM (SELECT company_id, date_trunc('month', invoice_date_due::timestamp)::date AS month,
                               aging_bucket, SUM(amount_residual) AS amount
                          FROM (%(collection)s) AS collection GROUP BY 1, 2, 3) AS due,
                       LATERAL (VALUES ('overdue_amount'), ('overdue_' || aging_bucket)) AS m(measure)
             UNION ALL
                SELECT company_id, date, measure, m.value
                  FROM (%(budget_analysis)s) AS budget_analysis,
                       LATERAL (VALUES ('budget_profit', profit_budget),
                                       (CASE category WHEN 'revenue' THEN 'revenue'
                                                      WHEN 'cost' THEN 'cost' ELSE 'expense' END, actual_amount),
                                       ('profit', profit_actual)) AS m(measure, value)
             UNION ALL
                SELECT company_id, date_trunc('month', date::timestamp)::date, 'expense_claimed', SUM(total_amount)
                  FROM hr_expense WHERE state IN ('approved', 'done') GROUP BY 1, 2
             UNION ALL
                SELECT company_id, date_trunc('month', create_date)::date, measure, m.value
                  FROM lighting_expense_preapproval,
                       LATERAL (VALUES ('preapproval_count', 1), ('preapproval_amount', amount)) AS m(measure, value)
                 WHERE state = 'approved'
             UNION ALL
                -- One scan of the tickets: consultations of the support teams,
                -- feedback of the after-sales teams.
                SELECT company_id, month, kind || m.measure, m.value
                  FROM (SELECT company_id, date_trunc('month', create_date)::date AS month,
                               CASE lighting_team_role WHEN 'support' THEN 'consultation' ELSE 'feedback' END AS kind,
                               COUNT(*) AS tickets,
                               COUNT(*) FILTER (WHERE CASE lighting_team_role
                                   WHEN 'support' THEN first_response_date IS NOT NULL
                                                       AND NOT COALESCE(response_late_measured, FALSE)
                                   ELSE closed_date IS NOT NULL
                                        AND NOT COALESCE(resolution_late_measured, FALSE) END) AS on_time
                          FROM helpdesk_ticket WHERE lighting_team_role IN ('support', 'aftersales')
                      GROUP BY 1, 2, 3) AS tickets,
                       LATERAL (VALUES ('_count', tickets), ('_on_time', on_time)) AS m(measure, value)
             UNION ALL
                SELECT company_id, month, measure, m.value
                  FROM (SELECT company_id, date_trunc('month', lighting_done_date)::date AS month,
                               COUNT(*) AS repairs, SUM(lighting_turnaround_days) AS days
                          FROM repair_order WHERE state = 'done' AND lighting_done_date IS NOT NULL
                      GROUP BY 1, 2) AS repairs,
                       LATERAL (VALUES ('repair_count', repairs), ('repair_days', days)) AS m(measure, value)
             UNION ALL
                SELECT company_id, month, measure, m.value
                  FROM (SELECT company_id, date_trunc('month', satisfaction_date::timestamp)::date AS month,
                               COUNT(*) AS surveys, SUM(satisfaction_score) AS points
                          FROM lighting_install_job WHERE satisfaction_score > 0 AND satisfaction_date IS NOT NULL
                      GROUP BY 1, 2) AS surveys,
                       LATERAL (VALUES ('survey_count', surveys), ('satisfaction_total', points)) AS m(measure, value)
             UNION ALL
                SELECT company_id, date_trunc('month', identified_on::timestamp)::date, 'risk_' || level || '_count',
                       COUNT(*)
                  FROM lighting_risk WHERE state <> 'closed' AND level IS NOT NULL GROUP BY 1, 2, 3
             UNION ALL
                SELECT company_id, date_trunc('month', date_deadline::timestamp)::date, 'overdue_action_count',
                       COUNT(*)
                  FROM lighting_risk_action WHERE state = 'todo' AND date_deadline < %(today)s GROUP BY 1, 2
             UNION ALL
                SELECT company_id, %(month)s, 'headcount', 1 FROM hr_employee WHERE active
             UNION ALL
                SELECT company_id, %(month)s, 'open_position_count', no_of_recruitment
                  FROM hr_job WHERE active AND no_of_recruitment > 0
             UNION ALL
                SELECT line.company_id, %(month)s, 'planned_headcount', line.headcount
                  FROM lighting_recruitment_plan_line line
                  JOIN lighting_recruitment_plan plan ON plan.id = line.plan_id
                 WHERE plan.state IN ('approved', 'open', 'closed') AND line.year = %(year)s
            ), sums AS (
                -- Summed per measure first, so that the columns below filter
                -- a few rows per office and month, not every record.
                SELECT company_id, date, measure, SUM(amount) AS amount
                  FROM figures
                 WHERE company_id IN (SELECT id FROM res_company WHERE is_lighting_office) AND date IS NOT NULL
              GROUP BY company_id, date, measure
            )
            -- The id is built from the row's keys so that office and date
            -- filters reach the source tables.
            SELECT company_id::bigint * 1000000 + EXTRACT(YEAR FROM date)::int * 100
                   + EXTRACT(MONTH FROM date)::int AS id,
                   company_id, date, %(columns)s
              FROM sums
          GROUP BY company_id, date
            """,
            today=self._today(),
            month=self._today().replace(day=1),
            year=self._today().year,
            columns=SQL(", ").join(self._measure_columns()),
            # budget versus actual and the receivables are queries, not tables (their models' _table_query)
            budget_analysis=self.env["lighting.budget.analysis"]._table_query,
            collection=self.env["lighting.collection.report"]._table_query,
        )

    def _measure_names(self):
        return [
            name
            for name, field in self._fields.items()
            if field.type in ("integer", "float", "monetary") and name != "id"
        ]

    def _figures_columns(self):
        return ["id", "company_id", "date", *self._measure_names()]

    def _measure_columns(self):
        columns = []
        for name in self._measure_names():
            if name in RATIOS:
                numerator, denominator, factor = RATIOS[name]
                columns.append(
                    SQL(
                        "COALESCE(%(factor)s * SUM(amount) FILTER (WHERE measure = %(num)s)"
                        " / NULLIF(SUM(amount) FILTER (WHERE measure = %(den)s), 0), 0) AS %(name)s",
                        factor=factor,
                        num=numerator,
                        den=denominator,
                        name=SQL.identifier(name),
                    )
                )
            else:
                cast = SQL("::int") if self._fields[name].type == "integer" else SQL()
                columns.append(
                    SQL(
                        "COALESCE(SUM(amount) FILTER (WHERE measure = %s), 0)%s AS %s",
                        name,
                        cast,
                        SQL.identifier(name),
                    )
                )
        return columns

    def _today(self):
        return fields.Date.context_today(self)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """A group's ratio is the ratio of its sums (RATIOS), not the mean of its rows'."""
        wanted = {spec.split(":")[0] for spec in fields} & set(RATIOS)
        extra = [f"{part}:sum" for name in wanted for part in RATIOS[name][:2]]
        groups = super().read_group(domain, list(fields) + extra, groupby, offset, limit, orderby, lazy)
        for group in groups:
            for name in wanted:
                numerator, denominator, factor = RATIOS[name]
                total = group.get(denominator)
                group[name] = factor * (group.get(numerator) or 0.0) / total if total else 0.0
        return groups

    # Each figure opens the records behind it, read with the reader's rights.

    def _period(self):
        self.ensure_one()
        return self.date, self.date + relativedelta(months=1)

    def _open(self, model, name, domain, views="list,form"):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _(
                "%(figure)s: %(office)s, %(month)s",
                figure=name,
                office=self.company_id.name,
                month=self.date.strftime("%Y-%m"),
            ),
            "res_model": model,
            "view_mode": views,
            "domain": [("company_id", "=", self.company_id.id)] + domain,
            "context": {"create": False},
        }

    def _in_month(self, field):
        start, end = self._period()
        return [(field, ">=", start), (field, "<", end)]

    def action_open_sales(self):
        return self._open("sale.order", _("Sales"), [("state", "=", "sale")] + self._in_month("date_order"))

    def action_open_targets(self):
        start, end = self._period()
        return self._open(
            "lighting.office.target",
            _("Sales Target"),
            [
                ("user_id", "=", False),
                ("state", "in", ("active", "closed")),
                ("date_start", "<", end),
                ("date_end", ">=", start),
            ],
        )

    def action_open_leads(self):
        return self._open("crm.lead", _("Pipeline"), self._in_month("create_date"), "list,form,kanban")

    def action_open_overdue(self):
        return self._open(
            "lighting.collection.report", _("Overdue Receivables"), self._in_month("invoice_date_due"), "list"
        )

    def action_open_budget(self):
        return self._open("lighting.budget.analysis", _("Budget versus Actual"), self._in_month("date"), "list,pivot")

    def action_open_expenses(self):
        return self._open(
            "hr.expense", _("Expenses Approved"), [("state", "in", ("approved", "done"))] + self._in_month("date")
        )

    def action_open_preapprovals(self):
        return self._open(
            "lighting.expense.preapproval",
            _("Pre-approved Large Expenses"),
            [("state", "=", "approved")] + self._in_month("create_date"),
        )

    def action_open_consultations(self):
        return self._open(
            "helpdesk.ticket",
            _("Consultations"),
            [("lighting_team_role", "=", "support")] + self._in_month("create_date"),
        )

    def action_open_feedback(self):
        return self._open(
            "helpdesk.ticket",
            _("Feedback"),
            [("lighting_team_role", "=", "aftersales")] + self._in_month("create_date"),
        )

    def action_open_repairs(self):
        return self._open(
            "repair.order", _("Repairs Finished"), [("state", "=", "done")] + self._in_month("lighting_done_date")
        )

    def action_open_surveys(self):
        return self._open(
            "lighting.install.job",
            _("Satisfaction Surveys"),
            [("satisfaction_score", ">", 0)] + self._in_month("satisfaction_date"),
        )

    def action_open_risks(self):
        return self._open(
            "lighting.risk",
            _("Open Risks"),
            [("state", "!=", "closed"), ("level", "!=", False)] + self._in_month("identified_on"),
        )

    def action_open_overdue_actions(self):
        return self._open(
            "lighting.risk.action",
            _("Overdue Risk Actions"),
            [
                ("state", "=", "todo"),
                ("date_deadline", "<", self._today()),
            ]
            + self._in_month("date_deadline"),
        )

    def action_open_employees(self):
        return self._open("hr.employee", _("Headcount"), [], "list,form,kanban")

    def action_open_positions(self):
        return self._open("hr.job", _("Open Positions"), [("no_of_recruitment", ">", 0)])

    def action_open_plan(self):
        return self._open(
            "lighting.recruitment.plan.line",
            _("Planned Headcount"),
            [
                ("plan_id.state", "in", ("approved", "open", "closed")),
                ("year", "=", self._today().year),
            ],
            "list",
        )

    # Issue 18 item 3: the monthly scorecard PDF.

    def _report_compliance(self):
        """The row's office's rules and score of the month, for the PDF."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id), ("date", "=", self.date)]
        return {
            "rules": self.env["lighting.office.compliance"].search(domain, order="check_key"),
            "score": self.env["lighting.office.compliance.score"].search(domain, limit=1),
        }

    @api.model
    def _cron_mail_monthly_scorecard(self):
        """On the 1st: last month's scorecard of each office to its manager and HQ
        Management, and all offices' in one PDF to HQ Management, in Chinese."""
        self._refresh_office_figures()
        month = (self._today() - relativedelta(months=1)).replace(day=1)
        zh = self.with_context(lang="zh_CN")
        rows = zh.search([("date", "=", month), ("company_id.is_lighting_office", "=", True)])
        hq = self.env.ref("lighting_office.group_lighting_hq_management").users.filtered("active")
        for row in rows:
            row._mail_scorecard(row.company_id.office_manager_id | hq, row.company_id.name)
        if rows:
            rows._mail_scorecard(hq, zh.env._("All Offices"))

    def _mail_scorecard(self, users, title):
        month = self[:1].date.strftime("%Y-%m")
        subject = self.env._("Office scorecard %(title)s %(month)s", title=title, month=month)
        pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "lighting_office.action_report_office_scorecard", self.ids
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{subject}.pdf",
                "datas": base64.b64encode(pdf),
                "mimetype": "application/pdf",
            }
        )
        return self.env["mail.mail"].create(
            {
                "subject": subject,
                "body_html": self.env._(
                    "<p>Attached is the office scorecard of %(title)s for %(month)s: sales against target, "
                    "receivables, budget, service, risks, people and compliance with the regulation.</p>",
                    title=html_escape(title),
                    month=month,
                ),
                "recipient_ids": [Command.set(users.partner_id.ids)],
                "attachment_ids": [Command.link(attachment.id)],
            }
        )
