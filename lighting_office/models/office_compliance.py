from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.tools import SQL

from .office_figures_mixin import REFRESH_LOCK
from .risk import ALLOWED_RESPONSES

# Each check of the regulation: the model it reads and an SQL select of
# (id, company_id, date, ok) over the records it counts, "ok" when the record
# followed the rule. The refresh groups these selects into the stored rows; the
# drill-down runs the same select, so a share and its offending records agree
# as of the row's refresh. %(today)s and %(now)s are the day and time of the
# run, %(response_fits)s whether risk r's response is one its level allows.
CHECKS = {
    "contract_filing": (
        "sale.order",
        """
        SELECT o.id, o.company_id, o.signed_date AS date,
               COALESCE(o.hq_filed_date::date <= o.signed_date + c.lighting_filing_due_days, FALSE) AS ok
          FROM sale_order o JOIN res_company c ON c.id = o.company_id
         WHERE o.signed_date IS NOT NULL
           AND (o.hq_filed_date IS NOT NULL OR o.signed_date + c.lighting_filing_due_days < %(today)s)
    """,
    ),
    "job_handover": (
        "lighting.install.job",
        """
        SELECT j.id, j.company_id, COALESCE(j.planned_date, j.create_date)::date AS date,
               EXISTS (SELECT 1 FROM lighting_tech_handover h
                        WHERE h.install_job_id = j.id AND h.state = 'acknowledged') AS ok
          FROM lighting_install_job j WHERE j.state IN ('in_progress', 'done')
    """,
    ),
    "job_closure": (
        "lighting.install.job",
        """
        SELECT j.id, j.company_id, COALESCE(j.planned_date, j.create_date)::date AS date,
               COALESCE(j.satisfaction_score, 0) > 0
               AND EXISTS (SELECT 1 FROM lighting_install_safety_line s WHERE s.job_id = j.id)
               AND NOT EXISTS (SELECT 1 FROM lighting_install_safety_line s
                                WHERE s.job_id = j.id AND NOT COALESCE(s.checked, FALSE)) AS ok
          FROM lighting_install_job j WHERE j.state = 'done'
    """,
    ),
    "consultation_response": (
        "helpdesk.ticket",
        """
        SELECT t.id, t.company_id, t.create_date::date AS date,
               COALESCE(t.first_response_date <= t.response_deadline, FALSE) AS ok
          FROM helpdesk_ticket t
         WHERE t.lighting_team_role = 'support'
           AND (t.first_response_date IS NOT NULL OR t.response_deadline < %(now)s)
    """,
    ),
    "repair_tested": (
        "repair.order",
        """
        SELECT r.id, r.company_id, r.lighting_done_date::date AS date,
               COALESCE(r.lighting_test_state = 'passed', FALSE) AS ok
          FROM repair_order r WHERE r.state = 'done' AND r.lighting_done_date IS NOT NULL
    """,
    ),
    "revisit_on_time": (
        "lighting.revisit",
        """
        SELECT v.id, v.company_id, v.planned_date AS date,
               COALESCE(v.done_date <= v.planned_date, FALSE) AS ok
          FROM lighting_revisit v
         WHERE v.state <> 'cancel' AND (v.done_date IS NOT NULL OR v.planned_date < %(today)s)
    """,
    ),
    "expense_steps": (
        "hr.expense.sheet",
        """
        SELECT s.id, s.company_id, s.create_date::date AS date, COALESCE(r.approved, 0) >= 3 AS ok
          FROM hr_expense_sheet s
     LEFT JOIN (SELECT res_id, COUNT(*) AS approved FROM tier_review
                 WHERE model = 'hr.expense.sheet' AND status = 'approved' GROUP BY res_id) AS r ON r.res_id = s.id
         WHERE s.state IN ('approve', 'post', 'done')
    """,
    ),
    "document_issued": (
        "lighting.document",
        """
        SELECT d.id, d.company_id, d.date_issue AS date,
               d.number IS NOT NULL AND EXISTS (
                   SELECT 1 FROM tier_review r
                    WHERE r.model = 'lighting.document' AND r.res_id = d.id AND r.status = 'approved') AS ok
          FROM lighting_document d
         WHERE d.state IN ('issued', 'archived', 'superseded') AND d.date_issue IS NOT NULL
    """,
    ),
    "loan_returned": (
        "lighting.archive.loan",
        """
        SELECT l.id, l.company_id, l.date_due AS date,
               COALESCE(l.date_returned <= l.date_due, FALSE) AS ok
          FROM lighting_archive_loan l
         WHERE l.state IN ('borrowed', 'returned') AND (l.date_returned IS NOT NULL OR l.date_due < %(today)s)
    """,
    ),
    "meeting_minutes": (
        "lighting.meeting",
        """
        SELECT m.id, m.company_id, m.date_start::date AS date, m.state = 'done' AS ok
          FROM lighting_meeting m WHERE m.state <> 'cancel' AND m.date_start < %(now)s
    """,
    ),
    "trip_report": (
        "lighting.business.trip",
        """
        SELECT t.id, t.company_id, t.date_to AS date, t.report_date IS NOT NULL AS ok
          FROM lighting_business_trip t WHERE t.state IN ('approved', 'reported') AND t.date_to < %(today)s
    """,
    ),
    "risk_round": (
        "lighting.risk.round",
        """
        SELECT r.id, r.company_id, r.date_deadline AS date, r.state = 'done' AS ok
          FROM lighting_risk_round r WHERE r.state = 'done' OR r.date_deadline < %(today)s
    """,
    ),
    "stocktake_done": (
        "lighting.asset.stocktake",
        """
        SELECT s.id, s.company_id, s.date, s.state = 'done' AS ok
          FROM lighting_asset_stocktake s WHERE s.state = 'done' OR s.date < %(today)s
    """,
    ),
    "risk_response": (
        "lighting.risk",
        """
        SELECT r.id, r.company_id, r.identified_on AS date, COALESCE(%(response_fits)s, FALSE) AS ok
          FROM lighting_risk r WHERE r.state <> 'identified' AND r.level IS NOT NULL
    """,
    ),
    "suggestion_answered": (
        "lighting.suggestion",
        """
        SELECT s.id, s.company_id, s.submit_date AS date,
               COALESCE(s.answer_date <= s.deadline, FALSE) AS ok
          FROM lighting_suggestion s
         WHERE s.answer_date IS NOT NULL OR s.deadline < %(today)s
    """,
    ),
}

