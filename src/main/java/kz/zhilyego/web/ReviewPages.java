package kz.zhilyego.web;

import java.util.Map;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.review.ReviewQueries;
import kz.zhilyego.review.ReviewSort;
import kz.zhilyego.review.Reviews;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reviews on the site: the next page of a listing's reviews (htmx fragment under the
 * listing page) and the guest's review form for a completed booking.
 */
@Controller
class ReviewPages {

	/** Reviews shown on the listing page and per "more" click. */
	static final int PAGE_SIZE = 5;

	private final Reviews reviews;

	private final ReviewQueries queries;

	private final BookingQueries bookings;

	private final AccessScopes scopes;

	private final Texts texts;

	ReviewPages(Reviews reviews, ReviewQueries queries, BookingQueries bookings, AccessScopes scopes, Texts texts) {
		this.reviews = reviews;
		this.queries = queries;
		this.bookings = bookings;
		this.scopes = scopes;
		this.texts = texts;
	}

	@GetMapping("/listings/{id}/reviews")
	String more(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("reviews", this.queries.published(id, ReviewSort.NEWEST, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("listingId", id);
		return "site/reviews :: items";
	}

	@GetMapping("/account/bookings/{id}/review")
	String form(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
		BookingDetails booking = reviewable(id, this.scopes.of(user));
		return form(booking, null, null, Map.of(), model);
	}

	@PostMapping("/account/bookings/{id}/review")
	String submit(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer rating,
			@RequestParam(required = false) @Nullable String comment, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		AccessScope scope = this.scopes.of(user);
		BookingDetails booking = reviewable(id, scope);
		try {
			Reviews.Submitted submitted = this.reviews.submit(id, scope, rating == null ? 0 : rating, comment);
			return "redirect:/account/bookings?review=" + (submitted.awaitsModeration() ? "moderation" : "published");
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND || ex.status() == HttpStatus.FORBIDDEN) {
				throw ex;
			}
			if (ex.status() == HttpStatus.CONFLICT) {
				return "redirect:/account/bookings";
			}
			return form(booking, rating, comment, this.texts.fieldErrors(ex, "comment"), model);
		}
	}

	/** The guest's own COMPLETED booking without a review, else 404. */
	private BookingDetails reviewable(UUID id, AccessScope scope) {
		BookingDetails booking = this.bookings.get(id, scope);
		if (booking.guestId() != scope.userId() || booking.status() != BookingStatus.COMPLETED
				|| this.queries.reviewed(id)) {
			throw ProblemException.notFound("booking.notFound");
		}
		return booking;
	}

	private String form(BookingDetails booking, @Nullable Integer rating, @Nullable String comment,
			Map<String, String> errors, Model model) {
		model.addAttribute("booking", booking);
		model.addAttribute("number", BookingPages.number(booking.id()));
		model.addAttribute("rating", rating);
		model.addAttribute("comment", comment);
		model.addAttribute("maxComment", Reviews.MAX_TEXT);
		model.addAttribute("errors", errors);
		model.addAttribute("section", "bookings");
		return "site/review-form";
	}

}
