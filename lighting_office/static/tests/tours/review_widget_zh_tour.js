import { registry } from "@web/core/registry";

// base_tier_validation's review table and reviews menu, as a Chinese office manager sees them.
registry.category("web_tour.tours").add("lighting_office_review_widget_zh", {
  steps: () => [
    {
      content: "The banner names the next review in Chinese",
      trigger: ".o_form_view .o_field_widget[name=next_review]:contains(下一步审核：)",
    },
    {
      content: "Open the reviews of the quotation",
      trigger: ".o_form_view a.o_info_btn:contains(审核)",
      run: "click",
    },
    {
      content: "The review table's columns are in Chinese",
      trigger:
        ".o_review th[name=th_requested_by]:contains(提交人) ~ th[name=th_todo_by]:contains(待审核人) ~ th[name=th_reviewed_date]:contains(审核日期)",
    },
    {
      content: "The review waits for the manager, in Chinese",
      trigger: ".o_review td[name=td_display_status]:contains(待审核)",
    },
    {
      isActive: ["desktop"],
      content: "Open the reviews menu",
      trigger: ".o_menu_systray .fa-pencil-square-o",
      run: "click",
    },
    {
      isActive: ["desktop"],
      content: "The menu counts the quotations waiting for review, in Chinese",
      trigger: ".o-mail-ActivityGroup:contains(待审核)",
    },
  ],
});
