from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

CATEGORIES = [
    ("market", "Market"),
    ("technical", "Technical"),
    ("financial", "Financial"),
    ("legal", "Legal"),
    ("personnel", "Personnel"),
]
LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
LEVEL_RANK = {False: 0, "low": 1, "medium": 2, "high": 3}
RESPONSES = [
    ("avoid", "Avoid"),
    ("mitigate", "Mitigate"),
    ("transfer", "Transfer"),
    ("reduce", "Reduce"),
    ("monitor", "Monitor"),
    ("accept", "Accept"),
]
# R7.2: the responses each level allows.
ALLOWED_RESPONSES = {
    "high": ("avoid", "mitigate", "transfer"),
    "medium": ("reduce", "monitor"),
    "low": ("accept",),
}
# R7.1.3: the fields a matrix places and colours risks by, before and after their response (R7.2).
MATRIX_FIELDS = {
    False: ("likelihood", "impact", "level"),
    True: ("residual_likelihood", "residual_impact", "residual_level"),
}
ASSESSED_FIELDS = {
    "likelihood": "assessment",
    "impact": "assessment",
    "residual_likelihood": "residual",
    "residual_impact": "residual",
}


class LightingRisk(models.Model):
    """A risk an office faces, its assessment and the response to it (R7)."""

    _name = "lighting.risk"
    _description = "Office Risk"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "lighting.todo.mixin"]
    _order = "score desc, next_review_date, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        domain=[("is_lighting_office", "=", True)],
        tracking=True,
    )
    category = fields.Selection(CATEGORIES, required=True, tracking=True)
    description = fields.Text()
    cause = fields.Text()
    owner_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    identified_on = fields.Date(required=True, default=fields.Date.context_today)
    next_review_date = fields.Date(
        default=lambda self: fields.Date.context_today(self) + relativedelta(months=3),
        tracking=True,
    )
    round_id = fields.Many2one("lighting.risk.round", check_company=True, string="Identification Round")
    state = fields.Selection(
        [("identified", "Identified"), ("assessed", "Assessed"), ("treated", "Treated"), ("closed", "Closed")],
        default="identified",
        required=True,
        tracking=True,
    )
    likelihood = fields.Integer(tracking=True, help="On the likelihood scale, 1 to 5.")
    impact = fields.Integer(tracking=True, help="On the impact scale, 1 to 5.")
    likelihood_name = fields.Char(string="Likelihood Means", compute="_compute_scale_names")
    impact_name = fields.Char(string="Impact Means", compute="_compute_scale_names")
    score = fields.Integer(compute="_compute_score", store=True)
    level = fields.Selection(LEVELS, compute="_compute_score", store=True, tracking=True)
    response = fields.Selection(RESPONSES, tracking=True)
    response_plan = fields.Text()
    action_ids = fields.One2many("lighting.risk.action", "risk_id", string="Response Actions")
    open_action_count = fields.Integer(compute="_compute_action_counts")
    has_overdue_action = fields.Boolean(
        compute="_compute_action_counts",
        search="_search_has_overdue_action",
        string="Overdue Actions",
    )
    indicator_ids = fields.One2many("lighting.risk.indicator", "risk_id", string="Indicators")
    assessment_ids = fields.One2many("lighting.risk.assessment", "risk_id", string="Assessment History")
    residual_likelihood = fields.Integer(tracking=True)
    residual_impact = fields.Integer(tracking=True)
    residual_score = fields.Integer(compute="_compute_score", store=True)
    residual_level = fields.Selection(LEVELS, compute="_compute_score", store=True)

    @api.depends("likelihood", "impact")
    def _compute_scale_names(self):
        steps = self.env["lighting.risk.scale"]._steps()
        for risk in self:
            risk.likelihood_name = steps["likelihood"].get(risk.likelihood, "")
            risk.impact_name = steps["impact"].get(risk.impact, "")

    @api.depends(
        "likelihood",
        "impact",
        "residual_likelihood",
        "residual_impact",
        "company_id.risk_score_rule",
        "company_id.risk_medium_threshold",
        "company_id.risk_high_threshold",
    )
    def _compute_score(self):
        for risk in self:
            company = risk.company_id or self.env.company
            risk.score = company._risk_score(risk.likelihood, risk.impact)
            risk.level = company._risk_level(risk.score)
            risk.residual_score = company._risk_score(risk.residual_likelihood, risk.residual_impact)
            risk.residual_level = company._risk_level(risk.residual_score)

    @api.depends("action_ids.state", "action_ids.date_deadline")
    def _compute_action_counts(self):
        for risk in self:
            open_actions = risk.action_ids.filtered(lambda a: a.state == "todo")
            risk.open_action_count = len(open_actions)
            risk.has_overdue_action = any(open_actions.mapped("is_overdue"))

    def _search_has_overdue_action(self, operator, value):
        positive = (operator == "=") == bool(value)
        return [("action_ids", "any" if positive else "not any", [("is_overdue", "=", True)])]

    @api.constrains("likelihood", "impact", "residual_likelihood", "residual_impact")
    def _check_on_scale(self):
        steps = self.env["lighting.risk.scale"]._steps()
        for risk in self:
            for field_name, axis in (
                ("likelihood", "likelihood"),
                ("impact", "impact"),
                ("residual_likelihood", "likelihood"),
                ("residual_impact", "impact"),
            ):
                value = risk[field_name]
                if value and value not in steps[axis]:
                    raise ValidationError(
                        _(
                            "Risk %(risk)s: the field %(field)s must be a value of its scale "
                            "(%(values)s); %(value)s is not.",
                            risk=risk.name,
                            field=risk._fields[field_name].get_description(self.env)["string"],
                            values=", ".join(str(v) for v in sorted(steps[axis])),
                            value=value,
                        )
                    )

    @api.constrains("response", "likelihood", "impact")
    def _check_response_fits_level(self):
        for risk in self.filtered("response"):
            allowed = ALLOWED_RESPONSES.get(risk.level, ())
            if risk.response not in allowed:
                raise ValidationError(risk._response_refusal(allowed))

    def _response_refusal(self, allowed):
        labels = dict(self._fields["response"]._description_selection(self.env))
        level = dict(self._fields["level"]._description_selection(self.env)).get(self.level)
        return _(
            "Risk %(risk)s: the field Response cannot be %(response)s for a %(level)s risk; allowed: %(allowed)s.",
            risk=self.name,
            response=labels[self.response],
            level=level or _("not assessed"),
            allowed=", ".join(labels[r] for r in allowed) or _("none until it is assessed"),
        )

    @api.constrains("residual_likelihood", "residual_impact")
    def _check_residual_after_actions(self):
        for risk in self:
            if (risk.residual_likelihood or risk.residual_impact) and risk.open_action_count:
                raise ValidationError(
                    _(
                        "Risk %(risk)s: the field Residual Likelihood/Impact is assessed "
                        "after the Response Actions are done; %(count)s are still open.",
                        risk=risk.name,
                        count=risk.open_action_count,
                    )
                )

    @api.constrains("state")
    def _check_close(self):
        for risk in self.filtered(lambda r: r.state == "closed" and r.level == "high"):
            if risk.open_action_count:
                raise ValidationError(
                    _(
                        "Risk %(risk)s is high: its Response Actions must be done or "
                        "cancelled before it is closed (%(count)s open).",
                        risk=risk.name,
                        count=risk.open_action_count,
                    )
                )

    @api.model
    def get_import_templates(self):
        return [{"label": _("Import Template for Risks"), "template": "/lighting_office/static/xls/lighting_risk.xlsx"}]

    @api.model_create_multi
    def create(self, vals_list):
        risks = super().create(vals_list)
        risks._record_assessments(set(ASSESSED_FIELDS))
        return risks

    def write(self, vals):
        changed = set(ASSESSED_FIELDS) & set(vals)
        # A re-assessment that moves the risk to another level drops a
        # response that level no longer allows; the owner chooses again.
        unfit = self._with_unfit_response(vals) if changed and "response" not in vals else self.browse()
        res = super(LightingRisk, self - unfit).write(vals)
        unfit._drop_response(vals)
        if changed:
            (self - unfit)._record_assessments(changed)
        return res

    def _with_unfit_response(self, vals):
        def unfit(risk):
            company = self.env["res.company"].browse(vals.get("company_id")) or risk.company_id
            level = company._risk_level(
                company._risk_score(vals.get("likelihood", risk.likelihood), vals.get("impact", risk.impact))
            )
            return risk._response_unfit_for(level)

        return self.filtered(unfit)

    def _response_unfit_for(self, level):
        """R7.2: the risk has a response that `level` does not allow."""
        self.ensure_one()
        return bool(self.response) and self.response not in ALLOWED_RESPONSES.get(level, ())

    def _assessed_as(self):
        """What the office's settings make of the risk's assessments."""
        self.ensure_one()
        return self.score, self.level, self.residual_score, self.residual_level

    def _drop_response(self, vals=None):
        """Drop the response (a treated risk is assessed again) and ask the owners to choose anew."""
        if not self:
            return
        treated = self.filtered(lambda r: r.state == "treated")
        (self - treated).write(dict(vals or {}, response=False))
        treated.write(dict(vals or {}, response=False, state="assessed"))
        self._ask_for_new_response()

    def _rescored_by_office_settings(self):
        """The office's score rule or thresholds gave these risks another score or level: the
        history says so, and a response the new level does not allow is dropped, as on a
        re-assessment."""
        self.with_context(
            risk_assessment_note=self.env._("The office's risk assessment settings changed")
        )._record_assessments(set(ASSESSED_FIELDS))
        self.filtered(lambda risk: risk._response_unfit_for(risk.level))._drop_response()

    def _ask_for_new_response(self):
        self._schedule_todos(
            user=lambda risk: risk.owner_id,
            summary=lambda risk: risk.env._("The risk level changed: choose a new response"),
        )

    def _record_assessments(self, changed_fields):
        """Keep every (re-)assessment as history, with who and when (R7.1.2)."""
        kinds = {ASSESSED_FIELDS[f] for f in changed_fields}
        note = self.env.context.get("risk_assessment_note", False)
        values = []
        for risk in self:
            if "assessment" in kinds and risk.likelihood and risk.impact:
                values.append(
                    risk._assessment_values("assessment", risk.likelihood, risk.impact, risk.score, risk.level, note)
                )
            if "residual" in kinds and risk.residual_likelihood and risk.residual_impact:
                values.append(
                    risk._assessment_values(
                        "residual",
                        risk.residual_likelihood,
                        risk.residual_impact,
                        risk.residual_score,
                        risk.residual_level,
                        note,
                    )
                )
        self.env["lighting.risk.assessment"].create(values)

    def _assessment_values(self, kind, likelihood, impact, score, level, note):
        return {
            "risk_id": self.id,
            "kind": kind,
            "likelihood": likelihood,
            "impact": impact,
            "score": score,
            "level": level,
            "note": note,
        }

    def action_assess(self):
        for risk in self:
            if not (risk.likelihood and risk.impact):
                raise UserError(_("Risk %(risk)s: set the fields Likelihood and Impact to assess it.", risk=risk.name))
        self.write({"state": "assessed"})

    def action_treat(self):
        for risk in self:
            if not risk.response:
                raise UserError(_("Risk %(risk)s: choose the field Response before treating it.", risk=risk.name))
        self.write({"state": "treated"})

    def action_close(self):
        self.write({"state": "closed"})

    def action_reopen(self):
        self.write({"state": "identified"})

    # R7.1.3: the risk matrix

    @api.model
    def _matrix_domain(self, company_ids=None, categories=None, residual=False):
        likelihood, impact, _level = MATRIX_FIELDS[bool(residual)]
        domain = [(likelihood, ">", 0), (impact, ">", 0), ("state", "!=", "closed")]
        if company_ids:
            domain.append(("company_id", "in", company_ids))
        if categories:
            domain.append(("category", "in", categories))
        return domain

    @api.model
    def get_risk_matrix(self, company_ids=None, categories=None, residual=False):
        """The matrix of the web client, filtered by office and category; with `residual`, the
        risks where their residual assessment puts them."""
        return self._matrix(self._matrix_domain(company_ids, categories, residual), residual)

    def _report_matrix(self):
        """The matrix of the risks being printed."""
        return self._matrix(self._matrix_domain() + [("id", "in", self.ids)])

    @api.model
    def _matrix(self, domain, residual=False):
        """The 5 x 5 matrix of open assessed risks, from one grouped query.

        A cell holding risks takes the highest level among them (offices may set
        different thresholds); an empty cell the level of the current company.
        """
        likelihood_field, impact_field, level_field = MATRIX_FIELDS[bool(residual)]
        groups = self._read_group(domain, [likelihood_field, impact_field, level_field], ["__count"])
        cells = {}
        for likelihood, impact, level, count in groups:
            cell = cells.setdefault((likelihood, impact), {"count": 0, "level": False})
            cell["count"] += count
            if LEVEL_RANK[level] > LEVEL_RANK[cell["level"]]:
                cell["level"] = level
        steps = self.env["lighting.risk.scale"]._steps()
        company = self.env.company
        rows = []
        for likelihood in sorted(steps["likelihood"], reverse=True):
            row = []
            for impact in sorted(steps["impact"]):
                cell = cells.get((likelihood, impact)) or {
                    "count": 0,
                    "level": company._risk_level(company._risk_score(likelihood, impact)),
                }
                row.append(dict(cell, likelihood=likelihood, impact=impact))
            rows.append({"likelihood": likelihood, "name": steps["likelihood"][likelihood], "cells": row})
        return {
            "rows": rows,
            "impacts": [{"value": v, "name": n} for v, n in sorted(steps["impact"].items())],
            "domain": domain,
            "likelihood_field": likelihood_field,
            "impact_field": impact_field,
            "total": sum(cell["count"] for cell in cells.values()),
            "offices": [{"id": c.id, "name": c.name} for c in self.env.companies.filtered("is_lighting_office")],
            "categories": [
                {"value": v, "name": n} for v, n in self._fields["category"]._description_selection(self.env)
            ],
        }
