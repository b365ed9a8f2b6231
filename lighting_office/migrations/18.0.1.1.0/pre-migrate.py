def migrate(cr, version):
    # The collection report is a query now (_table_query), counted from the reader's day.
    cr.execute("DROP VIEW IF EXISTS lighting_collection_report")
