import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("lighting_office_quotation_review", {
    url: "/odoo",
    steps: () => [
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
            content: "Choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Customer of the offices",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Customer of the offices)",
            run: "click",
        },
        {
            content: "Save the quotation",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            isActive: ["mobile"],
            content: "Open the other actions",
            trigger: ".o_statusbar_buttons .dropdown-toggle",
            run: "click",
        },
        {
            content: "Request the office manager's review",
            trigger: "button[name=request_validation]",
            run: "click",
        },
        {
            content: "The quotation waits for the review",
            trigger: ".alert-warning button[name=validate_tier], .alert-warning:contains(validated)",
        },
    ],
});
