package kz.zhilyego.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import kz.zhilyego.booking.BookingProperties;
import kz.zhilyego.catalog.ListingCard;
import kz.zhilyego.catalog.ListingCatalog;
import kz.zhilyego.catalog.Quote;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.TelegramProperties;
import kz.zhilyego.common.Zones;
import kz.zhilyego.favorite.Favorites;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.review.ReviewQueries;
import kz.zhilyego.review.ReviewSort;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listing page at its clean URL ({@code /astana/esil/kvartira-…-123}: only the
 * trailing id counts; another slug is a 301 to the canonical path), the live price
 * fragment for chosen dates (htmx), and {@code /listings/{id}} as a short link.
 */
@Controller
class ListingPages {

	private static final Pattern TRAILING_ID = Pattern.compile("-(\\d{1,18})$");

	private static final int MAX_PHOTOS = 6;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ListingCatalog catalog;

	private final StayQuotes quotes;

	private final Favorites favorites;

	private final SiteUrls urls;

	private final Texts texts;

	private final WebProperties properties;

	private final Clock clock;

	private final Formats formats;

	private final ReviewQueries reviews;

	private final HostCards hosts;

	private final MapProperties map;

	private final BookingProperties policy;

	private final TelegramProperties telegram;

	ListingPages(ListingCatalog catalog, StayQuotes quotes, Favorites favorites, SiteUrls urls, Texts texts,
			WebProperties properties, Clock clock, Formats formats, ReviewQueries reviews, HostCards hosts,
			MapProperties map, BookingProperties policy, TelegramProperties telegram) {
		this.hosts = hosts;
		this.map = map;
		this.policy = policy;
		this.telegram = telegram;
		this.formats = formats;
		this.reviews = reviews;
		this.catalog = catalog;
		this.quotes = quotes;
		this.favorites = favorites;
		this.urls = urls;
		this.texts = texts;
		this.properties = properties;
		this.clock = clock;
	}

