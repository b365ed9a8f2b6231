import { registry } from "@web/core/registry";

// R1.2: head office logs in and sees every office's risks without ticking any office.
registry.category("web_tour.tours").add("lighting_office_hq_every_office", {
  steps: () => [
    {
      content: "The register is grouped by office: the first office",
      trigger: ".o_group_header:contains(Office A)",
    },
    {
      content: "and the second office",
      trigger: ".o_group_header:contains(Office B)",
    },
    {
      content: "The first office's risk is listed",
      trigger: ".o_data_row:contains(Risk of office A)",
    },
    {
      content: "and the second office's",
      trigger: ".o_data_row:contains(Risk of office B)",
    },
  ],
});
