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
            content: "Validate my step",
            trigger: ".alert button[name=validate_tier]",
            run: "click",
        },
        {
            content: "My step is done",
            trigger: ".o_form_view:not(:has(button[name=validate_tier]))",
        },
    ],
});

// R4.2.1: once every step is validated, HQ Finance approves the report.
registry.category("web_tour.tours").add("lighting_office_expense_approve", {
    steps: () => [
        {
            content: "Every step is validated",
            trigger: ".alert-success:contains(validated)",
        },
        {
            content: "Approve the report",
            trigger: "button[name=action_approve_expense_sheets]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Approved), .o_statusbar_status .dropdown-toggle:contains(Approved)",
        },
    ],
});
