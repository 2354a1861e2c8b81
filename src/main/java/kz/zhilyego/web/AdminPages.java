package kz.zhilyego.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.booking.StaffBookingFilter;
import kz.zhilyego.catalog.ListingIndex;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.notification.DeadMessages;
import kz.zhilyego.review.ReviewQueries;
import kz.zhilyego.review.ReviewStatus;
import kz.zhilyego.review.Reviews;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The superuser's panel ({@code /admin}): the overview with counts, the review moderation
 * queue and the dead notification messages. The web security chain admits SUPERUSER only;
 * the pages call the same services as the admin API (the users page lives in the identity
 * module, {@code /admin/users}).
 */
@Controller
class AdminPages {

	private static final int PAGE_SIZE = 20;

	/** Bookings that were paid for: counted on the overview. */
	private static final Set<BookingStatus> PAID = BookingStatus.PAID_STAYS;

	private final UserDirectory users;

	private final ListingIndex listings;

	private final BookingQueries bookings;

	private final ReviewQueries reviewQueries;

	private final Reviews reviews;

	private final DeadMessages dead;

	private final AccessScopes scopes;

	private final Clock clock;

	private final Texts texts;

	AdminPages(UserDirectory users, ListingIndex listings, BookingQueries bookings, ReviewQueries reviewQueries,
			Reviews reviews, DeadMessages dead, AccessScopes scopes, Clock clock, Texts texts) {
		this.users = users;
		this.listings = listings;
		this.bookings = bookings;
		this.reviewQueries = reviewQueries;
		this.reviews = reviews;
		this.dead = dead;
		this.scopes = scopes;
		this.clock = clock;
		this.texts = texts;
	}

	/** The overview's numbers. */
	record Overview(long users, long activeListings, long bookingsToday, long bookingsThisMonth, long hiddenReviews,
			long complainedReviews, long deadMessages) {
	}

	@GetMapping("/admin")
	String overview(@AuthenticationPrincipal CurrentUser user, Model model) {
		AccessScope scope = this.scopes.of(user);
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		LocalDate monthStart = today.withDayOfMonth(1);
		model.addAttribute("overview",
				new Overview(this.users.count(), this.listings.countActive(), paidBookings(scope, today, today),
						paidBookings(scope, monthStart, monthStart.plusMonths(1).minusDays(1)),
						this.reviewQueries.forModeration(scope, ReviewStatus.HIDDEN, false, 0, 1).total(),
						this.reviewQueries.forModeration(scope, null, true, 0, 1).total(),
						this.dead.list(0, 1).total()));
		return "admin/overview";
	}

	/** Paid bookings whose stay touches [from, to]. */
	private long paidBookings(AccessScope scope, LocalDate from, LocalDate to) {
		return this.bookings.ofListingsInScope(scope, new StaffBookingFilter(PAID, null, from, to, 0, 1)).total();
	}

	@GetMapping("/admin/reviews")
	String reviews(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String tab,
			@RequestParam(defaultValue = "0") int page, Model model) {
		boolean complained = "complained".equals(tab);
		model.addAttribute("tab", complained ? "complained" : "hidden");
		model.addAttribute("result", this.reviewQueries.forModeration(this.scopes.of(user),
				complained ? null : ReviewStatus.HIDDEN, complained, Math.max(page, 0), PAGE_SIZE));
		return "admin/reviews";
	}

	@PostMapping("/admin/reviews/{id}/hide")
	String hide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String tab, @RequestParam(defaultValue = "0") int page,
			RedirectAttributes flash) {
		try {
			this.reviews.hide(id, this.scopes.of(user), reason);
			flash.addFlashAttribute("flash", this.texts.get("admin.reviews.hiddenDone", id));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return reviewsPage(tab, page);
	}

	@PostMapping("/admin/reviews/{id}/restore")
	String restore(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String tab, @RequestParam(defaultValue = "0") int page,
			RedirectAttributes flash) {
		try {
			this.reviews.restore(id, this.scopes.of(user));
			flash.addFlashAttribute("flash", this.texts.get("admin.reviews.restoredDone", id));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return reviewsPage(tab, page);
	}

	private static String reviewsPage(@Nullable String tab, int page) {
		return "redirect:/admin/reviews?tab=" + ("complained".equals(tab) ? "complained" : "hidden") + "&page="
				+ Math.max(page, 0);
	}

	@GetMapping("/admin/notifications")
	String notifications(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", this.dead.list(Math.max(page, 0), PAGE_SIZE));
		return "admin/notifications";
	}

	@PostMapping("/admin/notifications/{id}/retry")
	String retry(@PathVariable long id, @RequestParam(defaultValue = "0") int page, RedirectAttributes flash) {
		try {
			this.dead.retry(id);
			flash.addFlashAttribute("flash", this.texts.get("admin.notifications.retried", id));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.texts.of(ex));
		}
		return "redirect:/admin/notifications?page=" + Math.max(page, 0);
	}

}
