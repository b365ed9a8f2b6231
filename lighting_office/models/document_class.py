from odoo import fields, models


class LightingDocumentClass(models.Model):
    """A class of office documents and archive files (R6.2.1, R6.2.2): its code
    goes into the document numbers, its retention period into the archive."""

    _name = "lighting.document.class"
    _description = "Document Class"
    _order = "code"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Part of the document numbers, e.g. ADM in HD-ADM-2026-0001.")
    retention_years = fields.Integer(
        string="Retention (years)", default=10, help="How long its archive files are kept; 0 = permanently."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a document class must be unique."),
        ("retention_positive", "check(retention_years >= 0)", "A retention period cannot be negative."),
    ]

    def _next_document_number(self, office, date):
        """Next number of this class in this office and year, e.g. HD-ADM-2026-0001."""
        self.ensure_one()
        # sudo: numbering sequences are technical records the issuing user may not manage.
        Sequence = self.env["ir.sequence"].sudo()
        code = f"lighting.document.{self.id}"
        sequence = Sequence.search([("code", "=", code), ("company_id", "=", office.id)], limit=1)
        if not sequence:
            # A concurrent first issue of this class fails on this row update
            # (serialisation error, retried by Odoo) instead of creating a
            # second sequence.
            self.env.cr.execute("UPDATE lighting_document_class SET write_date = write_date WHERE id = %s", [self.id])
            sequence = Sequence.create(
                {
                    "name": f"{office.office_code}-{self.code}",
                    "code": code,
                    "company_id": office.id,
                    "prefix": f"{office.office_code}-{self.code}-%(range_year)s-",
                    "padding": 4,
                    "use_date_range": True,
                    "implementation": "no_gap",
                }
            )
        # Every issue takes the sequence's row first: a concurrent issue waits, then
        # fails to serialise (retried by Odoo) and sees the year's date range the
        # first one created, instead of creating it again and failing, before the
        # user's eyes, on the date ranges' uniqueness.
        self.env.cr.execute("UPDATE ir_sequence SET write_date = write_date WHERE id = %s", [sequence.id])
        return sequence.next_by_id(sequence_date=date)
