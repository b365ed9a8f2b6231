import functools

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from ..approval_flows import running_steps

DECIDED = ("approved", "rejected")
# What base_tier_validation's own review steps write on a review; every other
# field (document, step, reviewers, sequence...) is set once, at its creation.
FLOW_FIELDS = {"status", "done_by", "reviewed_date", "can_review", "comment", "last_reminder_date"}
DEFER_KEY = "tier_validation_defer_compute_can_review"
# Where a step goes when its only reviewer is the claimant of the document.
FALLBACK = {"department_head": "office_manager", "office_manager": "hq_management"}
OFFICE_REVIEW_TYPES = ("office_manager", "department_head", "hq_finance", "hq_management")


class TierReview(models.Model):
    _inherit = "tier.review"

    # A review belongs to the office of the document it reviews, so the
    # multi-company rule of base_tier_validation keeps offices apart.
    company_id = fields.Many2one("res.company", compute="_compute_company_id", store=True, related=False)

    @api.depends("model", "res_id", "definition_id.company_id")
    def _compute_company_id(self):
        documents = self._get_documents()
        for review in self:
            document = documents.get(review.id)
            review.company_id = document._get_company() if document else review.definition_id.company_id

    def _get_documents(self):
        """{review id: its document}, reviews whose document is gone left out:
        one existence check per model, whatever the number of reviews."""
        documents = {}
        for model, reviews in self.grouped("model").items():
            if not model or model not in self.env:
                continue
            existing = self._existing(self.env[model].browse(reviews.mapped("res_id")))
            documents.update(
                (review.id, existing.browse(review.res_id)) for review in reviews if review.res_id in existing._ids
            )
        return documents

    @api.model
    def _existing(self, documents):
        """exists(), asking the database only about documents not read in this transaction:
        one whose values are in the cache was read in this transaction's snapshot and is still
        there (an unlink clears the cache)."""
        unread = documents.browse(self.env.cache.get_missing_ids(documents, documents._fields["write_date"]))
        return (documents - unread) | unread.exists()

    @api.model
    def _get_reviewer_fields(self):
        return super()._get_reviewer_fields() + ["definition_id.review_type"]

    @api.depends(lambda self: self._get_reviewer_fields())
    def _compute_reviewer_ids(self):
        # sudo: who reviews must not depend on whom the requester may see
        # (res.users has a company rule); the result only fills reviewer_ids.
        documents = self.sudo()._get_documents()
        for review in self:
            review.reviewer_ids = review._get_reviewers_of_document(documents.get(review.id))

    @api.depends("reviewer_ids")
    def _compute_todo_by(self):
        # base_tier_validation writes "Group %s" and "(and %s more)" from its own catalogue, without Chinese
        shown = 3
        for review in self:
            if review.reviewer_group_id:
                review.todo_by = _("Group: %(group)s", group=review.reviewer_group_id.name)
                continue
            names = ", ".join(review.reviewer_ids[:shown].mapped("display_name"))
            more = len(review.reviewer_ids) - shown
            review.todo_by = _("%(names)s and %(count)s more", names=names, count=more) if more > 0 else names

    def _get_reviewers(self):
        # sudo: as in _compute_reviewer_ids
        return self._get_reviewers_of_document(self.sudo()._get_documents().get(self.id))

    def _get_reviewers_of_document(self, document):
        """Nobody reviews their own claim: the claimant is left out of a step,
        and a step left without reviewer goes to the next level (FALLBACK)."""
        claimant = document._get_claimant_user() if document else self.env["res.users"]
        review_type = self.review_type
        if review_type not in OFFICE_REVIEW_TYPES:
            return super()._get_reviewers() - claimant  # pylint: disable=super-method-mismatch
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
        # the id from ir.model.data's cache: env.ref would check the group exists, a query per step
        group_id = self.env["ir.model.data"]._xmlid_to_res_id(
            f"lighting_office.group_lighting_{review_type}", raise_if_not_found=True
        )
        return self.env["res.groups"].sudo().browse(group_id).users

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            if not running_steps():
                raise AccessError(_("A review is created by requesting the validation of its document."))
            if any(vals.get("status") in DECIDED for vals in vals_list):
                raise AccessError(_("A review can only be created undecided; its reviewer decides it."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_review_write(vals)
        return super().write(vals)

    def unlink(self):
        """Reviews are the regulation's audit trail: only an administrator
        deletes one; the flow removes those of a review it restarts."""
        if self.env.su or self.env.user.has_group("base.group_system"):
            return super().unlink()
        if not running_steps():
            raise AccessError(
                _("%(document)s: only an administrator deletes a review.", document=self._document_names())
            )
        self.check_access("unlink")
        # sudo: the flow (restart, cancel, reset to draft) removes the reviews
        # of the document it restarts; the access of the user to them is checked above.
        return super(TierReview, self.sudo()).unlink()

    @api.depends("definition_id.approve_sequence")
    def _compute_can_review(self):
        # Deferring the statuses is base_tier_validation's own; a client's key is ignored.
        forged = self.env.context.get(DEFER_KEY) and not self.env.su
        reviews = self.with_context(**{DEFER_KEY: False}) if forged else self
        return super(TierReview, reviews)._compute_can_review()

    def _notify_pending_status(self, review_ids):
        """base_tier_validation tells the reviewers of every pending step each time the
        statuses are computed (after each decision, out of turn too): they are told once,
        when their turn comes (tier_validation._notify_turns_come)."""

    def _check_review_write(self, vals):
        """A review is decided only through its document's flow (Validate,
        Reject), by one of the reviewers the server computes for it now, never
        by the stored reviewer_ids a caller could have changed; nothing links
        it to another document, step or reviewer."""
        fixed = set(vals) - FLOW_FIELDS
        if fixed:
            raise AccessError(
                _(
                    "%(document)s: the fields %(fields)s of a review are set when it is requested; "
                    "a review cannot be moved to another document, step or reviewer.",
                    document=self._document_names(),
                    fields=", ".join(sorted(fixed)),
                )
            )
        if vals.get("status") in DECIDED or {"done_by", "reviewed_date", "comment"} & set(vals):
            self._check_decided_by_reviewer(vals)
        if set(vals) - {"comment"} and not running_steps():
            raise AccessError(
                _(
                    "%(document)s: a review is decided with the Validate or Reject button of its document, "
                    "not written.",
                    document=self._document_names(),
                )
            )

    def _check_decided_by_reviewer(self, vals):
        if vals.get("done_by", self.env.uid) != self.env.uid:
            raise AccessError(
                _("%(document)s: a review is decided in the reviewer's own name.", document=self._document_names())
            )
        # sudo: as in _compute_reviewer_ids
        documents = self.sudo()._get_documents()
        for review in self:
            reviewers = review._get_reviewers_of_document(documents.get(review.id))
            if self.env.user not in reviewers or (review.status in DECIDED and "status" not in vals):
                raise AccessError(
                    _(
                        "%(document)s: %(user)s is not a reviewer of the step “%(step)s” and cannot decide it.",
                        document=review._document_names(),
                        user=self.env.user.name,
                        step=review.name,
                    )
                )

    def _document_names(self):
        # sudo: only the names of the reviewed documents are shown in the refusal.
        documents = self.sudo()._get_documents().values()
        return ", ".join(document.display_name for document in documents) or ", ".join(
            str(res_id) for res_id in self.mapped("res_id")
        )

    def _check_access(self, operation):
        """A review is readable, and decidable, only by who may read its document."""
        result = super()._check_access(operation)
        if result or not self._ids:
            return result
        forbidden = self - self._with_readable_document()
        if forbidden:
            return forbidden, functools.partial(self._document_access_error, forbidden)
        return None

    def _with_readable_document(self):
        allowed = set()
        # sudo: reads which document each review is of; the access to the
        # documents is then checked as the user, one query per model.
        for model, reviews in self.sudo().grouped("model").items():
            if model in self.env:
                documents = self.env[model].with_context(active_test=False).browse(reviews.mapped("res_id"))
                readable = set(documents._filtered_access("read").ids)
                allowed.update(review.id for review in reviews if review.res_id in readable)
        return self.filtered(lambda review: review.id in allowed)

    def _document_access_error(self, reviews):
        return AccessError(
            _(
                "The reviews of %(count)s document(s) you may not read are out of your reach.",
                count=len(set(reviews.sudo().mapped("res_id"))),
            )
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = expression.AND([domain, self._readable_document_domain(self._models_searched(domain))])
        return super()._search(domain, offset, limit, order)

    @api.model
    def _models_searched(self, domain):
        """The models a domain of only AND-ed conditions pins with ("model", "=", name), as the
        reviews of a document do; None when it may match reviews of any model."""
        if any(item in (expression.OR_OPERATOR, expression.NOT_OPERATOR) for item in domain):
            return None
        pinned = {leaf[2] for leaf in domain if expression.is_leaf(leaf) and tuple(leaf[:2]) == ("model", "=")}
        return pinned or None

    @api.model
    def _readable_document_domain(self, models=None):
        """Reviews of the documents the user may read (one subquery per model, no extra query):
        of the tier-validated `models` only when given (a document's reviews: one subquery,
        not one per tier-validated model, which made every document's reviews a slow query)."""
        names = self.env["tier.definition"]._get_tier_validation_model_names()
        parts = [
            ["&", ("model", "=", name), ("res_id", "in", self.env[name].with_context(active_test=False)._search([]))]
            for name in names
            if name in self.env and (models is None or name in models) and self.env[name].has_access("read")
        ]
        return expression.OR(parts) if parts else expression.FALSE_DOMAIN
