from odoo.tools import SQL

OLD_MODEL, NEW_MODEL = "lighting.activity.plan", "lighting.event.plan"
OLD_TABLE, NEW_TABLE = "lighting_activity_plan", "lighting_event_plan"
# Columns naming a model, in the modules this addon depends on.
MODEL_COLUMNS = [
    ("ir_model", "model"),
    ("ir_model_fields", "model"),
    ("ir_model_fields", "relation"),
    ("ir_model_data", "model"),
    ("ir_act_window", "res_model"),
    ("ir_act_server", "model_name"),
    ("ir_act_report_xml", "model"),
    ("ir_ui_view", "model"),
    ("ir_filters", "model_id"),
    ("ir_attachment", "res_model"),
    ("mail_message", "model"),
    ("mail_followers", "res_model"),
    ("mail_activity", "res_model"),
    ("mail_activity_type", "res_model"),
    ("mail_template", "model"),
    ("rating_rating", "res_model"),
]


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
    _rename_activity_plan(cr)


def _rename_activity_plan(cr):
    """R6.3's activity plans are lighting.event.plan now, apart from Odoo's own Activity Plans
    (mail.activity.plan): table, constraints, model references and xmlids follow."""
    cr.execute("SELECT to_regclass(%s)", [OLD_TABLE])
    if not cr.fetchone()[0]:
        return
    cr.execute(SQL("ALTER TABLE %s RENAME TO %s", SQL.identifier(OLD_TABLE), SQL.identifier(NEW_TABLE)))
    cr.execute(
        SQL(
            "ALTER SEQUENCE IF EXISTS %s RENAME TO %s",
            SQL.identifier(f"{OLD_TABLE}_id_seq"),
            SQL.identifier(f"{NEW_TABLE}_id_seq"),
        )
    )
    cr.execute(
        "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND conname LIKE %s",
        [NEW_TABLE, f"{OLD_TABLE}%"],
    )
    for (old_name,) in cr.fetchall():
        new_name = NEW_TABLE + old_name[len(OLD_TABLE) :]
        cr.execute(
            SQL(
                "ALTER TABLE %s RENAME CONSTRAINT %s TO %s",
                SQL.identifier(NEW_TABLE),
                SQL.identifier(old_name),
                SQL.identifier(new_name),
            )
        )
        cr.execute("UPDATE ir_model_constraint SET name = %s WHERE name = %s", [new_name, old_name])
    cr.execute(
        "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname LIKE %s", [NEW_TABLE, f"{OLD_TABLE}%"]
    )
    for (old_name,) in cr.fetchall():
        new_name = NEW_TABLE + old_name[len(OLD_TABLE) :]
        cr.execute(SQL("ALTER INDEX %s RENAME TO %s", SQL.identifier(old_name), SQL.identifier(new_name)))
    cr.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE (table_name, column_name) IN %s",
        [tuple(MODEL_COLUMNS)],
    )
    for table, column in cr.fetchall():
        cr.execute(
            SQL(
                "UPDATE %s SET %s = %s WHERE %s = %s",
                SQL.identifier(table),
                SQL.identifier(column),
                NEW_MODEL,
                SQL.identifier(column),
                OLD_MODEL,
            )
        )
    cr.execute(
        """UPDATE ir_model_data
              SET name = replace(name, 'activity_plan', 'event_plan')
            WHERE module = 'lighting_office' AND name LIKE '%activity\\_plan%'"""
    )
