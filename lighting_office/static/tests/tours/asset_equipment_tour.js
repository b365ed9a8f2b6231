import { registry } from "@web/core/registry";

// R4.3.3: the office manager finds an asset in the ledger and makes it maintenance equipment.
registry.category("web_tour.tours").add("lighting_office_asset_equipment", {
  steps: () => [
    {
      content: "Open the asset from the ledger",
      trigger: ".o_data_row td:contains(Tour projector)",
      run: "click",
    },
    {
      content: "Make it equipment",
      trigger: "button[name=action_create_equipment]",
      run: "click",
    },
    {
      content: "Its maintenance requests open",
      trigger: ".o_breadcrumb:contains(Maintenance)",
    },
    {
      content: "Back to the asset",
      trigger: ".o_breadcrumb li.breadcrumb-item:contains(Tour projector) a",
      run: "click",
    },
    {
      content: "The asset now links to its maintenance",
      trigger: "button[name=action_view_maintenance]:contains(Open Maintenance)",
    },
  ],
});
