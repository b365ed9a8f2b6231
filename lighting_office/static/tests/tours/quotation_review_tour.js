import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const CUSTOMER = "Customer of the offices";

registry.category("web_tour.tours").add("lighting_office_quotation_review", {
  url: "/odoo",
  steps: () => [
    {
      isActive: ["desktop"],
      content: "Open the apps menu",
      trigger: ".o_navbar_apps_menu button:enabled",
      run: "click",
    },
    {
      isActive: ["mobile"],
      content: "Open the menu",
      trigger: ".o_menu_toggle",
      run: "click",
    },
    {
      isActive: ["mobile"],
      content: "Show all apps",
      trigger: ".o_sidebar_topbar a.btn-primary",
      run: "click",
    },
    {
      content: "Open the Lighting Office app",
      trigger: '.o_app[data-menu-xmlid="lighting_office.menu_lighting_root"]',
      run: "click",
    },
    {
      content: "Create a quotation",
      trigger: ".o_list_button_add, .o-kanban-button-new",
      run: "click",
    },
    {
      isActive: ["desktop"],
      content: "Choose the customer",
      trigger: ".o_field_widget[name=partner_id] input",
      run: `edit ${CUSTOMER}`,
    },
    {
      isActive: ["desktop"],
      trigger: `.o-autocomplete--dropdown-item a:contains(${CUSTOMER})`,
      run: "click",
    },
    {
      isActive: ["mobile"],
      content: "Choose the customer",
      trigger: ".o_field_widget[name=partner_id] input",
      run: "click",
    },
    ...stepUtils.mobileKanbanSearchMany2X("Customer", CUSTOMER),
    {
      content: "Promise the delivery date (R3.1.3)",
      trigger: ".o_field_widget[name=commitment_date] input",
      run: `edit ${luxon.DateTime.now().plus({ days: 30 }).toFormat("MM/dd/yyyy HH:mm:ss")} && press Enter`,
    },
    ...stepUtils.saveForm(),
    ...stepUtils.statusbarButtonsSteps("Request Validation", "Request the office manager's review"),
    {
      content: "The quotation waits for the office manager's review",
      trigger: ".alert-warning:contains(needs to be)",
    },
  ],
});
