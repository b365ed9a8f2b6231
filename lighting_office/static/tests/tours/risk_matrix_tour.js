import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("lighting_office_risk_matrix", {
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
    {
      content: "Open the Risk menu",
      trigger: '.o_menu_sections [data-menu-xmlid="lighting_office.menu_lighting_risk"]',
      run: "click",
    },
    {
      content: "Open the risk matrix",
      trigger: '.dropdown-item[data-menu-xmlid="lighting_office.menu_risk_matrix"]',
      run: "click",
    },
    {
      content: "The likely-and-major cell counts the office's one risk, coloured high",
      trigger: '.o_risk_cell.o_risk_level_high[data-likelihood="4"][data-impact="5"][data-count="1"]',
      run: "click",
    },
    {
      content: "The cell's risk is listed",
      trigger: '.o_list_view .o_data_row:contains("Distributor switches brand")',
    },
    {
      content: "Only the cell's risks of the own office are listed",
      trigger: '.o_list_view:not(:has(.o_data_row:contains("Risk of the other office")))',
      run: () => {
        if (document.querySelectorAll(".o_list_view .o_data_row").length !== 1) {
          throw new Error("The cell should hold exactly one risk");
        }
      },
    },
    {
      content: "Back to the matrix",
      trigger: ".o_breadcrumb a:contains(Risk Matrix)",
      run: "click",
    },
    {
      content: "Show the residual risk",
      trigger: "select.o_risk_matrix_assessment",
      run: "select residual",
    },
    {
      content: "The risk sits where its residual assessment puts it, coloured low",
      trigger: '.o_risk_cell.o_risk_level_low[data-likelihood="2"][data-impact="2"][data-count="1"]',
      run: "click",
    },
    {
      content: "The residual cell lists the risk",
      trigger: '.o_list_view .o_data_row:contains("Distributor switches brand")',
    },
  ],
});

// R7.1.3 on a phone: the tour starts on the matrix (its menu is the burger's).
registry.category("web_tour.tours").add("lighting_office_risk_matrix_mobile", {
  steps: () => [
    {
      content: "Tap the likely-and-major cell, coloured high",
      trigger: '.o_risk_cell.o_risk_level_high[data-likelihood="4"][data-impact="5"][data-count="1"]',
      run: "click",
    },
    {
      content: "The cell's risk is listed as a card",
      trigger: '.o_kanban_record:contains("Distributor switches brand")',
      run: "click",
    },
    {
      content: "Its form shows the high level",
      trigger: '.o_form_view .o_field_widget[name=level]:contains("High")',
    },
  ],
});
