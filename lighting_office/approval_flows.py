"""Who may change what on every tier-validated document: the one place.

Per document model: its states, each allowed change of state with the flow
methods that make it, the fields its reviewers approved (locked once it is
under review or approved, and for good in `locked_states`) and the lines
whose approved fields are locked with it. An edit of a locked field is
refused, never silently kept: the requester restarts the review (a draft) or
cancels and resets the document to draft, which restarts it (base_tier_validation
removes the reviews of a document cancelled or back in its first state).

models/tier_validation.py and models/approval_line_mixin.py enforce this
table in create/write for every caller but the superuser and the flow
methods themselves; tests/test_bypass.py is generated from it.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

# The flow methods running in this thread, innermost last, as (model, method).
# A context key could be sent by any RPC client; this variable is set only
# by server code (flow_step), so a client cannot claim to be a flow method.
_RUNNING_STEPS = ContextVar("lighting_office_running_steps", default=())

# Context keys of base_tier_validation that switch checks off: honoured only
# for the superuser, never when sent by a client.
FORGEABLE_KEYS = ("skip_validation_check", "skip_check_state_condition", "tier_validation_defer_compute_can_review")


class Flow(NamedTuple):
    states: tuple
    transitions: dict  # {(from, to): (method, ...)}
    locked_fields: tuple = ()
    locked_states: tuple = ()
    lines: dict = {}  # {line model: (field to the document, locked line fields)}
    state_field: str = "state"

    @property
    def initial(self):
        return self.states[0]

    @property
    def methods(self):
        """Every flow method of the document."""
        return {method for methods in self.transitions.values() for method in methods}


def _to(targets, methods):
    return dict.fromkeys(targets, methods)


SALE_LINE_FIELDS = ("order_id", "product_id", "product_uom_qty", "product_uom", "price_unit", "discount", "tax_id")
ROOM_FIELDS = (
    "solution_id",
    "name",
    "standard_id",
    "area",
    "ceiling_height",
    "product_id",
    "luminaire_flux",
    "luminaire_power",
    "utilisation_factor",
    "maintenance_factor",
)

FLOWS = {
    "sale.order": Flow(
        states=("draft", "sent", "sale", "cancel"),
        transitions={
            ("draft", "sent"): ("action_quotation_send", "message_post"),
            ("draft", "sale"): ("action_confirm",),
            ("sent", "sale"): ("action_confirm",),
            **_to((("draft", "cancel"), ("sent", "cancel"), ("sale", "cancel")), ("_action_cancel",)),
            **_to((("cancel", "draft"), ("sent", "draft")), ("action_draft",)),
        },
        locked_fields=(
            "order_line",
            "partner_id",
            "partner_invoice_id",
            "partner_shipping_id",
            "pricelist_id",
            "currency_id",
            "payment_term_id",
            "fiscal_position_id",
            "company_id",
            "validity_date",
            "commitment_date",
            "contract_terms",
            "note",
        ),
        locked_states=("sale",),
        lines={"sale.order.line": ("order_id", SALE_LINE_FIELDS)},
    ),
    "lighting.budget": Flow(
        states=("draft", "approved", "superseded", "cancel"),
        transitions={
            ("draft", "approved"): ("action_approve",),
            ("approved", "superseded"): ("action_approve",),
            ("draft", "cancel"): ("action_cancel",),
            ("cancel", "draft"): ("action_reset_draft",),
        },
        locked_fields=("company_id", "year", "line_ids", "revision_reason"),
        locked_states=("approved", "superseded"),
        lines={
            "lighting.budget.line": (
                "budget_id",
                ("budget_id", "category", "date", "department_id", "job_id", "name", "amount"),
            )
        },
    ),
    "lighting.document": Flow(
        states=("draft", "issued", "archived", "superseded"),
        transitions={
            ("draft", "issued"): ("action_issue",),
            ("issued", "superseded"): ("action_issue",),
            ("issued", "archived"): ("action_archive_document",),
        },
        locked_fields=("name", "document_type", "class_id", "company_id", "body", "attachment_ids"),
        locked_states=("issued", "archived", "superseded"),
    ),
    "lighting.archive.loan": Flow(
        states=("draft", "borrowed", "returned", "cancel"),
        transitions={
            ("draft", "borrowed"): ("action_borrow",),
            ("borrowed", "returned"): ("action_return",),
            ("draft", "cancel"): ("action_cancel",),
        },
        # The due date of a lent file is the archive keeper's to change (archive_loan.py).
        locked_fields=("file_id", "borrower_id", "purpose"),
        locked_states=("borrowed", "returned"),
    ),
    "lighting.vehicle.request": Flow(
        states=("draft", "approved", "ongoing", "returned", "cancel"),
        transitions={
            ("draft", "approved"): ("action_confirm",),
            ("approved", "ongoing"): ("action_start",),
            ("ongoing", "returned"): ("action_return",),
            **_to((("draft", "cancel"), ("approved", "cancel")), ("action_cancel",)),
            ("cancel", "draft"): ("action_reset_draft",),
        },
        locked_fields=("vehicle_id", "employee_id", "date_from", "date_to", "purpose", "destination", "company_id"),
        locked_states=("approved", "ongoing", "returned"),
    ),
    "lighting.business.trip": Flow(
        states=("draft", "approved", "reported", "cancel"),
        transitions={
            ("draft", "approved"): ("action_confirm",),
            ("approved", "reported"): ("action_file_report",),
            **_to((("draft", "cancel"), ("approved", "cancel")), ("action_cancel",)),
            ("cancel", "draft"): ("action_reset_draft",),
        },
        locked_fields=("employee_id", "destination", "date_from", "date_to", "purpose", "estimated_cost", "company_id"),
        locked_states=("approved", "reported"),
    ),
    "lighting.recruitment.plan": Flow(
        states=("draft", "approved", "open", "closed"),
        transitions={
            ("draft", "approved"): ("action_confirm",),
            ("approved", "open"): ("action_open_positions",),
            **_to((("approved", "closed"), ("open", "closed")), ("action_close",)),
            **_to((("approved", "draft"), ("closed", "draft")), ("action_reset_draft",)),
        },
        locked_fields=("company_id", "year", "line_ids"),
        locked_states=("approved", "open", "closed"),
        lines={
            "lighting.recruitment.plan.line": (
                "plan_id",
                ("plan_id", "name", "headcount", "requirements", "channel_ids", "budget"),
            )
        },
    ),
    "lighting.solution": Flow(
        states=("draft", "sent", "accepted", "revised"),
        transitions={
            ("draft", "sent"): ("action_send",),
            ("sent", "accepted"): ("action_accept",),
            ("sent", "revised"): ("action_revise",),
        },
        locked_fields=(
            "title",
            "lead_id",
            "company_id",
            "site_description",
            "environment",
            "uniformity",
            "colour_temperature",
            "colour_rendering",
            "budget",
            "room_ids",
        ),
        locked_states=("sent", "accepted", "revised"),
        lines={"lighting.solution.room": ("solution_id", ROOM_FIELDS)},
    ),
    "lighting.appraisal.outcome": Flow(
        states=("draft", "approved", "cancel"),
        transitions=_to((("draft", "approved"),), ("action_confirm",))
        | _to((("draft", "cancel"), ("approved", "cancel")), ("action_cancel",)),
        locked_fields=("appraisal_id", "outcome_type", "amount", "description"),
        locked_states=("approved",),
    ),
    "lighting.asset.request": Flow(
        states=("draft", "done", "cancel"),
        transitions={
            ("draft", "done"): ("action_done",),
            ("draft", "cancel"): ("action_cancel",),
            ("cancel", "draft"): ("action_reset_draft",),
        },
        locked_fields=(
            "name",
            "request_type",
            "company_id",
            "asset_id",
            "asset_name",
            "ledger",
            "category",
            "value",
            "quantity",
            "location",
            "custodian_id",
        ),
        locked_states=("done",),
    ),
    "lighting.asset.stocktake": Flow(
        states=("draft", "counting", "done"),
        transitions={("draft", "counting"): ("action_generate",), ("counting", "done"): ("action_adjust",)},
        locked_fields=("company_id", "date", "line_ids"),
        locked_states=("done",),
        lines={
            "lighting.asset.stocktake.line": (
                "stocktake_id",
                ("stocktake_id", "asset_id", "counted", "counted_quantity", "explanation"),
            )
        },
    ),
    "lighting.expense.preapproval": Flow(
        states=("draft", "approved", "cancel"),
        transitions={
            ("draft", "approved"): ("action_confirm",),
            **_to((("draft", "cancel"), ("approved", "cancel")), ("action_cancel",)),
            ("cancel", "draft"): ("action_reset_draft",),
        },
        locked_fields=("company_id", "employee_id", "purpose", "amount"),
        locked_states=("approved",),
    ),
    # Odoo's expense report: approval_state False is its draft; hr_expense
    # and hr_expense_tier_validation guard its expenses themselves.
    "hr.expense.sheet": Flow(
        states=(False, "submit", "approve", "cancel"),
        state_field="approval_state",
        transitions={
            (False, "submit"): ("_do_submit",),
            ("submit", "approve"): ("_do_approve",),
            **_to((("submit", "cancel"), ("approve", "cancel")), ("_do_refuse",)),
            **_to((("submit", False), ("approve", False), ("cancel", False)), ("_do_reset_approval",)),
        },
        locked_fields=("employee_id", "company_id", "expense_line_ids"),
        locked_states=("approve",),
    ),
}


def without_forged_keys(records):
    """`records` with the check-disabling context keys off, unless superuser."""
    if records.env.su or not any(records.env.context.get(key) for key in FORGEABLE_KEYS):
        return records
    return records.with_context(**dict.fromkeys(FORGEABLE_KEYS, False))


def running_steps():
    return _RUNNING_STEPS.get()


@contextmanager
def running_step(model_name, method_name):
    token = _RUNNING_STEPS.set(_RUNNING_STEPS.get() + ((model_name, method_name),))
    try:
        yield
    finally:
        _RUNNING_STEPS.reset(token)


def flow_step(method):
    """Decorate a model method as a step of its document's flow: the changes
    of state it makes are the ones FLOWS allows it."""

    @functools.wraps(method)
    def step(self, *args, **kwargs):
        with running_step(self._name, method.__name__):
            return method(self, *args, **kwargs)

    return step
