import { registry } from "@web/core/registry";

// R6.2.3: a salesperson asks to borrow a file from the menu.
registry.category("web_tour.tours").add("lighting_office_loan_request", {
  url: "/odoo",
  steps: () => [
    {
      // the salesperson's home action (the quotations) must have loaded, or it replaces the loans later
      content: "The home view is there",
      trigger: ".o_action_manager .o_view_controller",
    },
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
      content: "Open the Administration menu",
      trigger: '.o_menu_sections [data-menu-xmlid="lighting_office.menu_lighting_administration"]',
      run: "click",
    },
    {
      content: "Open the file loans",
      trigger: '.dropdown-item[data-menu-xmlid="lighting_office.menu_archive_loan"]',
      run: "click",
    },
    {
      // until the loans are shown, the quotations' New button is still on screen and would be clicked
      content: "The file loans are shown",
      trigger: ".o_list_view th[data-name=file_id]",
    },
    {
      content: "Ask for a new loan",
      trigger: ".o_control_panel_main_buttons button.o_list_button_add",
      run: "click",
    },
    {
      content: "Search the file",
      trigger: ".o_form_view .o_field_widget[name=file_id] input",
      run: "edit Audit manual",
    },
    {
      content: "Pick the file",
      trigger: ".o-autocomplete--dropdown-item:contains(Audit manual)",
      run: "click",
    },
    {
      content: "Say what it is for",
      trigger: ".o_field_widget[name=purpose] textarea",
      run: "edit Prepare the customer audit",
    },
    {
      content: "Save the request",
      trigger: ".o_form_button_save",
      run: "click",
    },
    {
      content: "Request the approval",
      trigger: "button[name=request_validation]",
      run: "click",
    },
    {
      content: "The loan waits for its review",
      trigger: ".alert-warning:contains(needs to be)",
    },
  ],
});

// R6.2.3: the office manager approves the loan and hands the file over.
registry.category("web_tour.tours").add("lighting_office_loan_hand_over", {
  steps: () => [
    {
      content: "Validate the loan",
      trigger: ".alert button[name=validate_tier]",
      run: "click",
    },
    {
      content: "Hand the file over",
      trigger: "button[name=action_borrow]",
      run: "click",
    },
    {
      content: "The file is on loan",
      trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Borrowed)",
    },
  ],
});
