import { registry } from "@web/core/registry";

function openHqMenu(xmlid) {
  return [
    {
      content: "Open the HQ menu",
      trigger: '.o_menu_sections [data-menu-xmlid="lighting_office.menu_lighting_hq"]',
      run: "click",
    },
    {
      content: `Open ${xmlid}`,
      trigger: `.dropdown-item[data-menu-xmlid="lighting_office.${xmlid}"]`,
      run: "click",
    },
  ];
}

registry.category("web_tour.tours").add("lighting_office_scorecard", {
  url: "/odoo",
  steps: () => [
    {
      content: "Open the apps menu",
      trigger: ".o_navbar_apps_menu button:enabled",
      run: "click",
    },
    {
      content: "Open the Lighting Office app",
      trigger: '.o_app[data-menu-xmlid="lighting_office.menu_lighting_root"]',
      run: "click",
    },
    ...openHqMenu("menu_office_scorecard"),
    {
      content: "The pivot has a row per office",
      trigger: '.o_pivot th:contains("Office A")',
    },
    {
      content: "Switch to the list",
      trigger: ".o_switch_view.o_list",
      run: "click",
    },
    {
      content: "The list says when its figures were computed",
      trigger: '.o_list_view th[data-name="refreshed_at"]',
    },
    {
      content: "Refresh the figures from the records",
      trigger: '.o_list_view button[name="action_refresh"]',
      run: "click",
    },
    {
      content: "Open office A's row of the month",
      trigger: '.o_list_view .o_data_row:contains("Office A") td[name="company_id"]',
      run: "click",
    },
    {
      content: "Open the orders behind the sales figure",
      trigger: '.o_form_view button[name="action_open_sales"]',
      run: "click",
    },
    {
      content: "The office's confirmed order is listed",
      trigger: ".o_list_view .o_data_row:contains(Scorecard customer)",
    },
    ...openHqMenu("menu_office_compliance"),
    {
      content: "The compliance pivot shows the rule of meeting minutes",
      trigger: '.o_pivot th:contains("Meetings with minutes sent")',
    },
    {
      content: "Switch to the list",
      trigger: ".o_switch_view.o_list",
      run: "click",
    },
    {
      content: "Open the offending records of office A's meetings",
      trigger: '.o_data_row:contains("Office A"):contains("Meetings") button[name="action_open_offending"]',
      run: "click",
    },
    {
      content: "The meeting without minutes is listed",
      trigger: '.o_list_view .o_data_row:contains("Weekly without minutes")',
    },
    ...openHqMenu("menu_office_compliance_score"),
    {
      // the meetings listed before name office A too: wait for the ranking itself
      content: "The ranking is shown",
      trigger: '.o_list_view th[data-name="rank"]',
    },
    {
      content: "The ranking lists office A",
      trigger: '.o_list_view .o_data_row:contains("Office A")',
    },
  ],
});

// Phone: the tours start at the list of each view (the menus are the same as on desktop).
registry.category("web_tour.tours").add("lighting_office_scorecard_mobile", {
  steps: () => [
    {
      content: "Open office A's row of the month",
      trigger: '.o_list_view .o_data_row:contains("Office A") td[name="company_id"]',
      run: "click",
    },
    {
      content: "Open the orders behind the sales figure",
      trigger: '.o_form_view button[name="action_open_sales"]',
      run: "click",
    },
    {
      content: "The office's confirmed order is listed",
      trigger: ".o_list_view .o_data_row:contains(Scorecard customer)",
    },
  ],
});

registry.category("web_tour.tours").add("lighting_office_compliance_mobile", {
  steps: () => [
    {
      content: "Open the offending records of office A's meetings",
      trigger: '.o_data_row:contains("Office A"):contains("Meetings") button[name="action_open_offending"]',
      run: "click",
    },
    {
      content: "The meeting without minutes is listed",
      trigger: '.o_list_view .o_data_row:contains("Weekly without minutes")',
    },
  ],
});
