package kz.zhilyego.trust.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.review.GuestFlag;
import kz.zhilyego.review.GuestReviews;
import kz.zhilyego.trust.GuestRisks;
import kz.zhilyego.trust.RealtorScores;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Trust on the realtor's pages: the booking desk's section with the guest's risk (level
 * and reasons) and the guest review form (loaded by the desk, or a page of its own
 * without JavaScript), and the score page (own score, the agency head's team).
 */
@Controller
class TrustPages {

	private final GuestRisks risks;

	private final GuestReviews reviews;

	private final BookingQueries bookings;

	private final RealtorScores scores;

	private final AccessScopes scopes;

	private final MessageSource messages;

	TrustPages(GuestRisks risks, GuestReviews reviews, BookingQueries bookings, RealtorScores scores,
			AccessScopes scopes, MessageSource messages) {
		this.risks = risks;
		this.reviews = reviews;
		this.bookings = bookings;
		this.scores = scores;
		this.scopes = scopes;
		this.messages = messages;
	}

	@GetMapping("/realtor/bookings/{id}/trust")
	String section(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		fill(id, this.scopes.of(user), model, Map.of(), null, List.of(), null);
		return request.getHeader("HX-Request") != null ? "trust/booking-trust :: section" : "trust/booking-trust";
	}

	/**
	 * The guest review form: back to the desk when saved, the form with its errors when
	 * not.
	 */
	@PostMapping("/realtor/bookings/{id}/guest-review")
	String rate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable Integer rating,
			@RequestParam(required = false) @Nullable List<String> flags,
			@RequestParam(required = false) @Nullable String comment, HttpServletResponse response, Model model,
			Locale locale) {
		AccessScope scope = this.scopes.of(user);
		try {
			this.reviews.submit(id, scope, rating, flags, comment);
			return "redirect:/realtor/bookings/" + id + "/trust?saved";
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404 || ex.status().value() == 403) {
				throw ex;
			}
			String field = ex.fieldErrors().isEmpty() ? "" : ex.fieldErrors().keySet().iterator().next();
			String key = ex.fieldErrors().isEmpty() ? ex.messageKey() : ex.fieldErrors().get(field);
			response.setStatus(ex.status().value());
			fill(id, scope, model, Map.of(field, this.messages.getMessage(key, ex.args(), key, locale)), rating,
					flags == null ? List.of() : flags, comment);
			return "trust/booking-trust";
		}
	}

	@GetMapping("/realtor/scores")
	String scores(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("scores", this.scores.inScope(this.scopes.of(user), "score", null, null));
		return "trust/scores";
	}

	private void fill(UUID id, AccessScope scope, Model model, Map<String, String> errors, @Nullable Integer rating,
			List<String> flags, @Nullable String comment) {
		BookingDetails booking = this.bookings.get(id, scope);
		model.addAttribute("booking", booking);
		model.addAttribute("risk", this.risks.ofBooking(id, scope));
		model.addAttribute("guestReview", this.reviews.ofBooking(id, scope).orElse(null));
		model.addAttribute("guestFlags", Arrays.asList(GuestFlag.values()));
		// the listing's realtor or the agency head rate guests; the superuser only reads
		model.addAttribute("canRate",
				scope.kind() == AccessScope.Kind.REALTOR || scope.kind() == AccessScope.Kind.AGENCY);
		model.addAttribute("errors", errors);
		model.addAttribute("rating", rating);
		model.addAttribute("flags", flags);
		model.addAttribute("comment", comment);
	}

}
