from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_datetime

from ..approval_flows import flow_step

# States in which a request holds its vehicle: no other request may overlap them.
BOOKED_STATES = ("approved", "ongoing")
# What the office manager approved: changing it needs a new approval.
BOOKING_FIELDS = ("vehicle_id", "employee_id", "date_from", "date_to", "purpose", "destination", "company_id")


class LightingVehicleRequest(models.Model):
    """Use of an office vehicle, approved by the office manager before the trip
    (R6.4.1); out and return with odometer and fuel."""

    _name = "lighting.vehicle.request"
    _description = "Vehicle Use Request"
    _check_company_auto = True
    _inherit = [
        "lighting.approved.request.mixin",
        "tier.validation",
        "mail.thread",
        "mail.activity.mixin",
        "lighting.todo.mixin",
    ]
    _order = "date_from desc, id desc"

    _state_from = ["draft"]
    _state_to = ["approved", "ongoing", "returned"]
    _tier_validation_manual_config = False
    _approved_fields = BOOKING_FIELDS

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, tracking=True, default=lambda self: self.env.company
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle",
        check_company=True,
        required=True,
        tracking=True,
        domain="[('company_id', 'in', (company_id, False))]",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        string="Driver",
        required=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id,
        domain="[('company_id', '=', company_id)]",
    )
    purpose = fields.Char(required=True, tracking=True)
    destination = fields.Char(required=True, tracking=True)
    date_from = fields.Datetime(string="From", required=True, tracking=True)
    date_to = fields.Datetime(string="To", required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("ongoing", "Out"),
            ("returned", "Returned"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    odometer_unit = fields.Selection(related="vehicle_id.odometer_unit")
    odometer_start = fields.Float(string="Odometer Out", tracking=True, copy=False, aggregator=False)
    odometer_end = fields.Float(string="Odometer Back", tracking=True, copy=False, aggregator=False)
    distance = fields.Float(compute="_compute_distance", store=True, help="Odometer Back minus Odometer Out.")
    usage_hours = fields.Float(string="Hours Booked", compute="_compute_usage_hours", store=True)
    fuel_level = fields.Selection(
        [("empty", "Empty"), ("quarter", "1/4"), ("half", "1/2"), ("three_quarters", "3/4"), ("full", "Full")],
        string="Fuel at Return",
        tracking=True,
        copy=False,
    )
    odometer_ids = fields.One2many("fleet.vehicle.odometer", "lighting_vehicle_request_id", string="Odometer Readings")
    is_return_overdue = fields.Boolean(
        string="Return Overdue",
        compute="_compute_is_return_overdue",
        search="_search_is_return_overdue",
        help="Still out after the time it was booked until.",
    )

    # R6.4.1, a second guard for concurrent approvals: the Python constraint
    # below reads committed rows only, so two managers approving two
    # overlapping requests at the same moment would both pass it. PostgreSQL
    # makes the second transaction wait for the first and then refuses it.
    # Ranges of the vehicle id stand in for "vehicle_id WITH =" so that no
    # btree_gist extension is needed.
    _sql_constraints = [
        (
            "vehicle_no_overlap",
            "EXCLUDE USING gist (int4range(vehicle_id, vehicle_id, '[]') WITH &&, "
            "tsrange(date_from, date_to) WITH &&) WHERE (state IN ('approved', 'ongoing'))",
            "This vehicle is already booked for an overlapping time.",
        ),
    ]

    def write(self, vals):
        if vals.get("state") in BOOKED_STATES:
            # Checked before writing: written first, the row would meet the
            # exclusion constraint, whose raw error names nothing.
            self.filtered(lambda request: request.state not in BOOKED_STATES)._raise_on_clash(booking=True)
        return super().write(vals)

    @api.depends("odometer_start", "odometer_end")
    def _compute_distance(self):
        for request in self:
            request.distance = max(request.odometer_end - request.odometer_start, 0.0) if request.odometer_end else 0.0

    @api.depends("date_from", "date_to")
    def _compute_usage_hours(self):
        for request in self:
            span = (request.date_to - request.date_from) if request.date_from and request.date_to else None
            request.usage_hours = span.total_seconds() / 3600 if span else 0.0

    def _get_claimant_user(self):
        return self.employee_id.user_id

    @api.model
    def _get_all_validation_exceptions(self):
        # Out and return are recorded on the approved request.
        return super()._get_all_validation_exceptions() + ["odometer_start", "odometer_end", "fuel_level"]

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for request in self:
            if request.date_to <= request.date_from:
                raise ValidationError(
                    _("%(request)s: the field To must be after the field From.", request=request.name)
                )

    @api.constrains("vehicle_id", "company_id")
    def _check_vehicle_office(self):
        for request in self:
            if request.vehicle_id.company_id and request.vehicle_id.company_id != request.company_id:
                raise ValidationError(
                    _(
                        "%(request)s: the field Vehicle names %(vehicle)s of another office.",
                        request=request.name,
                        vehicle=request.vehicle_id.name,
                    )
                )

    @api.constrains("vehicle_id", "date_from", "date_to", "state")
    def _check_no_overlap(self):
        """R6.4.1: a request overlapping a booking of its vehicle is refused."""
        self.filtered(lambda request: request.state in ("draft",) + BOOKED_STATES)._raise_on_clash()

    def _raise_on_clash(self, booking=False):
        """Refuse these requests if one overlaps a booked request of its vehicle;
        when `booking` them, also if two of them overlap each other."""
        clashes = self._find_booked_clashes()
        for request in self:
            clash = (
                clashes.get(request)
                or booking
                and next(
                    (
                        other
                        for other in self - request
                        if other.vehicle_id == request.vehicle_id
                        and other.date_from < request.date_to
                        and other.date_to > request.date_from
                    ),
                    None,
                )
            )
            if clash:
                raise ValidationError(
                    _(
                        "%(request)s: the vehicle %(vehicle)s is already booked by %(other)s from %(start)s to "
                        "%(end)s; change the fields From and To or the Vehicle.",
                        request=request.name,
                        vehicle=request.vehicle_id.name,
                        other=clash.name,
                        start=format_datetime(self.env, clash.date_from),
                        end=format_datetime(self.env, clash.date_to),
                    )
                )

    def _find_booked_clashes(self):
        """{request: the first booked request of the same vehicle overlapping it}, in one query."""
        if not self:
            return {}
        # sudo: a clash must be found whoever asks; only the other booking's
        # reference and times are shown.
        booked = self.sudo().search(
            [
                ("id", "not in", self.ids),
                ("vehicle_id", "in", self.vehicle_id.ids),
                ("state", "in", BOOKED_STATES),
                ("date_from", "<", max(self.mapped("date_to"))),
                ("date_to", ">", min(self.mapped("date_from"))),
            ],
            order="date_from",
        )
        clashes = {}
        for request in self:
            clash = next(
                (
                    other
                    for other in booked
                    if other.vehicle_id == request.vehicle_id
                    and other.date_from < request.date_to
                    and other.date_to > request.date_from
                ),
                None,
            )
            if clash:
                clashes[request] = clash
        return clashes

    def validate_tier(self):
        result = super().validate_tier()
        # The last approval books it: nobody has to come back to confirm.
        self.filtered(
            lambda request: request.state == "draft" and request.validation_status == "validated"
        ).action_confirm()
        return result

    @flow_step
    def action_confirm(self):
        """Book the vehicle once the office manager has approved the request,
        before the trip."""
        now = fields.Datetime.now()
        for request in self:
            if request.date_from < now:
                raise UserError(
                    _(
                        "%(request)s: a vehicle is approved before the trip, and the field From (%(start)s) has "
                        "passed; cancel it and book again.",
                        request=request.name,
                        start=format_datetime(self.env, request.date_from),
                    )
                )
        self.write({"state": "approved"})

    @flow_step
    def action_start(self):
        """The driver takes the vehicle: its odometer is read."""
        for request in self:
            if request.state != "approved":
                raise UserError(_("%(request)s: only an approved request goes out.", request=request.name))
            last = request.vehicle_id.odometer
            if not request.odometer_start:
                request.odometer_start = last
            elif request.odometer_start < last:
                raise UserError(
                    _(
                        "%(request)s: the field Odometer Out (%(value)s) is below the vehicle's last reading %(last)s.",
                        request=request.name,
                        value=request.odometer_start,
                        last=last,
                    )
                )
        self.write({"state": "ongoing"})

    @flow_step
    def action_return(self):
        """The vehicle is back: odometer and fuel are recorded, Fleet's odometer log gets the reading."""
        for request in self:
            if request.state != "ongoing":
                raise UserError(_("%(request)s: only a vehicle that is out can be returned.", request=request.name))
            if not request.fuel_level:
                raise UserError(_("%(request)s: the field Fuel at Return is empty.", request=request.name))
            if request.odometer_end < request.odometer_start:
                raise UserError(
                    _(
                        "%(request)s: the field Odometer Back (%(end)s) is below Odometer Out (%(start)s).",
                        request=request.name,
                        end=request.odometer_end,
                        start=request.odometer_start,
                    )
                )
        self.write({"state": "returned"})
        # sudo: staff have no right on Fleet's odometer log; the reading comes
        # from their own request, checked above, of a vehicle of their office.
        self.env["fleet.vehicle.odometer"].sudo().create(
            [
                {
                    "vehicle_id": request.vehicle_id.id,
                    "value": request.odometer_end,
                    "date": fields.Date.context_today(request),
                    "lighting_vehicle_request_id": request.id,
                }
                for request in self
            ]
        )

    @api.depends("state", "date_to")
    def _compute_is_return_overdue(self):
        now = fields.Datetime.now()
        for request in self:
            request.is_return_overdue = request.state == "ongoing" and request.date_to < now

    def _search_is_return_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on Return Overdue."))
        overdue = [("state", "=", "ongoing"), ("date_to", "<", fields.Datetime.now())]
        return overdue if (operator == "=") == value else ["!", "&", *overdue]

    @api.model
    def _cron_remind_overdue_returns(self):
        """R6.4.1: the driver of a vehicle still out after its booking gets one reminder."""
        overdue = self.search([("is_return_overdue", "=", True), ("activity_ids", "=", False)])
        overdue = overdue.filtered(lambda request: request.employee_id.user_id)
        overdue._schedule_todos(
            user=lambda request: request.employee_id.user_id,
            summary=lambda request: request.env._(
                "Return %(vehicle)s and record its odometer", vehicle=request.vehicle_id.display_name
            ),
        )
        return overdue

    @flow_step
    def action_cancel(self):
        for request in self:
            if request.state in ("ongoing", "returned"):
                raise UserError(_("%(request)s: a vehicle that went out cannot be cancelled.", request=request.name))
        self.write({"state": "cancel"})

    @flow_step
    def action_reset_draft(self):
        self.filtered(lambda request: request.state == "cancel").write({"state": "draft"})
        self.restart_validation()
