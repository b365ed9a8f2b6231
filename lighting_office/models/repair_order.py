from odoo import _, api, fields, models
from odoo.exceptions import UserError


class RepairOrder(models.Model):
    """A repair of returned feedback (R3.3.2): diagnosis, a log of the steps,
    the replaced parts (Odoo's repair moves, with lots) and the test without
    which it cannot be finished."""

    _inherit = "repair.order"

    lighting_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Feedback Ticket", index=True, readonly=True, copy=False, check_company=True
    )
    lighting_diagnosis = fields.Html(string="Diagnosis")
    lighting_step_ids = fields.One2many("lighting.repair.step", "repair_id", string="Repair Steps")
    lighting_test_ids = fields.One2many("lighting.repair.test", "repair_id", string="Tests")
    lighting_test_state = fields.Selection(
        [("untested", "Not Tested"), ("passed", "Passed"), ("failed", "Failed")],
        string="Test Result",
        compute="_compute_lighting_test_state",
        store=True,
        help="The result of the latest test; only a passed test lets the repair finish.",
    )
    lighting_done_date = fields.Datetime(string="Finished On", readonly=True, copy=False)
    lighting_turnaround_days = fields.Float(
        string="Turnaround (days)",
        compute="_compute_lighting_turnaround_days",
        store=True,
        aggregator="avg",
        help="Days from the repair order to its finish.",
    )

    @api.depends("lighting_test_ids.result", "lighting_test_ids.test_date")
    def _compute_lighting_test_state(self):
        for repair in self:
            latest = repair.lighting_test_ids.sorted(lambda test: (test.test_date, test.id))[-1:]
            repair.lighting_test_state = latest.result or "untested"

    @api.depends("create_date", "lighting_done_date")
    def _compute_lighting_turnaround_days(self):
        for repair in self:
            if repair.create_date and repair.lighting_done_date:
                repair.lighting_turnaround_days = round(
                    (repair.lighting_done_date - repair.create_date).total_seconds() / 86400.0, 2
                )
            else:
                repair.lighting_turnaround_days = 0.0

    def _check_lighting_test_passed(self):
        for repair in self.filtered(lambda repair: repair.lighting_test_state != "passed"):
            raise UserError(
                _("%(repair)s: record a passed test (Test Result) before finishing the repair.", repair=repair.name)
            )

    def action_repair_end(self):
        self._check_lighting_test_passed()
        return super().action_repair_end()

    def write(self, vals):
        if vals.get("state") == "done":
            self._check_lighting_test_passed()
            vals = dict(vals, lighting_done_date=fields.Datetime.now())
        return super().write(vals)

    def action_record_test(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Record Test"),
            "res_model": "lighting.repair.test",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_repair_id": self.id},
        }

    def _lighting_after_test(self, test):
        """A failed test sends the repair back to work; a passed one tells the customer (R3.3.3)."""
        self.ensure_one()
        if test.result == "failed":
            if self.state == "confirmed":
                self.action_repair_start()
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=self.user_id.id or self.env.uid,
                summary=_("Test failed: repair again"),
                note=test.measured_results,
            )
            self.message_post(body=_("Test failed: the repair goes back to work."))
        elif self.lighting_ticket_id:
            self.lighting_ticket_id.message_post_with_source(
                "lighting_office.mail_template_repair_test_passed", subtype_xmlid="mail.mt_comment"
            )