	// "api" is never a city: /api/v1/<unknown> must stay an API 404, not a listing page
	@GetMapping("/{city:(?!api$)[a-z0-9-]+}/{district:[a-z0-9-]+}/{slug:[a-z0-9-]+}")
	Object listing(@PathVariable String city, @PathVariable String district, @PathVariable String slug,
			@RequestParam(name = "checkIn", required = false) @Nullable String checkInText,
			@RequestParam(name = "checkOut", required = false) @Nullable String checkOutText,
			@RequestParam(name = "guests", required = false) @Nullable String guestsText, HttpServletRequest request,
			Model model, Locale locale) {
		// a shared or old link with a mistyped stay still opens the listing, without the
		// stay
		LocalDate checkIn = lenientDate(checkInText);
		LocalDate checkOut = lenientDate(checkOutText);
		Integer guests = lenientCount(guestsText);
		Matcher matcher = TRAILING_ID.matcher(slug);
		if (!matcher.find()) {
			throw ProblemException.notFound("listing.notFound", slug);
		}
		long id = Long.parseLong(matcher.group(1));
		ListingCard card = this.catalog.publicCard(id, Language.of(locale))
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", id));
		String requested = "/" + city + "/" + district + "/" + slug;
		if (!requested.equals(card.path())) {
			return permanent(card.path() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
		}
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		model.addAttribute("listing", card);
		// "continue in Telegram": the bot opens this listing (t.me deep link) when it has
		// a username
		model.addAttribute("telegramLink", this.telegram.deepLink("listing-" + card.id()));
		model.addAttribute("photos", card.photos().stream().limit(MAX_PHOTOS).toList());
		model.addAttribute("calendar", AvailabilityCalendar.of(today, this.properties.calendarMonths(),
				card.occupiedDates(), locale, checkIn, checkOut, card.path(), guests));
		model.addAttribute("checkIn", checkIn);
		model.addAttribute("checkOut", checkOut);
		model.addAttribute("guests", guests);
		model.addAttribute("canonical", this.urls.absolute(card.path()));
		model.addAttribute("ogImage", card.photos().isEmpty() ? null : this.urls.absolute(card.photos().get(0).url()));
		model.addAttribute("jsonLd", jsonLd(card));
		model.addAttribute("metaDescription",
				this.texts.get("web.listing.description", card.type().name(), card.district().name(),
						card.city().name(), this.formats.money(card.pricePerNight(), card.currency()), card.rooms()));
		model.addAttribute("ogType", "product");
		model.addAttribute("stayQuery", SearchQuery.stay(checkIn, checkOut, guests));
		CurrentUser user = LayoutModel.currentUser();
		model.addAttribute("favorite", user != null && this.favorites.isFavorite(user.id(), card.id()));
		model.addAttribute("reviews", this.reviews.firstPublished(card.id(), ReviewSort.NEWEST, ReviewPages.PAGE_SIZE));
		model.addAttribute("host",
				this.hosts.of(card.id(), card.title(), this.urls.absolute(card.path()), user).orElse(null));
		model.addAttribute("tiles", this.map.tiles());
		if (card.coordinates() != null) {
			String lat = this.formats.decimal(card.coordinates().latitude());
			String lon = this.formats.decimal(card.coordinates().longitude());
			model.addAttribute("geoUri", "geo:" + lat + "," + lon);
			model.addAttribute("osmUrl",
					"https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=17/" + lat + "/" + lon);
			model.addAttribute("mapMarkers", JSON.writeValueAsString(List.of(Map.of("lat",
					card.coordinates().latitude(), "lng", card.coordinates().longitude(), "title", card.title()))));
		}
		model.addAttribute("policy", this.policy);
		if (card.weekendUpliftPercent().signum() > 0) {
			Money nightly = new Money(card.pricePerNight(), card.currency());
			model.addAttribute("weekendPrice", nightly.plus(nightly.percent(card.weekendUpliftPercent())).amount());
		}
		model.addAttribute("listingId", card.id());
		price(card.id(), checkIn, checkOut, guests, model);
		return "site/listing";
	}

	@GetMapping("/listings/{id}/price")
	String priceFragment(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate checkIn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate checkOut,
			@RequestParam(required = false) @Nullable Integer guests, Model model, Locale locale) {
		model.addAttribute("listingId", id);
		model.addAttribute("listing",
				find(id, locale).orElseThrow(() -> ProblemException.notFound("listing.notFound", id)));
		price(id, checkIn, checkOut, guests, model);
		// the price box, and the phone's sticky bar swapped out of band (htmx)
		return "site/listing-price";
	}

	@GetMapping("/listings/{id}")
	RedirectView shortLink(@PathVariable long id, HttpServletRequest request, Locale locale) {
		ListingCard card = this.catalog.find(id, Language.of(locale), true)
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", id));
		return permanent(card.path() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
	}

	/**
	 * The price box: the quote with its night-by-night breakdown when the dates are free,
	 * else the rule that failed ("dates taken" included, so the box never prices nights
	 * that cannot be booked). Also what the phone's sticky bar and its button need.
	 */
	private void price(long id, @Nullable LocalDate checkIn, @Nullable LocalDate checkOut, @Nullable Integer guests,
			Model model) {
		model.addAttribute("bookHref", "/book/" + id + SearchQuery.stay(checkIn, checkOut, guests));
		if (checkIn == null || checkOut == null) {
			return;
		}
		try {
			Quote quote = this.quotes.quoteFree(id, checkIn, checkOut, guests);
			model.addAttribute("quote", quote);
			model.addAttribute("breakdown", PriceBreakdown.of(quote));
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			model.addAttribute("quoteTaken", "dates-unavailable".equals(ex.type()));
			model.addAttribute("quoteError",
					this.texts.of(ex.fieldErrors().isEmpty() ? ex : new ProblemException(ex.status(), ex.type(),
							ex.fieldErrors().values().iterator().next(), ex.args())));
		}
	}

	private static RedirectView permanent(String path) {
		RedirectView view = new RedirectView(path);
		view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		view.setExposeModelAttributes(false);
		return view;
	}

	private String jsonLd(ListingCard card) {
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", List.of("LodgingBusiness", "Accommodation"));
		ld.put("name", card.title());
		ld.put("description", card.description());
		ld.put("url", this.urls.absolute(card.path()));
		if (!card.photos().isEmpty()) {
			ld.put("image", card.photos().stream().limit(MAX_PHOTOS).map(p -> this.urls.absolute(p.url())).toList());
		}
		ld.put("address", Map.of("@type", "PostalAddress", "streetAddress", card.address(), "addressLocality",
				card.city().name(), "addressRegion", card.district().name(), "addressCountry", "KZ"));
		if (card.coordinates() != null) {
			ld.put("geo", Map.of("@type", "GeoCoordinates", "latitude", card.coordinates().latitude(), "longitude",
					card.coordinates().longitude()));
		}
		ld.put("numberOfRooms", card.rooms());
		ld.put("occupancy", Map.of("@type", "QuantitativeValue", "maxValue", card.sleepingPlaces()));
		ld.put("floorSize", Map.of("@type", "QuantitativeValue", "value", card.areaM2(), "unitCode", "MTK"));
		ld.put("checkinTime", card.checkInTime().toString());
		ld.put("checkoutTime", card.checkOutTime().toString());
		ld.put("amenityFeature",
				card.amenities()
					.stream()
					.map(a -> Map.of("@type", "LocationFeatureSpecification", "name", a.name(), "value", true))
					.toList());
		ld.put("makesOffer",
				Map.of("@type", "Offer", "price", card.pricePerNight(), "priceCurrency", card.currency(),
						"availability", "https://schema.org/InStock", "url", this.urls.absolute(card.path()),
						"priceSpecification", Map.of("@type", "UnitPriceSpecification", "price", card.pricePerNight(),
								"priceCurrency", card.currency(), "unitCode", "DAY")));
		if (card.reviewCount() > 0 && card.rating().compareTo(BigDecimal.ZERO) > 0) {
			ld.put("aggregateRating", Map.of("@type", "AggregateRating", "ratingValue", card.rating(), "reviewCount",
					card.reviewCount(), "bestRating", 5, "worstRating", 1));
		}
		// "</" inside a script element would end it early
		return JSON.writeValueAsString(ld).replace("</", "<\\/");
	}

	Optional<ListingCard> find(long id, Locale locale) {
		return this.catalog.find(id, Language.of(locale), true);
	}

	private static @Nullable LocalDate lenientDate(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Integer lenientCount(@Nullable String text) {
		return text != null && text.strip().matches("[0-9]{1,3}") ? Integer.valueOf(text.strip()) : null;
	}

}
