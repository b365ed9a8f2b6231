{
    "name": "Lighting Office",
    "summary": "Branch offices of a lighting company run by the office regulation",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "author": "lighting_office developers",
    "license": "LGPL-3",
    "application": True,
    "depends": [
        "crm",
        "sale_crm",
        "sale_tier_validation",
        "helpdesk_mgmt",
    ],
    "data": [
        "security/lighting_office_groups.xml",
        "security/ir.model.access.csv",
        "security/lighting_office_rules.xml",
        "data/tier_definition_data.xml",
        "views/lighting_office_menus.xml",
        "views/res_company_views.xml",
        "views/office_target_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/tier_definition_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/office_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "lighting_office/static/tests/tours/*.js",
        ],
    },
}
