from odoo import _, api, fields, models
from odoo.exceptions import AccessError

DECIDED = ("approved", "rejected")
LINK_FIELDS = {"model", "res_id", "definition_id"}
# Where a step goes when its only reviewer is the claimant of the document.
FALLBACK = {"department_head": "office_manager", "office_manager": "hq_management"}
OFFICE_REVIEW_TYPES = ("office_manager", "department_head", "hq_finance", "hq_management")


class TierReview(models.Model):
    _inherit = "tier.review"

    # A review belongs to the office of the document it reviews, so the
    # multi-company rule of base_tier_validation keeps offices apart.
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, related=False
    )

    @api.depends("model", "res_id", "definition_id.company_id")
    def _compute_company_id(self):
        for review in self:
            document = review._get_document()
            review.company_id = (
                document._get_company() if document else review.definition_id.company_id
            )

    def _get_document(self):
        self.ensure_one()
        if not self.model or not self.res_id or self.model not in self.env:
            return None
        return self.env[self.model].browse(self.res_id).exists()

    @api.model
    def _get_reviewer_fields(self):
        return super()._get_reviewer_fields() + ["definition_id.review_type"]

    def _get_reviewers(self):
        """Nobody reviews their own claim: the claimant is left out of a step,
        and a step left without reviewer goes to the next level (FALLBACK)."""
        # sudo: who reviews must not depend on whom the requester may see
        # (res.users has a company rule); the result only fills reviewer_ids.
        document = self.sudo()._get_document()
        claimant = document._get_claimant_user() if document else self.env["res.users"]
        review_type = self.review_type
        if review_type not in OFFICE_REVIEW_TYPES:
            return super()._get_reviewers() - claimant
        reviewers = self._get_reviewers_of(review_type, document)
        while claimant and not reviewers - claimant and review_type in FALLBACK:
            review_type = FALLBACK[review_type]
            reviewers = self._get_reviewers_of(review_type, document)
        return reviewers - claimant

    def _get_reviewers_of(self, review_type, document):
        Users = self.env["res.users"]
        if review_type == "office_manager":
            return document._get_company().office_manager_id if document else Users
        if review_type == "department_head":
            return document._get_department_head_user() if document else Users
        return self.env.ref(f"lighting_office.group_lighting_{review_type}").sudo().users

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("status") in DECIDED for vals in vals_list):
            raise AccessError(_("A review can only be created undecided; its reviewer decides it."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_reviewer_write(vals)
        return super().write(vals)

    def _check_reviewer_write(self, vals):
        """Only a review's own reviewer approves or rejects it, and no one moves
        a review to another document: otherwise an RPC call could skip it."""
        if LINK_FIELDS & set(vals):
            raise AccessError(_("A review cannot be moved to another document or step."))
        if vals.get("status") not in DECIDED and not {"done_by", "reviewed_date"} & set(vals):
            return
        for review in self:
            if self.env.user not in review.reviewer_ids:
                document = review._get_document()
                raise AccessError(
                    _(
                        "%(document)s: %(user)s is not a reviewer of the step "
                        "“%(step)s” and cannot decide it.",
                        document=document.display_name if document else review.res_id,
                        user=self.env.user.name,
                        step=review.name,
                    )
                )
