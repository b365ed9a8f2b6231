from odoo import api, fields, models
from odoo.tools import SQL

from .budget import CATEGORIES

# Account types whose posted entries are the actuals of each budget category.
ACTUAL_CATEGORY_SQL = SQL("""
    CASE WHEN account.account_type IN ('income', 'income_other') THEN 'revenue'
         WHEN account.account_type = 'expense_direct_cost' THEN 'cost'
         ELSE 'expense' END
""")


class LightingBudgetAnalysis(models.Model):
    """Budget versus actual (R4.1.3) per office, month, category and department:
    the budgets in force against the offices' posted journal items, in one SQL
    query read as the model's table (_table_query), so any grouping is a single
    grouped query."""

    _name = "lighting.budget.analysis"
    _description = "Budget versus Actual"
    _auto = False
    _order = "date, company_id, category"

    company_id = fields.Many2one("res.company", string="Office", readonly=True)
    date = fields.Date(string="Month", readonly=True)
    category = fields.Selection(CATEGORIES, readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    budget_amount = fields.Monetary(string="Budget", readonly=True)
    actual_amount = fields.Monetary(string="Actual", readonly=True)
    variance = fields.Monetary(readonly=True, help="Actual minus budget.")
    variance_pct = fields.Float(
        string="Variance %",
        readonly=True,
        aggregator="avg",
        help="Variance as a percentage of the budget; a group's percentage is its total variance over its "
        "total budget.",
    )
    profit_budget = fields.Monetary(
        string="Budgeted Profit", readonly=True, help="Revenue counts positive, cost and expense negative."
    )
    profit_actual = fields.Monetary(string="Actual Profit", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
                WITH budget AS (
                    SELECT MIN(line.id) * 2 AS source_id,
                           line.company_id, line.date, line.category, line.department_id,
                           SUM(line.amount) AS budget_amount, 0.0 AS actual_amount
                      FROM lighting_budget_line line
                      JOIN lighting_budget budget ON budget.id = line.budget_id
                     WHERE budget.state = 'approved'
                  GROUP BY line.company_id, line.date, line.category, line.department_id
                ), actual AS (
                    SELECT MIN(aml.id) * 2 + 1 AS source_id,
                           aml.company_id, date_trunc('month', aml.date)::date AS date,
                           %s AS category, aml.lighting_department_id AS department_id,
                           0.0 AS budget_amount,
                           SUM(CASE WHEN account.account_type IN ('income', 'income_other')
                                    THEN -aml.balance ELSE aml.balance END) AS actual_amount
                      FROM account_move_line aml
                      JOIN account_account account ON account.id = aml.account_id
                     WHERE aml.parent_state = 'posted'
                       AND account.account_type IN ('income', 'income_other', 'expense_direct_cost',
                                                    'expense', 'expense_depreciation')
                  GROUP BY 2, 3, 4, 5
                )
                -- The id is the smallest budget line (even) or journal item (odd) of the
                -- row: each source row is in one row only, so ids are unique, and they
                -- fit the 32 bits XML-RPC carries. Not row_number(): a window function
                -- would stop PostgreSQL from pushing the report's office and date
                -- filters down to the journal items.
                SELECT MIN(source_id) AS id,
                       company_id, date, category, department_id,
                       SUM(budget_amount) AS budget_amount,
                       SUM(actual_amount) AS actual_amount,
                       SUM(actual_amount) - SUM(budget_amount) AS variance,
                       CASE WHEN SUM(budget_amount) <> 0
                            THEN (SUM(actual_amount) - SUM(budget_amount)) / SUM(budget_amount) * 100
                            ELSE 0 END AS variance_pct,
                       SUM(CASE WHEN category = 'revenue' THEN budget_amount ELSE -budget_amount END) AS profit_budget,
                       SUM(CASE WHEN category = 'revenue' THEN actual_amount ELSE -actual_amount END) AS profit_actual
                  FROM (SELECT * FROM budget UNION ALL SELECT * FROM actual) AS figures
              GROUP BY company_id, date, category, department_id
            """,
            ACTUAL_CATEGORY_SQL,
        )

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """A group's Variance % is its total variance over its total budget,
        not the average of its rows' percentages."""
        wants_pct = any(spec.split(":")[0] == "variance_pct" for spec in fields)
        if wants_pct:
            fields = list(fields) + ["budget_amount:sum", "variance:sum"]
        groups = super().read_group(domain, fields, groupby, offset, limit, orderby, lazy)
        if wants_pct:
            for group in groups:
                budget = group.get("budget_amount")
                group["variance_pct"] = group["variance"] / budget * 100 if budget else 0.0
        return groups
