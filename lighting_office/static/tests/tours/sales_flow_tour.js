import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const CUSTOMER = "Customer of the offices";
const LEAD = "Tour opportunity";

function openOrderRow() {
  return {
    content: "Open the customer's order",
    // a list on desktop, the kanban Odoo shows instead on a phone
    trigger: `.o_data_row:contains(${CUSTOMER}) td.o_data_cell, .o_kanban_record:contains(${CUSTOMER})`,
    run: "click",
  };
}

// R3.1.2 -> R3.1.4: the salesperson turns the opportunity into a quotation and asks for its review.
// No url of its own: the test starts it on /odoo (desktop) or on the leads (phone).
registry.category("web_tour.tours").add("lighting_office_lead_to_review", {
  steps: () => [
    // On a phone the tour starts on the leads (tests/test_tour.py): the menus are the burger's.
    ...[
      ...stepUtils.goToAppSteps("lighting_office.menu_lighting_root", "Open the Lighting Office app"),
      {
        content: "Open the Sales menu",
        trigger: '.o_menu_sections [data-menu-xmlid="lighting_office.menu_lighting_sales"]',
        run: "click",
      },
      {
        content: "Open the leads",
        trigger: '.dropdown-item[data-menu-xmlid="lighting_office.menu_lighting_leads"]',
        run: "click",
      },
    ].map((step) => ({ ...step, isActive: ["desktop", ...(step.isActive || [])] })),
    {
      content: "Open the opportunity",
      trigger: `.o_kanban_record:contains(${LEAD})`,
      run: "click",
    },
    {
      content: "Make its quotation",
      trigger: "button[name=action_sale_quotations_new]",
      run: "click",
    },
    {
      trigger: `.o_field_widget[name=partner_id] input:value(${CUSTOMER})`,
    },
    {
      content: "Promise the delivery date (R3.1.3)",
      trigger: ".o_field_widget[name=commitment_date] input",
      run: `edit ${luxon.DateTime.now().plus({ days: 30 }).toFormat("MM/dd/yyyy HH:mm:ss")} && press Enter`,
    },
    ...stepUtils.saveForm(),
    ...stepUtils.statusbarButtonsSteps("Request Validation", "Request the office manager's review"),
    {
      content: "The quotation waits for the review",
      trigger: ".alert-warning:contains(needs to be)",
    },
  ],
});

// R3.1.4: the office manager approves the contract.
registry.category("web_tour.tours").add("lighting_office_manager_review", {
  url: "/odoo/action-lighting_office.action_lighting_orders_to_review",
  steps: () => [
    openOrderRow(),
    {
      content: "Approve the contract",
      trigger: ".alert-warning button[name=validate_tier]",
      run: "click",
    },
    {
      content: "The contract is approved",
      trigger: ".alert-success:contains(validated)",
    },
  ],
});

// R3.1.4: the salesperson confirms, attaches the signed contract and marks it signed.
registry.category("web_tour.tours").add("lighting_office_sign_contract", {
  url: "/odoo/action-sale.action_quotations_with_onboarding",
  steps: () => [
    openOrderRow(),
    {
      content: "Confirm the approved order",
      trigger: "button[name=action_confirm]",
      run: "click",
    },
    {
      trigger:
        ".o_statusbar_status button.o_arrow_button_current:contains(Sales Order), .o_statusbar_status .dropdown-toggle:contains(Sales Order)",
    },
    {
      content: "Open the contract tab",
      trigger: "a.nav-link[name=lighting_contract]",
      run: "click",
    },
    {
      content: "Attach the signed contract",
      trigger: ".o_field_widget[name=signed_contract]",
      async run() {
        const input = document.querySelector(".o_field_widget[name=signed_contract] input[type=file]");
        const transfer = new DataTransfer();
        transfer.items.add(new File(["%PDF-1.4 signed"], "contract.pdf", { type: "application/pdf" }));
        input.files = transfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      },
    },
    {
      trigger: ".o_field_widget[name=signed_contract] .o_clear_file_button",
    },
    ...stepUtils.saveForm(),
    {
      content: "Mark the contract signed",
      trigger: "button[name=action_mark_signed]",
      run: "click",
    },
    {
      trigger: ".o_field_widget[name=contract_state]:contains(Signed)",
    },
  ],
});

// R3.1.4: head office records the filing of the contract copy.
registry.category("web_tour.tours").add("lighting_office_hq_filing", {
  url: "/odoo/action-lighting_office.action_contracts_to_file",
  steps: () => [
    openOrderRow(),
    {
      content: "Record the HQ filing",
      trigger: "button[name=action_record_filing]",
      run: "click",
    },
    {
      content: "Enter the filing number",
      trigger: ".modal .o_field_widget[name=filing_number] input",
      run: "edit HQ-2026-0001",
    },
    {
      trigger: ".modal button[name=action_file]",
      run: "click",
    },
    {
      content: "The contract is filed",
      trigger: ".o_field_widget[name=contract_state]:contains(Filed at HQ)",
    },
  ],
});
