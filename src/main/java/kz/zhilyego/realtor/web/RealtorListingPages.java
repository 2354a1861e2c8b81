package kz.zhilyego.realtor.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.zhilyego.booking.BlockReason;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.realtor.ActivateListing;
import kz.zhilyego.realtor.EditListing;
import kz.zhilyego.realtor.ListRealtorListings;
import kz.zhilyego.realtor.ListingCalendar;
import kz.zhilyego.realtor.ListingOptions;
import kz.zhilyego.realtor.ListingPhotos;
import kz.zhilyego.realtor.RealtorListing;
import kz.zhilyego.realtor.RealtorListings;
import kz.zhilyego.realtor.TeamAnalytics;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Realtor pages for listings: the list with filters and quick actions, the form (every
 * field, photos, codes), the calendar with blocks and prices. Forms work without
 * JavaScript (CSRF token added by Thymeleaf); errors are shown next to the fields.
 */
@Controller
class RealtorListingPages {

	private final RealtorListings listings;

	private final ListRealtorListings list;

	private final EditListing edit;

	private final ActivateListing activation;

	private final ListingPhotos photos;

	private final ListingCalendar calendar;

	private final ListingOptions options;

	private final PageMessages messages;

	private final Clock clock;

	private final TeamAnalytics team;

	RealtorListingPages(RealtorListings listings, ListRealtorListings list, EditListing edit,
			ActivateListing activation, ListingPhotos photos, ListingCalendar calendar, ListingOptions options,
			PageMessages messages, Clock clock, TeamAnalytics team) {
		this.team = team;
		this.listings = listings;
		this.list = list;
		this.edit = edit;
		this.activation = activation;
		this.photos = photos;
		this.calendar = calendar;
		this.options = options;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/realtor/listings")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String district,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Long realtorId,
			@RequestParam(required = false) @Nullable String q, Model model, Locale locale) {
		model.addAttribute("result",
				this.list.list(user,
						new ListRealtorListings.Filter(status, type, district, sort, page, null, realtorId, q),
						Language.of(locale)));
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("page", page);
		// the quick actions return to this very page of the list
		model.addAttribute("back",
				org.springframework.web.util.UriComponentsBuilder.newInstance()
					.queryParamIfPresent("status", java.util.Optional.ofNullable(status))
					.queryParamIfPresent("type", java.util.Optional.ofNullable(type))
					.queryParamIfPresent("district", java.util.Optional.ofNullable(district))
					.queryParamIfPresent("sort", java.util.Optional.ofNullable(sort))
					.queryParamIfPresent("realtorId", java.util.Optional.ofNullable(realtorId))
					.queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(v -> !v.isBlank()))
					.queryParamIfPresent("page", java.util.Optional.ofNullable(page))
					.encode()
					.build()
					.getQuery());
		model.addAttribute("realtorOptions", this.team.realtorOptions(user));
		model.addAttribute("realtorId", realtorId);
		model.addAttribute("options", this.options.all(Language.of(locale)));
		model.addAttribute("status", status);
		model.addAttribute("type", type);
		model.addAttribute("district", district);
		model.addAttribute("sort", sort == null ? "added" : sort);
		return "realtor/listings";
	}

	@GetMapping("/realtor/listings/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		this.list.list(user, new ListRealtorListings.Filter(null, null, null, null, 0, 1), Language.of(locale));
		return form(model, locale, ListingPageForm.empty(), null, Map.of());
	}

	@PostMapping("/realtor/listings")
	String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute ListingPageForm form, Model model,
			Locale locale) {
		Map<String, String> parse = new HashMap<>();
		try {
			var parsed = form.toForm(parse);
			if (!parse.isEmpty()) {
				return form(model, locale, form, null, allErrors(parsed, parse, locale));
			}
			RealtorListing created = this.edit.create(parsed, user);
			return "redirect:/realtor/listings/" + created.id() + "/edit?created";
		}
		catch (ProblemException ex) {
			if (ex.status().value() != 400) {
				throw ex;
			}
			return form(model, locale, form, null, this.messages.errors(ex, locale));
		}
	}

	@GetMapping("/realtor/listings/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		RealtorListing listing = this.listings.get(id, user);
		return form(model, locale, ListingPageForm.of(listing), listing, Map.of());
	}

	@PostMapping("/realtor/listings/{id}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute ListingPageForm form, Model model, Locale locale) {
		RealtorListing current = this.listings.get(id, user);
		Map<String, String> parse = new HashMap<>();
		try {
			var parsed = form.toForm(parse);
			if (!parse.isEmpty()) {
				return form(model, locale, form, current, allErrors(parsed, parse, locale));
			}
			this.edit.update(id, form.version() == null ? -1 : form.version(), parsed, user);
			return "redirect:/realtor/listings/" + id + "/edit?saved";
		}
		catch (ProblemException ex) {
			if (ex.status().value() != 400 && ex.status().value() != 409) {
				throw ex;
			}
			return form(model, locale, form, current, this.messages.errors(ex, locale));
		}
	}

	/**
	 * Suggestions for a listing search field ({@code <option>}s of a {@code datalist},
	 * fetched as the user types); the search itself works without them.
	 */
	@GetMapping("/realtor/listings/suggest")
	String suggest(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String q,
			Model model) {
		model.addAttribute("suggestions", this.list.suggest(user, q, SUGGESTIONS));
		return "realtor/parts :: suggestions";
	}

	private static final int SUGGESTIONS = 10;

	@PostMapping("/realtor/listings/{id}/{action:activate|deactivate}")
	String setActive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) @Nullable String back) {
		this.activation.setActive(id, action.equals("activate"), user);
		return "redirect:" + listingsPage(back) + (listingsPage(back).contains("?") ? "&" : "?") + "done=" + action
				+ "&listing=" + id;
	}

	/**
	 * Where a quick action returns: the listings page with the filters and the page it
	 * was on ({@code back}, only a query string of /realtor/listings is taken).
	 */
	static String listingsPage(@Nullable String back) {
		if (back == null || back.isBlank() || back.length() > 500 || !back.matches("[A-Za-z0-9_=&%+.~\\-]*")) {
			return "/realtor/listings";
		}
		String query = java.util.Arrays.stream(back.split("&"))
			.filter(p -> !p.startsWith("done=") && !p.startsWith("listing="))
			.collect(java.util.stream.Collectors.joining("&"));
		return query.isEmpty() ? "/realtor/listings" : "/realtor/listings?" + query;
	}

	@PostMapping("/realtor/listings/{id}/codes/reveal")
	String reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		RealtorListing listing = this.listings.get(id, user);
		AccessCodeSet codes = this.listings.revealCodes(id, user, "web").orElse(new AccessCodeSet(null, null, null));
		model.addAttribute("revealed", codes);
		return form(model, locale, ListingPageForm.of(listing), listing, Map.of());
	}

	@PostMapping("/realtor/listings/{id}/photos")
	String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			Locale locale) {
		try {
			this.photos.add(id, RealtorListingApiController.uploads(files == null ? List.of() : files), user);
			return "redirect:/realtor/listings/" + id + "/edit?photos";
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404 || ex.status().value() == 403) {
				throw ex;
			}
			RealtorListing listing = this.listings.get(id, user);
			model.addAttribute("photoError", String.join(" ", this.messages.errors(ex, locale).values()));
			return form(model, locale, ListingPageForm.of(listing), listing, Map.of());
		}
	}

	@PostMapping("/realtor/listings/{id}/photos/{photoId}/{action}")
	String photoAction(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long photoId,
			@PathVariable String action) {
		switch (action) {
			case "main" -> this.photos.makeMain(id, photoId, user);
			case "delete" -> this.photos.delete(id, photoId, user);
			case "up" -> this.photos.move(id, photoId, -1, user);
			case "down" -> this.photos.move(id, photoId, 1, user);
			default -> throw ProblemException.notFound("realtor.photo.notFound");
		}
		return "redirect:/realtor/listings/" + id + "/edit?photo=" + action + "#photos";
	}

	/** Values that did not parse plus everything else the service finds wrong. */
	private Map<String, String> allErrors(kz.zhilyego.realtor.ListingForm parsed, Map<String, String> parse,
			Locale locale) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		try {
			this.edit.check(parsed);
		}
		catch (ProblemException ex) {
			errors.putAll(this.messages.errors(ex, locale));
		}
		errors.putAll(this.messages.keys(parse, locale));
		return errors;
	}

	private String form(Model model, Locale locale, ListingPageForm form, @Nullable RealtorListing listing,
			Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("listing", listing);
		model.addAttribute("errors", errors);
		model.addAttribute("options", this.options.all(Language.of(locale)));
		if (!model.containsAttribute("revealed")) {
			model.addAttribute("revealed", null);
		}
		if (!model.containsAttribute("photoError")) {
			model.addAttribute("photoError", null);
		}
		model.addAttribute("photoLimits", this.photos.limits());
		model.addAttribute("maxText", RealtorListings.MAX_TEXT);
		return "realtor/listing-form";
	}

	@GetMapping("/realtor/listings/{id}/calendar")
	String calendar(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		return calendarPage(user, id, model, Map.of(), today, locale);
	}

	private String calendarPage(CurrentUser user, long id, Model model, Map<String, String> errors, LocalDate today,
			Locale locale) {
		RealtorListing listing = this.listings.get(id, user);
		// month and weekday names for the calendar from the JDK's locale data: browsers'
		// own data may lack Kazakh (a title "2026 M12", weekdays in English)
		model.addAttribute("monthNames",
				java.util.Arrays.stream(java.time.Month.values())
					.map(m -> m.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale))
					.collect(java.util.stream.Collectors.joining(",")));
		model.addAttribute("dayNames",
				java.util.Arrays.stream(java.time.DayOfWeek.values())
					.map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT_STANDALONE, locale))
					.collect(java.util.stream.Collectors.joining(",")));
		model.addAttribute("listing", listing);
		model.addAttribute("calendar",
				this.calendar.calendar(id, today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(3), user));
		model.addAttribute("reasons", BlockReason.values());
		model.addAttribute("today", today);
		model.addAttribute("errors", errors);
		return "realtor/calendar";
	}

	/**
	 * FullCalendar event feed (same data as the calendar API, for the session-signed
	 * page).
	 */
	@GetMapping("/realtor/listings/{id}/calendar/events")
	@ResponseBody
	List<Map<String, Object>> events(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam String start, @RequestParam String end, Locale locale) {
		LocalDate from = LocalDate.parse(start.substring(0, 10));
		LocalDate to = LocalDate.parse(end.substring(0, 10));
		ListingCalendar.Calendar cal = this.calendar.calendar(id, from, to, user);
		List<Map<String, Object>> events = new ArrayList<>();
		for (ListingCalendar.BookingEntry b : cal.bookings()) {
			events.add(Map.of("id", "b-" + b.id(), "title",
					b.guestName() + " · " + this.messages.text("realtor.status." + b.status(), new Object[0], locale),
					"start", b.checkIn().toString(), "end", b.checkOut().toString(), "color",
					b.status().equals("HOLD") ? "#f0ad4e" : "#0d6efd", "url", "/realtor/bookings/" + b.id()));
		}
		for (ListingCalendar.BlockEntry k : cal.blocks()) {
			events.add(Map.of("id", "k-" + k.id(), "title",
					this.messages.text("realtor.block." + k.reason(), new Object[0], locale)
							+ (k.note() == null ? "" : " · " + k.note()),
					"start", k.from().toString(), "end", k.to().toString(), "color", "#6c757d"));
		}
		for (ListingCalendar.NightPrice p : cal.prices()) {
			if (p.override()) {
				events.add(Map.of("id", "p-" + p.date(), "title", Amounts.tenge(p.price()), "start",
						p.date().toString(), "display", "background", "color", "#d1e7dd"));
			}
		}
		return events;
	}

	@PostMapping("/realtor/listings/{id}/blocks")
	String block(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable BlockReason reason,
			@RequestParam(required = false) @Nullable String note, Model model, Locale locale) {
		try {
			this.calendar.block(id, date("from", from), date("to", to), reason, note, user);
			return "redirect:/realtor/listings/" + id + "/calendar?blocked";
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404 || ex.status().value() == 403) {
				throw ex;
			}
			return calendarPage(user, id, model, this.messages.errors(ex, locale),
					LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN)), locale);
		}
	}

	@PostMapping("/realtor/listings/{id}/blocks/{blockId}/delete")
	String unblock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long blockId) {
		this.listings.get(id, user);
		this.calendar.unblock(blockId, user);
		return "redirect:/realtor/listings/" + id + "/calendar?unblocked";
	}

	@PostMapping("/realtor/listings/{id}/prices")
	String price(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String price,
			@RequestParam(required = false) @Nullable Boolean clear, Model model, Locale locale) {
		try {
			if (Boolean.TRUE.equals(clear)) {
				this.calendar.clearPrice(id, date("from", from), date("to", to), user);
			}
			else {
				this.calendar.setPrice(id, date("from", from), date("to", to), amount(price), user);
			}
			return "redirect:/realtor/listings/" + id + "/calendar?priced";
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404 || ex.status().value() == 403) {
				throw ex;
			}
			return calendarPage(user, id, model, this.messages.errors(ex, locale),
					LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN)), locale);
		}
	}

	static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw ProblemException.invalidField(field, "realtor.field.date");
		}
	}

	private static @Nullable BigDecimal amount(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip().replace(" ", "").replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			throw ProblemException.invalidField("price", "realtor.field.number");
		}
	}

}
