from odoo import _, api, models
from odoo.exceptions import ValidationError

from ..approval_flows import FLOWS, running_step, running_steps, without_forged_keys


class TierValidation(models.AbstractModel):
    """Make every tier-validated document impossible to push past its review
    (by button, RPC, write or import), with a message naming the document:
    the flow of approval_flows.FLOWS holds for every caller but the superuser."""

    _inherit = "tier.validation"

    def _get_claimant_user(self):
        """The user whose own claim the document is: never one of its reviewers."""
        return self.env["res.users"]

    def _get_department_head_user(self):
        """The head of the claimant's department, reviewer type "department_head"."""
        return self.env["res.users"]

    # base_tier_validation's own review steps: the reviews they create, decide
    # or remove are the flow's doing, not the client's (tier_review.py).
    def request_validation(self):
        with running_step(self._name, "request_validation"):
            reviews = super().request_validation()
        self._notify_turns_come(reviews.filtered("can_review"))
        return reviews

    def validate_tier(self):
        with running_step(self._name, "validate_tier"):
            return super().validate_tier()

    def reject_tier(self):
        with running_step(self._name, "reject_tier"):
            return super().reject_tier()

    def restart_validation(self):
        with running_step(self._name, "restart_validation"):
            return super().restart_validation()

    def _validate_tier(self, tiers=False):
        with running_step(self._name, "_validate_tier"):
            return super()._validate_tier(tiers)

    def _rejected_tier(self, tiers=False):
        with running_step(self._name, "_rejected_tier"):
            return super()._rejected_tier(tiers)

    def _tier_validation_check_write_remove_reviews(self, vals):
        # Runs after _check_flow_transition allowed the cancel or reset.
        with running_step(self._name, "remove_reviews"):
            return super()._tier_validation_check_write_remove_reviews(vals)

    def unlink(self):
        # A deleted document takes its reviews with it.
        with running_step(self._name, "unlink"):
            return super().unlink()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_created_in_initial_state()
        return records

    def _check_created_in_initial_state(self):
        """A record created (or imported, or copied) straight into a later state
        would skip its review: every caller creates it in its first state."""
        flow = FLOWS.get(self._name)
        if not flow:
            return
        labels = dict(self._fields[flow.state_field]._description_selection(self.env))
        for record in self:
            state = record[flow.state_field]
            if state != flow.initial:
                raise ValidationError(
                    _(
                        "%(document)s cannot be created in the state “%(state)s”: a new record starts as "
                        "“%(initial)s” and moves on only through its flow, once approved.",
                        document=record.display_name,
                        state=labels.get(state, state),
                        initial=labels.get(flow.initial, _("Draft")),
                    )
                )

    def write(self, vals):
        return super(TierValidation, without_forged_keys(self)).write(vals)

    def _check_state_from_condition(self):
        return super(TierValidation, without_forged_keys(self))._check_state_from_condition()

    def _tier_validation_check_state_on_write(self, vals):  # pylint: disable=missing-return
        # (a check: it raises or lets the write go, and returns nothing, as base_tier_validation's)
        # need_validation has no dependencies: its cached value goes stale once
        # reviews are requested or decided in the same transaction.
        self.invalidate_recordset(["need_validation"])
        for record in self:
            try:
                super(TierValidation, record)._tier_validation_check_state_on_write(vals)
            except ValidationError as error:
                raise ValidationError(
                    _(
                        "%(document)s cannot be confirmed before it is approved.\n%(reason)s",
                        document=record.display_name,
                        reason=error.args[0],
                    )
                ) from error

    # The chatter lines of a review, here in this module's catalogue: Odoo looks a
    # dependency's Python strings up in that dependency's own translations only, and
    # base_tier_validation ships no Chinese for them.
    def _compute_next_review(self):
        # base_tier_validation's "Next: %s" is looked up in its own catalogue, which has no Chinese for it
        for record in self:
            review = record.review_ids.sorted("sequence").filtered(lambda review: review.status == "pending")[:1]
            record.next_review = review and _("Next review: %(step)s", step=review.name or "")

    def _review_comment(self):
        return next(
            iter(
                self.review_ids.filtered(lambda review: self.env.user in review.reviewer_ids and review.comment).mapped(
                    "comment"
                )
            ),
            "",
        )

    def _notify_accepted_reviews_body(self):
        comment = self._review_comment()
        if comment:
            return _("A review was accepted. (%(comment)s)", comment=comment)
        return _("A review was accepted")

    def _notify_rejected_review_body(self):
        comment = self._review_comment()
        if comment:
            return _("A review was rejected by %(user)s. (%(comment)s)", user=self.env.user.name, comment=comment)
        return _("A review was rejected by %(user)s.", user=self.env.user.name)

    def _notify_created_review_body(self):
        return _("A record to be reviewed has been created by %(user)s.", user=self.env.user.name)

    def _notify_requested_review_body(self):
        return _("A review has been requested by %(user)s.", user=self.env.user.name)

    @api.model
    def _update_counter(self, review_counter):
        # base_tier_validation moves the steps on here, after every decision
        turn_before = self.review_ids.filtered("can_review")
        result = super()._update_counter(review_counter)
        self._notify_turns_come(self.review_ids.filtered("can_review") - turn_before)
        return result

    def _notify_turns_come(self, reviews):
        """The reviewers of steps told on reaching their turn (notify_on_pending) are told
        once, then; not after a rejection (base_tier_validation moves the next step on then too)."""
        self.filtered(lambda record: not record.rejected)._notify_reviewers(
            reviews.filtered("definition_id.notify_on_pending"), "_notify_requested_review_body"
        )

    def _notify_review_requested(self, tier_reviews):
        self._notify_reviewers(tier_reviews.filtered("definition_id.notify_on_create"), "_notify_created_review_body")

    def _notify_reviewers(self, reviews, body):
        """A note addressed to the reviewers of `reviews` on their document; they are not made
        followers. base_tier_validation subscribes them with its "review requested" subtype alone:
        that replaced the subtypes of a reviewer who already followed the document (an office
        manager following an order stopped seeing its messages) and gave them nothing more than
        a note addressed to them does."""
        # sudo: the note is the flow's, as base_tier_validation's own; the requester stays its
        # author, whether or not they may still write on the document they submitted. (Sale
        # orders would make whoever a message addresses a follower: mail_post_autofollow.)
        reviews_of = reviews.grouped("res_id")
        for record in self.sudo().with_context(mail_post_autofollow=False):
            partners = reviews_of.get(record.id, reviews.browse()).reviewer_ids.partner_id
            if partners:
                record.message_post(
                    subtype_xmlid=self._get_requested_notification_subtype(),
                    body=getattr(record, body)(),
                    partner_ids=partners.ids,
                )

    def _notify_restarted_review_body(self):
        return _("The review has been reset by %(user)s.", user=self.env.user.name)

    def _tier_validation_check_write_allowed(self, vals):  # pylint: disable=missing-return
        # (a check, like the one above)
        for record in self:
            try:
                super(TierValidation, record)._tier_validation_check_write_allowed(vals)
            except ValidationError as error:
                raise ValidationError(
                    _("%(document)s: %(reason)s", document=record.display_name, reason=error.args[0])
                ) from error
        if not self.env.su:
            self._check_flow_transition(vals)
            self._check_approved_fields(vals)

    def _flow_steps_running(self):
        """The flow methods of this model running now (approval_flows.flow_step)."""
        return {method for model, method in running_steps() if model == self._name}

    def _check_flow_transition(self, vals):
        """The state moves only along the flow, and only by the flow method of each move."""
        flow = FLOWS.get(self._name)
        if not flow or flow.state_field not in vals:
            return
        new = vals[flow.state_field]
        steps = self._flow_steps_running()
        labels = dict(self._fields[flow.state_field]._description_selection(self.env))
        for record in self:
            old = record[flow.state_field]
            if old == new or steps & set(flow.transitions.get((old, new), ())):
                continue
            message = (
                _(
                    "%(document)s: the field %(field)s goes from “%(old)s” to “%(new)s” only through its own "
                    "action, after its approval; it cannot be written.",
                )
                if (old, new) in flow.transitions
                else _(
                    "%(document)s: the field %(field)s cannot go from “%(old)s” to “%(new)s”.",
                )
            )
            raise ValidationError(
                message
                % {
                    "document": record.display_name,
                    "field": self._fields[flow.state_field].string,
                    "old": labels.get(old, old),
                    "new": labels.get(new, new),
                }
            )

    def _approval_locked(self):
        """Under review, approved, or past its approval: what was reviewed is fixed."""
        self.ensure_one()
        flow = FLOWS[self._name]
        return self[flow.state_field] in flow.locked_states or self.validation_status in (
            "waiting",
            "pending",
            "validated",
        )

    def _check_approved_fields(self, vals):
        """What the reviewers approved is not changed behind their back (issue 14, item 4)."""
        flow = FLOWS.get(self._name)
        if not flow or self._flow_steps_running() & flow.methods:
            return
        changed = [name for name in flow.locked_fields if name in vals]
        if changed:
            self._refuse_approved_change(self._fields[changed[0]].string)

    def _refuse_approved_change(self, field_label):
        for record in self.filtered(lambda record: record._approval_locked()):
            raise ValidationError(
                _(
                    "%(document)s is under review or approved: its field “%(field)s” cannot change. "
                    "Restart its review, or cancel it and reset it to draft, and have it approved again.",
                    document=record.display_name,
                    field=field_label,
                )
            )
