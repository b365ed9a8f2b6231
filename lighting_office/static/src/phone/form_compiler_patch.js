import { FormCompiler } from "@web/views/form/form_compiler";
import { patch } from "@web/core/utils/patch";

// On a phone Odoo moves a form's status-bar actions (Request Validation, 确认, 提交…) into the ⚙
// menu only; the offices work from phones, so the actions stay on the form as well.
patch(FormCompiler.prototype, {
  compileHeader(el, params) {
    const statusBar = super.compileHeader(el, params);
    if (!params.asDropdownItems) {
      const buttons = statusBar.querySelector("StatusBarButtons");
      buttons?.setAttribute("t-if", "true");
    }
    return statusBar;
  },
});
