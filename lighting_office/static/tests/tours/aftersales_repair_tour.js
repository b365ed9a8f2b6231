import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";

const { DateTime } = luxon;

// R3.3.1-R3.3.3: feedback ticket -> return -> repair -> test -> shipment, by the office's after-sales staff
registry.category("web_tour.tours").add("lighting_office_aftersales_repair", {
  steps: () => [
    {
      content: "Take the product back for repair",
      trigger: ".o_statusbar_buttons button[name=action_decide_return]",
      run: "click",
    },
    {
      content: "Confirm the repair order",
      trigger: ".o_form_view .o_statusbar_buttons button[name=action_validate]",
      run: "click",
    },
    {
      content: "Start the repair",
      trigger: ".o_statusbar_buttons button[name=action_repair_start]",
      run: "click",
    },
    {
      content: "Record the test",
      trigger: ".o_statusbar_buttons button[name=action_record_test]",
      run: "click",
    },
    {
      content: "Tests done",
      trigger: ".modal .o_field_widget[name=tests_done] textarea",
      run: "edit Burn-in 4 h, dimming 1-100 %",
    },
    {
      content: "Measured results",
      trigger: ".modal .o_field_widget[name=measured_results] textarea",
      run: "edit 230 V / 0.66 A, 19,800 lm",
    },
    {
      content: "The test passed",
      trigger: ".modal .o_field_widget[name=result] input[data-value=passed]",
      run: "click",
    },
    {
      content: "Save the test",
      trigger: ".modal .o_form_button_save",
      run: "click",
    },
    {
      content: "The repair shows the passed test",
      trigger: ".o_field_widget[name=lighting_test_state]:contains(Passed)",
    },
    {
      content: "End the repair",
      trigger: ".o_statusbar_buttons button[name=action_repair_end]:visible",
      run: "click",
    },
    {
      content: "The repair is finished",
      trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Repaired)",
    },
    {
      isActive: ["desktop"],
      content: "Back to the feedback ticket",
      trigger: ".o_breadcrumb a:contains(High-bay flickers)",
      run: "click",
    },
    {
      isActive: ["mobile"],
      content: "Back to the feedback ticket",
      trigger: ".o_breadcrumb button.o_back_button",
      run: "click",
    },
    {
      content: "Ship the product back",
      trigger: ".o_statusbar_buttons button[name=action_ship_back]",
      run: "click",
    },
    {
      content: "Carrier",
      trigger: ".o_field_widget[name=lighting_carrier] input",
      run: "edit SF Express",
    },
    {
      content: "Tracking number",
      trigger: ".o_field_widget[name=lighting_tracking_ref] input",
      run: "edit SF1234567890",
    },
    {
      content: "Expected arrival",
      trigger: ".o_field_widget[name=lighting_expected_arrival] input",
      run: `edit ${formatDate(DateTime.now().plus({ days: 3 }))}`,
    },
    {
      content: "Validate the delivery",
      trigger: ".o_statusbar_buttons button[name=button_validate]",
      run: "click",
    },
    {
      content: "The product is shipped",
      trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Done)",
    },
  ],
});
