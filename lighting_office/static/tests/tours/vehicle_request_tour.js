import { formatDateTime } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const { DateTime } = luxon;
// A month from now: the request must be approvable, so its start lies ahead.
const tripDay = () => DateTime.now().plus({ days: 30 }).startOf("day");

// R6.4.1: the salesperson books the office van and asks for the approval.
registry.category("web_tour.tours").add("lighting_office_vehicle_book", {
  steps: () => [
    {
      content: "New vehicle request",
      trigger: ".o_list_button_add",
      run: "click",
    },
    {
      content: "Choose the van",
      trigger: ".o_field_widget[name=vehicle_id] input",
      run: "edit Hongguang",
    },
    {
      trigger: ".o-autocomplete--dropdown-item:contains(Hongguang)",
      run: "click",
    },
    {
      trigger: ".o_field_widget[name=destination] input",
      run: "edit Customer site",
    },
    {
      trigger: ".o_field_widget[name=purpose] input",
      run: "edit Deliver samples",
    },
    {
      trigger: ".o_field_widget[name=date_from] input",
      run: `edit ${formatDateTime(tripDay().set({ hour: 9 }))}`,
    },
    {
      trigger: ".o_field_widget[name=date_to] input",
      run: `edit ${formatDateTime(tripDay().set({ hour: 12 }))}`,
    },
    ...stepUtils.saveForm(),
    ...stepUtils.statusbarButtonsSteps("Request Validation", "Ask the office manager"),
    {
      content: "The request waits for the office manager",
      trigger: ".alert-warning:contains(needs to be)",
    },
  ],
});

// R6.4.1: the office manager approves; the vehicle is booked.
registry.category("web_tour.tours").add("lighting_office_vehicle_approve", {
  steps: () => [
    {
      content: "Approve the request",
      trigger: ".alert-warning button[name=validate_tier]",
      run: "click",
    },
    {
      content: "The vehicle is booked",
      trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Approved)",
    },
  ],
});
