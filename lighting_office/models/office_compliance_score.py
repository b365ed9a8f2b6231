from odoo import fields, models
from odoo.tools import SQL


class LightingOfficeComplianceScore(models.Model):
    """The compliance score of each office and month, the weighted mean of its
    rules' shares, and its rank among all offices that month (issue 18); a
    query over the stored compliance rows (some thousands), so it is always
    as fresh as they are and the weights' changes show at once."""

    _name = "lighting.office.compliance.score"
    _description = "Office Compliance Score"
    _auto = False
    _order = "date desc, rank, company_id"
    _depends = {"lighting.office.compliance": ["company_id", "date", "weighted_share", "weight", "refreshed_at"]}

    company_id = fields.Many2one("res.company", string="Office", readonly=True)
    date = fields.Date(string="Month", readonly=True)
    score = fields.Float(string="Compliance Score", readonly=True, aggregator="avg")
    rank = fields.Integer(
        readonly=True, aggregator="min", help="1 is the most compliant office of the month, among all offices."
    )
    office_count = fields.Integer(string="Offices Ranked", readonly=True, aggregator="max")
    refreshed_at = fields.Datetime(string="As of", readonly=True, aggregator="min")

    @property
    def _table_query(self):
        # The rank is taken over every office before the reader's record rules
        # filter the rows: an office manager sees where the office stands.
        return SQL(
            """
            SELECT company_id::bigint * 1000000 + EXTRACT(YEAR FROM date)::int * 100
                   + EXTRACT(MONTH FROM date)::int AS id,
                   company_id, date, score, refreshed_at,
                   RANK() OVER (PARTITION BY date ORDER BY score DESC) AS rank,
                   COUNT(*) OVER (PARTITION BY date) AS office_count
              FROM (SELECT company_id, date,
                           COALESCE(SUM(weighted_share) / NULLIF(SUM(weight), 0), 0) AS score,
                           MIN(refreshed_at) AS refreshed_at
                      FROM lighting_office_compliance
                  GROUP BY company_id, date) AS scores
            """
        )

    def action_open_rules(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lighting_office.action_office_compliance")
        action["domain"] = [("company_id", "=", self.company_id.id), ("date", "=", self.date)]
        action["context"] = {}
        action["view_mode"] = "list,pivot"
        action["views"] = [(False, "list"), (False, "pivot")]
        return action
