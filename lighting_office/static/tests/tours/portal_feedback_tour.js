import { registry } from "@web/core/registry";

// R3.3.1: a customer's contact sends an after-sales feedback with product and serial number from /my
registry.category("web_tour.tours").add("lighting_office_portal_feedback", {
  steps: () => [
    {
      content: "Open the customer's tickets from the portal home",
      trigger: "a[href='/my/tickets']",
      run: "click",
    },
    {
      content: "Send a new ticket",
      trigger: "button[name=create_new_ticket]",
      run: "click",
    },
    {
      content: "It is a problem with a product",
      trigger: "label[for=kind_feedback]",
      run: "click",
    },
    {
      content: "Choose the office that serves the customer",
      trigger: "select[name=office]",
      run: "selectByLabel Office A",
    },
    {
      content: "Choose the product",
      trigger: ".o_lighting_feedback_only:not(.d-none) select[name=product]",
      run: "selectByLabel LED high-bay 150W",
    },
    {
      content: "Type its serial number",
      trigger: "input[name=serial]",
      run: "edit HB150-0001",
    },
    {
      content: "Say what the problem is about",
      trigger: "select[name=nature]",
      run: "selectByLabel Quality Defect",
    },
    {
      content: "Describe it in the subject",
      trigger: "input[name=subject]",
      run: "edit High-bay flickers when warm",
    },
    {
      content: "A matching FAQ entry is suggested while typing",
      trigger:
        ".o_lighting_faq_suggestions:not(.d-none) a.o_lighting_faq_suggestion:contains(Why does a high-bay flicker)",
    },
    {
      content: "Describe it in detail",
      trigger: "textarea[name=description]",
      run: "edit It switches off after ten minutes.",
    },
    {
      content: "Send it",
      trigger: "button[type=submit]:contains(Submit Ticket)",
      run: "click",
    },
    {
      content: "The ticket shows the product and its serial number",
      trigger: "#helpdesk_ticket_content:contains(HB150-0001):contains(LED high-bay 150W)",
    },
  ],
});

// R3.3.3: the customer follows the repaired product to "shipped" and confirms it is back
registry.category("web_tour.tours").add("lighting_office_portal_receipt", {
  steps: () => [
    {
      content: "The list shows where the product is",
      trigger: "td:contains(Shipped Back)",
    },
    {
      content: "Open the ticket",
      trigger: "a:contains(High-bay flickers)",
      run: "click",
    },
    {
      content: "The product is shipped back, with its tracking number",
      trigger:
        ".o_lighting_whereabouts:has(.o_lighting_whereabouts_current:contains(Shipped Back)):contains(SF1234567890)",
    },
    {
      content: "Confirm receipt",
      trigger: "button.o_lighting_confirm_received",
      run: "click",
    },
    {
      content: "The product is back at the customer",
      trigger: ".o_lighting_whereabouts_current:contains(Back at the Customer)",
    },
  ],
});

// R3.3.4: the customer answers the satisfaction survey from the personal link, without logging in
registry.category("web_tour.tours").add("lighting_office_portal_satisfaction", {
  steps: () => [
    {
      content: "Give 5",
      trigger: "label[for=score_5]",
      run: "click",
    },
    {
      content: "Comment on the work",
      trigger: "textarea[name=comment]",
      run: "edit Quick and tidy work.",
    },
    {
      content: "Send the answer",
      trigger: ".o_lighting_satisfaction_form button[type=submit]",
      run: "click",
    },
    {
      content: "The answer is recorded",
      trigger: ".o_lighting_satisfaction:contains(5/5)",
    },
  ],
});
