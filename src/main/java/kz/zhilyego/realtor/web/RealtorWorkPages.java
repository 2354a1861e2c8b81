package kz.zhilyego.realtor.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.booking.BookingStatus;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.AnalyticsSummary;
import kz.zhilyego.realtor.BookingReports;
import kz.zhilyego.realtor.RealtorAnalytics;
import kz.zhilyego.realtor.RealtorBookings;
import kz.zhilyego.realtor.RealtorListings;
import kz.zhilyego.realtor.TeamAnalytics;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Realtor pages: dashboard, bookings (list, details, actions), analytics and exports. */
@Controller
class RealtorWorkPages {

	private final RealtorBookings bookings;

	private final RealtorAnalytics analytics;

	private final BookingReports reports;

	private final RealtorListings listings;

	private final PageMessages messages;

	private final JsonMapper json;

	private final Clock clock;

	private final TeamAnalytics team;

	RealtorWorkPages(RealtorBookings bookings, RealtorAnalytics analytics, BookingReports reports,
			RealtorListings listings, PageMessages messages, JsonMapper json, Clock clock, TeamAnalytics team) {
		this.team = team;
		this.bookings = bookings;
		this.analytics = analytics;
		this.reports = reports;
		this.listings = listings;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
	}

	@GetMapping("/realtor")
	String dashboard(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		LocalDate today = today();
		model.addAttribute("summary",
				this.analytics.summary(user, today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth())));
		model.addAttribute("listings", this.listings.list(user,
				new RealtorListings.Filter(null, null, null, "added", 0, 5), Language.of(locale)));
		model.addAttribute("upcoming", this.bookings.list(user,
				EnumSet.of(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN), null, today, null, 0, 10));
		return "realtor/dashboard";
	}

	@GetMapping("/realtor/bookings")
	String bookings(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable BookingStatus status,
			@RequestParam(required = false) @Nullable Long listingId,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Long realtorId, Model model, Locale locale) {
		model.addAttribute("result", this.bookings.list(user, status == null ? Set.of() : Set.of(status), listingId,
				realtorId, RealtorListingPages.date("from", from), RealtorListingPages.date("to", to), page, null));
		model.addAttribute("realtorOptions", this.team.realtorOptions(user));
		model.addAttribute("realtorId", realtorId);
		model.addAttribute("listingOptions",
				this.listings
					.list(user, new RealtorListings.Filter(null, null, null, "added", 0, 100), Language.of(locale))
					.items());
		model.addAttribute("statuses", BookingStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("listingId", listingId);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "realtor/bookings";
	}

	@GetMapping("/realtor/bookings/{id}")
	String booking(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("booking", this.bookings.get(id, user));
		model.addAttribute("reasons", CancellationReason.values());
		model.addAttribute("error", null);
		return "realtor/booking";
	}

	@PostMapping("/realtor/bookings/{id}/{action}")
	String bookingAction(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable String action,
			@RequestParam(required = false) @Nullable CancellationReason reason,
			@RequestParam(required = false) @Nullable String note, Model model, Locale locale) {
		try {
			switch (action) {
				case "cancel" -> this.bookings.cancel(id, reason, note == null || note.isBlank() ? null : note, user);
				case "check-in" -> this.bookings.checkIn(id, user);
				case "check-out" -> this.bookings.checkOut(id, user);
				default -> throw ProblemException.notFound("booking.notFound");
			}
			return "redirect:/realtor/bookings/" + id;
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404 || ex.status().value() == 403) {
				throw ex;
			}
			model.addAttribute("booking", this.bookings.get(id, user));
			model.addAttribute("reasons", CancellationReason.values());
			model.addAttribute("error", String.join(" ", this.messages.errors(ex, locale).values()));
			return "realtor/booking";
		}
	}

	@GetMapping("/realtor/analytics")
	String analytics(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String preset,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model, Locale locale) {
		LocalDate today = today();
		AnalyticsPeriod period = AnalyticsPeriod.of(preset, from, to, today);
		AnalyticsSummary summary = this.analytics.summary(user, period.start(), period.end());
		model.addAttribute("summary", summary);
		// "</" never closes the script element the JSON sits in
		model.addAttribute("summaryJson", this.json.writeValueAsString(summary).replace("</", "<\\/"));
		model.addAttribute("preset", period.preset());
		// the chart's legend and the list under it: reasons in words, never codes
		Map<String, String> reasons = new LinkedHashMap<>();
		for (CancellationReason reason : CancellationReason.values()) {
			reasons.put(reason.name(), this.messages.text("booking.reason." + reason.name(), new Object[0], locale));
		}
		model.addAttribute("reasonLabels", reasons);
		model.addAttribute("reasonLabelsJson", this.json.writeValueAsString(reasons));
		return "realtor/analytics";
	}

	@GetMapping("/realtor/reports/bookings.csv")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal CurrentUser user, @RequestParam String from,
			@RequestParam String to, Locale locale) {
		LocalDate f = RealtorListingPages.date("from", from);
		LocalDate t = RealtorListingPages.date("to", to);
		return RealtorBookingApiController.file(this.reports.csv(user, f, t, locale),
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				"bookings-" + from + "-" + to + ".csv");
	}

	@GetMapping("/realtor/reports/bookings.xlsx")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam String from,
			@RequestParam String to, Locale locale) {
		LocalDate f = RealtorListingPages.date("from", from);
		LocalDate t = RealtorListingPages.date("to", to);
		return RealtorBookingApiController.file(this.reports.xlsx(user, f, t, locale), RealtorBookingApiController.XLSX,
				"bookings-" + from + "-" + to + ".xlsx");
	}

}