CHECK_SELECTION = [
    ("contract_filing", "Contracts filed at HQ in time (R3.1.4)"),
    ("job_handover", "Jobs started after an acknowledged handover (R3.2.3)"),
    ("job_closure", "Jobs closed with safety checklist and satisfaction (R3.3.4)"),
    ("consultation_response", "Consultations answered within target (R3.2.1)"),
    ("repair_tested", "Repairs passed a test before shipping (R3.3.2)"),
    ("revisit_on_time", "Revisits done by their date (3.3)"),
    ("expense_steps", "Expense reports through all four steps (R4.2.1)"),
    ("document_issued", "Documents issued with review and number (R6.2)"),
    ("loan_returned", "Archive loans returned on time (R6.2)"),
    ("meeting_minutes", "Meetings with minutes sent (R6.3)"),
    ("trip_report", "Trips with report filed (R6.4.3)"),
    ("stocktake_done", "Stocktakes done in their period (R4.3.2)"),
    ("risk_round", "Risk rounds held (R7.1.1)"),
    ("risk_response", "Risk responses fitting their level (R7.2)"),
    ("suggestion_answered", "Suggestions answered in time (R5.4)"),
]


class LightingOfficeCompliance(models.Model):
    """How well each office follows its regulation (issue 18, item 2): per
    office, month and check, the records the rule applies to and the share
    that followed it, measured from the office's own records. Stored rows
    refreshed with the scorecard's (lighting.office.figures.mixin); the
    weights HQ sets apply at once (_apply_weights)."""

    _name = "lighting.office.compliance"
    _inherit = "lighting.office.figures.mixin"
    _description = "Office Compliance"
    _order = "date desc, company_id, check_key"
    _sql_constraints = [
        (
            "office_month_rule_unique",
            "unique(company_id, date, check_key)",
            "An office has one compliance row per month and rule.",
        ),
    ]

    company_id = fields.Many2one("res.company", string="Office", readonly=True, ondelete="cascade")
    date = fields.Date(string="Month", readonly=True)
    check_key = fields.Selection(CHECK_SELECTION, string="Rule", readonly=True)
    total_count = fields.Integer(string="Records", readonly=True)
    compliant_count = fields.Integer(string="Compliant", readonly=True)
    offending_count = fields.Integer(string="Offending", readonly=True)
    share = fields.Float(
        string="Compliance (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the rule's records that followed it; a group's share is its compliant records over its records.",
    )
    weight = fields.Float(readonly=True, help="The rule's weight in the compliance score (set by HQ).")
    weighted_share = fields.Float(readonly=True)
    score = fields.Float(
        string="Compliance Score",
        readonly=True,
        aggregator="avg",
        help="Mean of the rules' shares, weighted by the weights HQ sets.",
    )

    def _figures_columns(self):
        return [
            "id",
            "company_id",
            "date",
            "check_key",
            "total_count",
            "compliant_count",
            "offending_count",
            "share",
            "weight",
            "weighted_share",
            "score",
        ]

    def _apply_weights(self):
        """Each row's weight and weighted share from HQ's weights (1 for a rule
        without one), when HQ changes them: the score follows without a refresh."""
        self.flush_model()
        self.env["lighting.compliance.weight"].flush_model()
        # Wait for a refresh running now: it would replace the rows updated
        # here with rows of the weights it read before this change.
        self.env.cr.execute(SQL("SELECT pg_advisory_xact_lock(%s)", REFRESH_LOCK))
        self.env.cr.execute(
            """UPDATE lighting_office_compliance c
                  SET weight = COALESCE(w.weight, 1.0), weighted_share = COALESCE(w.weight, 1.0) * c.share
                 FROM lighting_office_compliance c2
            LEFT JOIN lighting_compliance_weight w ON w.check_key = c2.check_key
                WHERE c2.id = c.id"""
        )
        self.invalidate_model(["weight", "weighted_share"])

    def _figures_query(self):
        # Each rule's records are counted per office and month in its own
        # branch; ranks and weights join the counts, not the records.
        branches = SQL(" UNION ALL ").join(
            SQL(
                """SELECT %s AS check_key, company_id, date_trunc('month', date::timestamp)::date AS date,
                          COUNT(*) AS total_count, COUNT(*) FILTER (WHERE ok) AS compliant_count,
                          COUNT(*) FILTER (WHERE NOT ok) AS offending_count
                     FROM (%s) AS c GROUP BY 2, 3""",
                key,
                self._check_sql(key),
            )
            for key in CHECKS
        )
        ranks = SQL(", ").join(SQL("(%s, %s)", key, rank) for rank, key in enumerate(CHECKS, start=1))
        return SQL(
            """
            -- A key of office, month (from 2000) and rule: the same row keeps its id
            -- across refreshes, and the id fits an integer up to office 44,000.
            SELECT (company_id * 2400 + (EXTRACT(YEAR FROM date)::int - 2000) * 12
                    + EXTRACT(MONTH FROM date)::int) * 20 + rank.n AS id,
                   company_id, date, counts.check_key, total_count, compliant_count, offending_count,
                   100.0 * compliant_count / total_count AS share,
                   COALESCE(w.weight, 1.0) AS weight,
                   COALESCE(w.weight, 1.0) * 100.0 * compliant_count / total_count AS weighted_share,
                   100.0 * compliant_count / total_count AS score
              FROM (%(branches)s) AS counts
              JOIN (VALUES %(ranks)s) AS rank(check_key, n) ON rank.check_key = counts.check_key
         LEFT JOIN lighting_compliance_weight w ON w.check_key = counts.check_key
             WHERE company_id IN (SELECT id FROM res_company WHERE is_lighting_office) AND date IS NOT NULL
            """,
            branches=branches,
            ranks=ranks,
        )

    def _check_sql(self, key):
        return SQL(
            CHECKS[key][1],
            today=fields.Date.context_today(self),
            now=fields.Datetime.now(),
            response_fits=self._response_fits(),
        )

    def _response_fits(self):
        """R7.2 in SQL, from the risk's own table of allowed responses."""
        return SQL(
            "CASE r.level %s END",
            SQL(" ").join(
                SQL("WHEN %s THEN r.response IN %s", level, responses) for level, responses in ALLOWED_RESPONSES.items()
            ),
        )

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """A group's share is its compliant records over its records; its score
        the weighted mean of its rows' shares."""
        names = {spec.split(":")[0] for spec in fields}
        extra = ["compliant_count:sum", "total_count:sum", "weighted_share:sum", "weight:sum"]
        groups = super().read_group(domain, list(fields) + extra, groupby, offset, limit, orderby, lazy)
        for group in groups:
            if "share" in names:
                total = group["total_count"]
                group["share"] = 100.0 * group["compliant_count"] / total if total else 0.0
            if "score" in names:
                weight = group["weight"]
                group["score"] = group["weighted_share"] / weight if weight else 0.0
        return groups

    def _offending_ids(self):
        self.ensure_one()
        start = self.date
        rows = self.env.execute_query(
            SQL(
                "SELECT id FROM (%s) AS c WHERE company_id = %s AND date >= %s AND date < %s AND NOT ok",
                self._check_sql(self.check_key),
                self.company_id.id,
                start,
                start + relativedelta(months=1),
            )
        )
        return [row[0] for row in rows]

    def action_open_offending(self):
        """The records that did not follow the rule, searched with the reader's rights."""
        self.ensure_one()
        model = CHECKS[self.check_key][0]
        return {
            "type": "ir.actions.act_window",
            "name": _(
                "%(rule)s: offending records of %(office)s, %(month)s",
                rule=dict(self._fields["check_key"]._description_selection(self.env))[self.check_key],
                office=self.company_id.name,
                month=self.date.strftime("%Y-%m"),
            ),
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("id", "in", self._offending_ids())],
            "context": {"create": False},
        }
