package kz.zhilyego.review.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.review.PublicReview;
import kz.zhilyego.review.ReviewQueries;
import kz.zhilyego.review.ReviewSort;
import kz.zhilyego.review.ReviewStatus;
import kz.zhilyego.review.Reviews;
import kz.zhilyego.review.StaffReview;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviews: the guest writes one per completed booking, anyone reads a listing's published
 * reviews, the realtor replies, signed-in users complain, the superuser moderates.
 */
@RestController
@Validated
@Tag(name = "Reviews", description = "Reviews and ratings of completed stays, replies, complaints, moderation")
class ReviewApiController {

	private final Reviews reviews;

	private final ReviewQueries queries;

	private final AccessScopes scopes;

	ReviewApiController(Reviews reviews, ReviewQueries queries, AccessScopes scopes) {
		this.reviews = reviews;
		this.queries = queries;
		this.scopes = scopes;
	}

	/** A new review: rating 1–5 and an optional comment (up to 2000 characters). */
	record ReviewRequest(@Nullable Integer rating, @Nullable String comment) {
	}

	/** {@code awaitingModeration} true when the automatic check held the review back. */
	record ReviewCreated(long id, ReviewStatus status, boolean awaitingModeration) {
	}

	record TextRequest(@Nullable String text) {
	}

	record ReasonRequest(@Nullable String reason) {
	}

	@PostMapping("/api/v1/bookings/{id}/review")
	@Operation(summary = "Review a COMPLETED booking (its guest, once)",
			description = "201 PUBLISHED, or HIDDEN awaiting moderation when the automatic check flags the text;"
					+ " 409 when the booking already has a review, 403 for another caller or another status")
	ResponseEntity<ReviewCreated> create(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody ReviewRequest body) {
		Reviews.Submitted submitted = this.reviews.submit(id, this.scopes.of(user),
				body.rating() == null ? 0 : body.rating(), body.comment());
		return ResponseEntity.created(URI.create("/api/v1/reviews/" + submitted.id()))
			.body(new ReviewCreated(submitted.id(), submitted.status(), submitted.awaitsModeration()));
	}

	@GetMapping("/api/v1/listings/{id}/reviews")
	@Operation(summary = "A listing's published reviews with the realtor's replies (public)",
			description = "sort: newest (default), rating_desc, rating_asc; page from 0, size up to 50."
					+ " The author is shown by first name only.")
	PageResult<PublicReview> listing(@PathVariable @Min(1) long id,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.queries.published(id, ReviewSort.of(sort), page, size);
	}

	@PutMapping("/api/v1/realtor/reviews/{id}/reply")
	@Operation(summary = "The realtor's (or agency head's) reply to a review of a listing in scope; again edits it")
	StaffReview reply(@AuthenticationPrincipal CurrentUser user, @PathVariable @Min(1) long id,
			@RequestBody TextRequest body) {
		return this.reviews.reply(id, this.scopes.of(user), body.text());
	}

	@GetMapping("/api/v1/realtor/reviews")
	@Operation(summary = "Reviews (published and hidden) of the listings in the caller's scope, newest first")
	PageResult<StaffReview> ofScope(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.queries.ofScope(this.scopes.of(user), page, size);
	}

	@PostMapping("/api/v1/reviews/{id}/complaints")
	@Operation(summary = "Complain about a published review (once per user)")
	ResponseEntity<Void> complain(@AuthenticationPrincipal CurrentUser user, @PathVariable @Min(1) long id,
			@RequestBody ReasonRequest body) {
		this.reviews.complain(id, user.id(), body.reason());
		return ResponseEntity.status(201).build();
	}

	@PostMapping("/api/v1/admin/reviews/{id}/hide")
	@Operation(summary = "Superuser: hide a review with a reason (audited); the rating is recomputed")
	StaffReview hide(@AuthenticationPrincipal CurrentUser user, @PathVariable @Min(1) long id,
			@RequestBody ReasonRequest body) {
		return this.reviews.hide(id, this.scopes.of(user), body.reason());
	}

	@PostMapping("/api/v1/admin/reviews/{id}/restore")
	@Operation(summary = "Superuser: publish a hidden review again (audited); the rating is recomputed")
	StaffReview restore(@AuthenticationPrincipal CurrentUser user, @PathVariable @Min(1) long id) {
		return this.reviews.restore(id, this.scopes.of(user));
	}

	@GetMapping("/api/v1/admin/reviews")
	@Operation(summary = "Superuser: reviews to moderate; filter status=PUBLISHED|HIDDEN and complained=true")
	PageResult<StaffReview> moderation(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable ReviewStatus status,
			@RequestParam(defaultValue = "false") boolean complained,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.queries.forModeration(this.scopes.of(user), status, complained, page, size);
	}

}
