#!/usr/bin/env python3
"""Write the import templates of lighting_office and the column mappings that
let Odoo's importer recognise their Chinese headers in any language.

    $PYTHON scripts/import_templates.py

Writes lighting_office/static/xls/<template>.xlsx (header row and one example
row) and lighting_office/data/import_mapping_data.xml (one base_import.mapping
per header). Run it again after changing TEMPLATES and commit both outputs.
"""

import datetime
import os

import openpyxl
from openpyxl.styles import Font

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDON = os.path.join(ROOT, "lighting_office")
EXAMPLE_DAY = datetime.date(2026, 1, 1)  # an example cell only; any date of the budget year will do

# template file: (model, [(Chinese header, field, example value)]). A column
# left empty sets its field empty, so fields with a default (owner, salesperson)
# have no column: the importer is the owner or salesperson.
TEMPLATES = {
    "lighting_budget_line": (
        "lighting.budget.line",
        [
            ("月份", "date", EXAMPLE_DAY),
            ("类别", "category", "销售收入"),
            ("部门", "department_id", ""),
            ("岗位", "job_id", ""),
            ("金额", "amount", 10000),
            ("说明", "name", "一季度项目"),
        ],
    ),
    "lighting_asset": (
        "lighting.asset",
        [
            ("名称", "name", "投影仪"),
            ("台账", "ledger", "固定资产"),
            ("类别", "category", "办公设备"),
            ("存放地点", "location", "会议室"),
            ("保管人", "custodian_id", ""),
            ("原值", "value", 4500),
            ("数量", "quantity", 1),
            ("购置日期", "purchase_date", EXAMPLE_DAY),
        ],
    ),
    "lighting_risk": (
        "lighting.risk",
        [
            ("标题", "name", "主要客户回款延迟"),
            ("类别", "category", "财务风险"),
            ("描述", "description", ""),
            ("原因", "cause", ""),
            ("识别日期", "identified_on", EXAMPLE_DAY),
            ("可能性", "likelihood", 3),
            ("影响程度", "impact", 4),
            ("应对策略", "response", ""),
            ("应对方案", "response_plan", ""),
            ("下次复核日期", "next_review_date", EXAMPLE_DAY.replace(month=4)),
        ],
    ),
    "crm_lead_prospect": (
        "crm.lead",
        [
            ("名称", "name", "写字楼照明改造"),
            ("客户名称", "partner_name", "某某置业有限公司"),
            ("联系人", "contact_name", "张经理"),
            ("电话", "phone", ""),
            ("邮箱", "email_from", ""),
            ("潜在客户等级", "prospect_class", "B - 有意向"),
        ],
    ),
}


def write_workbook(name, columns):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([header for header, _field, _example in columns])
    sheet.append([example for _header, _field, example in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        if isinstance(cell.value, datetime.date):
            cell.number_format = "yyyy-mm-dd"
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 16
    book.save(os.path.join(ADDON, "static", "xls", f"{name}.xlsx"))


def mapping_records():
    for name, (model, columns) in TEMPLATES.items():
        for header, field, _example in columns:
            yield (
                f'    <record id="import_mapping_{name}_{field}" model="base_import.mapping">\n'
                f'        <field name="res_model">{model}</field>\n'
                f'        <field name="column_name">{header}</field>\n'
                f'        <field name="field_name">{field}</field>\n'
                f"    </record>\n"
            )


def main():
    for name, (_model, columns) in TEMPLATES.items():
        write_workbook(name, columns)
    with open(os.path.join(ADDON, "data", "import_mapping_data.xml"), "w", encoding="utf-8") as xml:
        xml.write(
            '<?xml version="1.0" encoding="utf-8"?>\n'
            "<!-- Written by scripts/import_templates.py: the headers of static/xls/*.xlsx -->\n"
            '<odoo noupdate="1">\n'
        )
        xml.writelines(mapping_records())
        xml.write("</odoo>\n")


if __name__ == "__main__":
    main()
