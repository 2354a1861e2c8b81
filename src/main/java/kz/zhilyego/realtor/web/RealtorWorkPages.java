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
import kz.zhilyego.realtor.ListRealtorListings;
import kz.zhilyego.realtor.RealtorAnalytics;
import kz.zhilyego.realtor.RealtorBookings;
import kz.zhilyego.realtor.RealtorListings;
import kz.zhilyego.realtor.RealtorProperties;
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

	private final ListRealtorListings list;

	private final PageMessages messages;

	private final JsonMapper json;

	private final Clock clock;

	private final TeamAnalytics team;

	private final RealtorProperties properties;

	private final kz.zhilyego.events.PlatformEvents events;

	RealtorWorkPages(RealtorBookings bookings, RealtorAnalytics analytics, BookingReports reports,
			RealtorListings listings, ListRealtorListings list, PageMessages messages, JsonMapper json, Clock clock,
			TeamAnalytics team, RealtorProperties properties, kz.zhilyego.events.PlatformEvents events) {
		this.list = list;
		this.events = events;
		this.team = team;
		this.properties = properties;
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
		model.addAttribute("listings", this.list.list(user,
				new ListRealtorListings.Filter(null, null, null, "added", 0, 5), Language.of(locale)));
		// arrivals still to come (today's and any not checked in yet), the nearest first
		model.addAttribute("upcoming", this.bookings.list(user, EnumSet.of(BookingStatus.CONFIRMED), null, null, today,
				null, null, "check_in", 0, 10));
		model.addAttribute("today", today);
		return "realtor/dashboard";
	}

	@GetMapping("/realtor/bookings")
	String bookings(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable BookingStatus status,
			@RequestParam(required = false) @Nullable Long listingId,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Long realtorId, Model model) {
		model.addAttribute("result",
				this.bookings.list(user, status == null ? Set.of() : Set.of(status), listingId, realtorId,
						RealtorListingPages.date("from", from), RealtorListingPages.date("to", to), q, sort, page,
						null));
		model.addAttribute("realtorOptions", this.team.realtorOptions(user));
		model.addAttribute("realtorId", realtorId);
		model.addAttribute("listing", listingId == null ? null : this.listings.get(listingId, user));
		model.addAttribute("statuses", BookingStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("listingId", listingId);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("sort", sort == null || sort.isBlank() ? "upcoming" : sort);
		model.addAttribute("today", today());
		return "realtor/bookings";
	}

	@GetMapping("/realtor/bookings/{id}")
	String booking(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		return bookingPage(user, id, null, null, Map.of(), model);
	}

	private String bookingPage(CurrentUser user, UUID id, @Nullable CancellationReason reason, @Nullable String note,
			Map<String, String> errors, Model model) {
		model.addAttribute("booking", this.bookings.get(id, user));
		model.addAttribute("timeline", this.events.bookingTimeline(id.toString()));
		model.addAttribute("reasons", CancellationReason.values());
		model.addAttribute("reason", reason);
		model.addAttribute("note", note);
		model.addAttribute("errors", errors);
		model.addAttribute("today", today());
		return "realtor/booking";
	}

	/**
	 * Cancel, check in or check out. A refused cancellation shows the form again with the
	 * chosen reason and the note as they were, and the error next to its field.
	 */
	@PostMapping("/realtor/bookings/{id}/{action:cancel|check-in|check-out}")
	String bookingAction(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable String action,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String note, Model model, Locale locale) {
		CancellationReason chosen = reason(reason);
		try {
			switch (action) {
				case "cancel" -> {
					if (chosen == null) {
						throw ProblemException.invalidField("reason", "realtor.cancel.chooseReason");
					}
					this.bookings.cancel(id, chosen, note == null || note.isBlank() ? null : note.strip(), user);
				}
				case "check-in" -> this.bookings.checkIn(id, user);
				default -> this.bookings.checkOut(id, user);
			}
			return "redirect:/realtor/bookings/" + id + "?done=" + action;
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404 || ex.status().value() == 403) {
				throw ex;
			}
			return bookingPage(user, id, chosen, note, this.messages.errors(ex, locale), model);
		}
	}

	/** The reason as sent; an unknown value is no choice (the form asks again). */
	private static @Nullable CancellationReason reason(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return CancellationReason.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Analytics of a period; a head may narrow it to one realtor. The heat map follows
	 * the period and the realtor, and pages through the listings ({@code heatQ} to find
	 * some, {@code heatPage}) and the days ({@code heatStart}).
	 */
	@GetMapping("/realtor/analytics")
	String analytics(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String preset,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Long realtorId,
			@RequestParam(required = false) @Nullable String heatQ,
			@RequestParam(required = false) @Nullable Integer heatPage,
			@RequestParam(required = false) @Nullable String heatStart, Model model, Locale locale) {
		LocalDate today = today();
		AnalyticsPeriod period = AnalyticsPeriod.of(preset, from, to, today);
		AnalyticsSummary summary = this.analytics.summary(user, realtorId, period.start(), period.end(),
				new RealtorAnalytics.HeatMapView(heatQ, heatPage == null ? 0 : heatPage,
						RealtorListingPages.date("heatStart", heatStart)));
		model.addAttribute("summary", summary);
		// "</" never closes the script element the JSON sits in
		model.addAttribute("summaryJson", this.json.writeValueAsString(summary).replace("</", "<\\/"));
		model.addAttribute("shortMonths", shortMonths(locale));
		model.addAttribute("preset", period.preset());
		model.addAttribute("realtorOptions", this.team.realtorOptions(user));
		model.addAttribute("realtorId", realtorId);
		model.addAttribute("heatQ", heatQ == null ? "" : heatQ.strip());
		var days = summary.heatMap().days();
		LocalDate first = days.isEmpty() ? period.start() : days.getFirst();
		LocalDate previous = first.minusDays(this.properties.heatMapDays());
		model.addAttribute("heatPrevious",
				first.isAfter(period.start()) ? (previous.isBefore(period.start()) ? period.start() : previous) : null);
		model.addAttribute("heatNext",
				days.isEmpty() || !days.getLast().isBefore(period.end()) ? null : days.getLast().plusDays(1));
		model.addAttribute("heatStart", days.isEmpty() ? null : days.getFirst());
		model.addAttribute("periodFrom", "custom".equals(period.preset()) ? period.start() : null);
		model.addAttribute("periodTo", "custom".equals(period.preset()) ? period.end() : null);
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

	/**
	 * The twelve short month names of the page's language, "|"-separated, for the charts
	 * from the JDK's locale data: browsers' own data may lack Kazakh ("2026 M12").
	 */
	static String shortMonths(Locale locale) {
		return java.util.Arrays.stream(java.time.Month.values())
			.map(m -> m.getDisplayName(java.time.format.TextStyle.SHORT_STANDALONE, locale))
			.collect(java.util.stream.Collectors.joining("|"));
	}

}
