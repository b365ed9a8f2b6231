import { registry } from "@web/core/registry";

// R4.2.1: the claimant submits the expense report with its receipt.
registry.category("web_tour.tours").add("lighting_office_expense_submit", {
  steps: () => [
    {
      content: "Submit the report",
      trigger: "button[name=action_submit_sheet]",
      run: "click",
    },
    {
      content: "The report waits for its reviews",
      trigger: ".alert-warning:contains(needs to be)",
    },
  ],
});

// R4.2.1: the department head, the office manager, then HQ Finance validate their step.
registry.category("web_tour.tours").add("lighting_office_expense_review", {
  steps: () => [
    {
      content: "Validate my step: the one way to approve, no hr_expense Approve beside it",
      trigger: ".o_form_view:not(:has(button[name=action_approve_expense_sheets])) .alert button[name=validate_tier]",
      run: "click",
    },
    {
      content: "My step is done",
      trigger: ".o_form_view:not(:has(button[name=validate_tier]))",
    },
  ],
});

// R4.2.1: HQ Finance's Validate, the last step, approved the report: one way to approve.
registry.category("web_tour.tours").add("lighting_office_expense_approved", {
  steps: () => [
    {
      content: "The report is approved, with no second Approve button",
      // on a phone the status bar shows the current state in its dropdown toggle
      trigger:
        ".o_form_view:not(:has(button[name=action_approve_expense_sheets])) .o_statusbar_status button.o_arrow_button_current:contains(Approved), " +
        ".o_form_view:not(:has(button[name=action_approve_expense_sheets])) .o_statusbar_status .dropdown-toggle:contains(Approved)",
    },
  ],
});
