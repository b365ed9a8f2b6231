import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// R3.2.2: the salesperson starts the opportunity's lighting solution.
registry.category("web_tour.tours").add("lighting_office_solution_request", {
  steps: () => [
    {
      content: "Open the opportunity's lighting solutions",
      trigger: "button[name=action_open_lighting_solutions]",
      run: "click",
    },
    {
      content: "Start a solution",
      trigger: ".o_list_button_add",
      run: "click",
    },
    {
      content: "Name it",
      trigger: ".o_field_widget[name=title] input",
      run: "edit Ground floor",
    },
    {
      content: "Describe the site",
      trigger: ".o_field_widget[name=site_description] textarea",
      run: "edit Ground floor offices, 3 m ceiling",
    },
    ...stepUtils.saveForm(),
  ],
});

// R3.2.2: technical support designs the rooms and asks for the internal review.
registry.category("web_tour.tours").add("lighting_office_solution_design", {
  steps: () => [
    {
      content: "Add a room",
      trigger: ".o_field_widget[name=room_ids] .o_field_x2many_list_row_add a",
      run: "click",
    },
    {
      trigger: ".o_data_row .o_field_widget[name=name] input",
      run: "edit Open office",
    },
    {
      trigger: ".o_data_row .o_field_widget[name=area] input",
      run: "edit 60",
    },
    {
      trigger: ".o_data_row .o_field_widget[name=target_illuminance] input",
      run: "edit 300",
    },
    {
      trigger: ".o_data_row .o_field_widget[name=luminaire_flux] input",
      run: "edit 3600",
    },
    {
      trigger: ".o_data_row .o_field_widget[name=luminaire_power] input",
      run: "edit 36",
    },
    ...stepUtils.saveForm(),
    {
      content: "The calculator gives 11 luminaires",
      trigger: ".o_data_row td[name=calculated_count]:contains(11)",
    },
    ...stepUtils.statusbarButtonsSteps("Request Validation", "Request the internal review"),
    {
      content: "The solution waits for its review",
      trigger: ".alert-warning:contains(needs to be)",
    },
  ],
});

// R3.2.2: the office manager approves the solution.
registry.category("web_tour.tours").add("lighting_office_solution_review", {
  steps: () => [
    {
      content: "Approve the solution",
      trigger: ".alert-warning button[name=validate_tier]",
      run: "click",
    },
    {
      content: "The solution is approved",
      trigger: ".alert-success:contains(validated)",
    },
  ],
});

// R3.2.2: the customer accepted; the salesperson makes the quotation from the solution.
registry.category("web_tour.tours").add("lighting_office_solution_quotation", {
  steps: () => [
    ...stepUtils.statusbarButtonsSteps("Create Quotation", "Fill the quotation from the luminaires"),
    {
      content: "The quotation has the 11 luminaires",
      trigger: ".o_field_widget[name=order_line] .o_data_row:contains(LED downlight 12W):contains(11.00)",
    },
  ],
});
