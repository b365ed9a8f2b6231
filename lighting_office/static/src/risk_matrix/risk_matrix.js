import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/** R7.1.3: likelihood by impact, each cell coloured by level with its count;
 * a click opens the risks of the cell. The residual matrix places them by
 * their assessment after the response actions (R7.2). */
export class RiskMatrix extends Component {
  static template = "lighting_office.RiskMatrix";
  static props = ["*"];

  setup() {
    this.orm = useService("orm");
    this.action = useService("action");
    this.state = useState({ officeId: "", category: "", residual: false, matrix: null });
    onWillStart(() => this.load());
  }

  async load() {
    this.state.matrix = await this.orm.call("lighting.risk", "get_risk_matrix", [], {
      company_ids: this.state.officeId ? [Number(this.state.officeId)] : [],
      categories: this.state.category ? [this.state.category] : [],
      residual: this.state.residual,
    });
  }

  async onOfficeChange(ev) {
    this.state.officeId = ev.target.value;
    await this.load();
  }

  async onCategoryChange(ev) {
    this.state.category = ev.target.value;
    await this.load();
  }

  async onAssessmentChange(ev) {
    this.state.residual = ev.target.value === "residual";
    await this.load();
  }

  openCell(cell) {
    if (!cell.count) {
      return;
    }
    this.action.doAction({
      type: "ir.actions.act_window",
      name: this.state.residual
        ? _t("Residual risks: likelihood %(likelihood)s, impact %(impact)s", {
            likelihood: cell.likelihood,
            impact: cell.impact,
          })
        : _t("Risks: likelihood %(likelihood)s, impact %(impact)s", {
            likelihood: cell.likelihood,
            impact: cell.impact,
          }),
      res_model: "lighting.risk",
      // a phone shows the cards, whose title is not cut to a column's width
      views: this.env.isSmall
        ? [
            [false, "kanban"],
            [false, "list"],
            [false, "form"],
          ]
        : [
            [false, "list"],
            [false, "kanban"],
            [false, "form"],
          ],
      domain: [
        ...this.state.matrix.domain,
        [this.state.matrix.likelihood_field, "=", cell.likelihood],
        [this.state.matrix.impact_field, "=", cell.impact],
      ],
    });
  }
}

registry.category("actions").add("lighting_office.risk_matrix", RiskMatrix);
