import { rpc } from "@web/core/network/rpc";
import { KeepLast } from "@web/core/utils/concurrency";
import { debounce } from "@web/core/utils/timing";
import publicWidget from "@web/legacy/js/public/public_widget";

// R3.2.1, R3.3.1: the new ticket form of the portal shows the feedback fields only for an
// after-sales problem, and suggests the FAQ entries matching the subject being typed.
publicWidget.registry.LightingNewTicket = publicWidget.Widget.extend({
  selector: "form.o_lighting_new_ticket",
  events: {
    "change input[name=kind]": "_onKindChange",
    "input input[name=subject]": "_onSubjectInput",
  },

  start() {
    this.keepLast = new KeepLast();
    this._suggest = debounce(this._suggest.bind(this), 300);
    return this._super(...arguments);
  },

  _onKindChange() {
    const feedback = this.el.querySelector("input[name=kind]:checked")?.value === "feedback";
    this.el.querySelector(".o_lighting_feedback_only").classList.toggle("d-none", !feedback);
    // A feedback has no consultation category: hidden, and disabled so that it is neither required nor sent.
    const category = this.el.querySelector(".o_lighting_consultation_only");
    category?.classList.toggle("d-none", feedback);
    category?.querySelector("select").toggleAttribute("disabled", feedback);
  },

  _onSubjectInput() {
    this._suggest();
  },

  async _suggest() {
    const text = this.el.querySelector("input[name=subject]").value;
    const category = this.el.querySelector("select[name=category]")?.value;
    const faqs = await this.keepLast.add(rpc("/my/faq/suggest", { text, category }));
    const box = this.el.querySelector(".o_lighting_faq_suggestions");
    const list = box.querySelector("ul");
    list.replaceChildren(
      ...faqs.map((faq) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = faq.url;
        link.target = "_blank";
        link.className = "o_lighting_faq_suggestion";
        link.textContent = faq.name;
        item.append(link);
        return item;
      })
    );
    box.classList.toggle("d-none", !faqs.length);
  },
});
