from odoo import _, api, models
from odoo.exceptions import ValidationError


class TierValidation(models.AbstractModel):
    """Make every tier-validated document impossible to push past its review
    (by button, RPC, write or import), with a message naming the document."""

    _inherit = "tier.validation"

    def _get_claimant_user(self):
        """The user whose own claim the document is: never one of its reviewers."""
        return self.env["res.users"]

    def _get_department_head_user(self):
        """The head of the claimant's department, reviewer type "department_head"."""
        return self.env["res.users"]

    @api.model_create_multi
    def create(self, vals_list):
        # A record created straight into a validated state would skip its
        # review: create it in its initial state, then move it through write(),
        # which runs the tier check.
        targets = {}
        if not self._tier_validation_state_field_is_computed:
            for index, vals in enumerate(vals_list):
                if vals.get(self._state_field) in self._state_to:
                    vals_list[index] = dict(vals)
                    targets[index] = vals_list[index].pop(self._state_field)
        records = super().create(vals_list)
        for index, state in targets.items():
            records[index].write({self._state_field: state})
        return records

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
    def _review_comment(self):
        return next(iter(self.review_ids.filtered(
            lambda review: self.env.user in review.reviewer_ids and review.comment).mapped("comment")), "")

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

    def _notify_restarted_review_body(self):
        return _("The review has been reset by %(user)s.", user=self.env.user.name)
