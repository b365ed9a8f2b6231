from odoo.tools import SQL


def migrate(cr, version):
    # The collection report is a query now (_table_query), counted from the reader's day.
    cr.execute("DROP VIEW IF EXISTS lighting_collection_report")
    # These names are made at display in the reader's language now, no longer stored.
    for table in (
        "lighting_recruitment_plan",
        "lighting_training_plan",
        "lighting_social_insurance",
        "lighting_asset_stocktake",
    ):
        cr.execute(SQL("ALTER TABLE %s DROP COLUMN IF EXISTS name", SQL.identifier(table)))
