def migrate(cr, version):
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
