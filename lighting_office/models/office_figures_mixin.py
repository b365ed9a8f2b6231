from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# One advisory lock for every refresh of the office figures and every weight
# change: two refreshes at once would insert the same keyed rows.
REFRESH_LOCK = 18_040_001


class LightingOfficeFiguresMixin(models.AbstractModel):
    """Monthly office figures stored as rows and recomputed from the records by
    one INSERT ... SELECT (issue 18 item 4), for the scorecard and compliance.

    A model using it defines _figures_query() (one SQL yielding
    _figures_columns()). HQ reads the stored rows, so a read costs the same
    for 2 offices or 50 and 1,000 records or a million; refreshed_at ("As
    of") says when the rows were computed."""

    _name = "lighting.office.figures.mixin"
    _description = "Stored Office Figures"

    refreshed_at = fields.Datetime(
        string="As of",
        readonly=True,
        help="When the figures were last computed from the records: every hour, "
        "on the Refresh button and before the monthly mail.",
    )

    def _figures_query(self):
        raise NotImplementedError

    def _figures_columns(self):
        raise NotImplementedError

    def _refresh(self):
        """Replace every stored row with the figures of the records as they are now."""
        columns = SQL(", ").join(SQL.identifier(name) for name in self._figures_columns())
        self.env.cr.execute(SQL("DELETE FROM %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL(
                """INSERT INTO %(table)s (%(columns)s, refreshed_at, create_uid, create_date, write_uid, write_date)
                   SELECT %(columns)s, %(now)s, %(uid)s, %(now)s, %(uid)s, %(now)s FROM (%(query)s) AS figures""",
                table=SQL.identifier(self._table),
                columns=columns,
                now=fields.Datetime.now(),
                uid=self.env.uid,
                query=self._figures_query(),
            )
        )
        self.invalidate_model()

    @api.model
    def _refresh_office_figures(self, wait=True):
        """The scorecard and compliance rows, recomputed together so that they
        share their "As of". Waits for a refresh or weight change running now,
        or with wait=False returns False at once."""
        self.env.flush_all()
        if wait:
            self.env.cr.execute(SQL("SELECT pg_advisory_xact_lock(%s)", REFRESH_LOCK))
        else:
            self.env.cr.execute(SQL("SELECT pg_try_advisory_xact_lock(%s)", REFRESH_LOCK))
            if not self.env.cr.fetchone()[0]:
                return False
        # Compiling these plans just in time took PostgreSQL 2-5 s per refresh,
        # more than running them (bench/scorecard.py); off until the transaction ends.
        self.env.cr.execute("SET LOCAL jit = off")
        self.env["lighting.office.scorecard"]._refresh()
        self.env["lighting.office.compliance"]._refresh()
        return True

    def action_refresh(self):
        """The Refresh button, for whoever may read these figures."""
        self.check_access("read")
        if not self._refresh_office_figures(wait=False):
            raise UserError(_("The office figures are being refreshed right now; open them again in a minute."))
        return True  # the list reloads its rows
