from odoo import SUPERUSER_ID, api

# Issue 20: the later steps of sequential approvals tell their reviewers when
# their turn comes, not at submission (tier_definition_data.xml is noupdate).
LATER_STEPS = (
    "lighting_office.tier_expense_sheet_office_manager",
    "lighting_office.tier_expense_sheet_hq_finance",
    "lighting_office.tier_archive_loan_hq_management",
    "lighting_office.tier_business_trip_hq_management",
)


def migrate(cr, version):
    _name_at_display(cr)
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in LATER_STEPS:
        step = env.ref(xmlid, raise_if_not_found=False)
        if step and step.notify_on_create and not step.notify_on_pending:
            step.write({"notify_on_create": False, "notify_on_pending": True})


def _name_at_display(cr):
    # Revisits and birthday benefits the module named are named at display in the reader's
    # language now: keep their parts, forget the names stored in their creator's language.
    cr.execute(
        r"""UPDATE lighting_revisit
               SET months_after = substring(name from '(\d+)[^\d]*$')::int, name = NULL
             WHERE install_job_id IS NOT NULL
               AND (name ~ ': revisit after \d+ months$' OR name ~ '：\d+ 个月后回访$')"""
    )
    cr.execute(
        """UPDATE lighting_welfare_benefit
              SET name = NULL
            WHERE occasion = 'birthday' AND (name LIKE 'Birthday benefit of %' OR name LIKE '% 的生日福利')"""
    )
