package kz.zhilyego.review.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.review.GuestReview;
import kz.zhilyego.review.GuestReviews;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The realtor's review of a guest (two-way, double-blind reviews) and the guest's view of
 * them.
 */
@RestController
@Tag(name = "Reviews")
class GuestReviewApiController {

	private final GuestReviews reviews;

	private final AccessScopes scopes;

	GuestReviewApiController(GuestReviews reviews, AccessScopes scopes) {
		this.reviews = reviews;
		this.scopes = scopes;
	}

	/** Rating 1–5, flags (GuestFlag names), an optional comment up to 2000 characters. */
	record GuestReviewRequest(@Nullable Integer rating, @Nullable List<String> flags, @Nullable String comment) {
	}

	/**
	 * A review about the guest as the guest sees it (no author, no booking internals).
	 */
	record AboutMe(long id, String listingTitle, int rating, List<String> flags, @Nullable String comment,
			java.time.Instant createdAt) {

		static AboutMe of(GuestReview r) {
			return new AboutMe(r.id(), r.listingTitle(), r.rating(), r.flags().stream().map(Enum::name).toList(),
					r.comment(), r.createdAt());
		}

	}

	@PostMapping("/api/v1/realtor/bookings/{id}/guest-review")
	@Operation(summary = "Rate the guest of a COMPLETED booking (its realtor or agency head, once)",
			description = "201 with the review; it stays hidden from the guest (double-blind) until the guest"
					+ " reviews the stay or 14 days pass after check-out. 409 the second time, 404 out of scope,"
					+ " 422 before the stay is completed, 400 for a bad rating, flag or comment")
	ResponseEntity<GuestReview> create(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody GuestReviewRequest body) {
		GuestReview review = this.reviews.submit(id, this.scopes.of(user), body.rating(), body.flags(), body.comment());
		return ResponseEntity.created(URI.create("/api/v1/realtor/bookings/" + id + "/guest-review")).body(review);
	}

	@GetMapping("/api/v1/realtor/bookings/{id}/guest-review")
	@Operation(summary = "The review of the booking's guest, for the staff in scope (404 when none)")
	GuestReview get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
		return this.reviews.ofBooking(id, this.scopes.of(user))
			.orElseThrow(() -> kz.zhilyego.common.ProblemException.notFound("guestReview.notFound"));
	}

	@GetMapping("/api/v1/me/guest-reviews")
	@Operation(summary = "Reviews hosts wrote about the caller, once visible (double-blind), newest first")
	List<AboutMe> aboutMe(@AuthenticationPrincipal CurrentUser user) {
		return this.reviews.about(user.id()).stream().map(AboutMe::of).toList();
	}

}
