import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// R3.2.1: technical support answers a consultation and publishes it, with one click, as a FAQ entry
registry.category("web_tour.tours").add("lighting_office_consultation_faq", {
  steps: () => [
    {
      content: "Open the Answer tab of the consultation",
      trigger: ".o_notebook_headers .nav-link[name=answer]",
      run: "click",
    },
    {
      content: "Write the answer",
      trigger: ".o_field_widget[name=answer] .odoo-editor-editable",
      run: "editor Use a trailing-edge dimmer rated for LED loads.",
    },
    ...stepUtils.statusbarButtonsSteps("Publish as FAQ", "Publish the answer as a FAQ entry"),
    {
      content: "The FAQ entry is published",
      trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Published)",
    },
    {
      content: "Show it to customers on the portal",
      trigger: ".o_field_widget[name=portal_published] input",
      run: "click",
    },
    ...stepUtils.saveForm(),
  ],
});
