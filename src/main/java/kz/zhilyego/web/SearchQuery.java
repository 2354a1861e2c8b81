package kz.zhilyego.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.catalog.ListingSearchParams;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page's query string rebuilt from its parameters: every filter stays in the
 * URL so that a search can be shared and the back button works. Used for pagination, sort
 * links and the "nothing found" suggestions.
 */
record SearchQuery(ListingSearchParams params) {

	static final ListingSearchParams EMPTY = new ListingSearchParams(null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null);

	public String page(int page) {
		return url(this.params, page);
	}

	public String sorted(String sort) {
		ListingSearchParams p = this.params;
		return url(new ListingSearchParams(p.city(), p.district(), p.housingClass(), p.type(), p.rooms(), p.minRooms(),
				p.checkIn(), p.checkOut(), p.guests(), p.minPrice(), p.maxPrice(), p.amenities(), p.minRating(), sort,
				null, p.size()), 0);
	}

	public String withoutDates() {
		ListingSearchParams p = this.params;
		return url(new ListingSearchParams(p.city(), p.district(), p.housingClass(), p.type(), p.rooms(), p.minRooms(),
				null, null, p.guests(), p.minPrice(), p.maxPrice(), p.amenities(), p.minRating(), p.sort(), null,
				p.size()), 0);
	}

	public String withoutPrice() {
		ListingSearchParams p = this.params;
		return url(new ListingSearchParams(p.city(), p.district(), p.housingClass(), p.type(), p.rooms(), p.minRooms(),
				p.checkIn(), p.checkOut(), p.guests(), null, null, p.amenities(), p.minRating(), p.sort(), null,
				p.size()), 0);
	}

	public String withoutDetails() {
		ListingSearchParams p = this.params;
		return url(new ListingSearchParams(p.city(), null, null, null, null, null, p.checkIn(), p.checkOut(),
				p.guests(), null, null, null, null, p.sort(), null, p.size()), 0);
	}

	public boolean hasDates() {
		return this.params.checkIn() != null || this.params.checkOut() != null;
	}

	public boolean hasPrice() {
		return this.params.minPrice() != null || this.params.maxPrice() != null;
	}

	public boolean hasDetails() {
		ListingSearchParams p = this.params;
		return !p.districts().isEmpty() || p.housingClass() != null || p.type() != null || p.rooms() != null
				|| p.minRooms() != null || !p.amenityCodes().isEmpty() || p.minRating() != null;
	}

	/** The query string of a stay for links to listing pages and the wizard. */
	static String stay(@Nullable LocalDate checkIn, @Nullable LocalDate checkOut, @Nullable Integer guests) {
		// ISO dates and a number need no encoding: built by hand, it is called for every
		// day of a listing page's calendar
		StringBuilder query = new StringBuilder(48);
		if (checkIn != null) {
			query.append("&checkIn=").append(checkIn);
		}
		if (checkOut != null) {
			query.append("&checkOut=").append(checkOut);
		}
		if (guests != null) {
			query.append("&guests=").append(guests);
		}
		return query.isEmpty() ? "" : "?" + query.substring(1);
	}

	private static String url(ListingSearchParams p, int page) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath("/search");
		add(b, "city", p.city());
		for (String district : p.districts()) {
			b.queryParam("district", district);
		}
		add(b, "class", p.housingClass());
		add(b, "type", p.type());
		add(b, "rooms", p.rooms());
		add(b, "minRooms", p.minRooms());
		add(b, "checkIn", p.checkIn());
		add(b, "checkOut", p.checkOut());
		add(b, "guests", p.guests());
		add(b, "minPrice", plain(p.minPrice()));
		add(b, "maxPrice", plain(p.maxPrice()));
		for (String amenity : p.amenityCodes()) {
			b.queryParam("amenities", amenity);
		}
		add(b, "minRating", plain(p.minRating()));
		add(b, "sort", p.sort());
		add(b, "size", p.size());
		if (page > 0) {
			b.queryParam("page", page);
		}
		return b.encode().build().toUriString();
	}

	private static @Nullable String plain(@Nullable BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	private static void add(UriComponentsBuilder b, String name, @Nullable Object value) {
		if (value != null && !(value instanceof String s && s.isBlank())) {
			b.queryParam(name, value);
		}
	}

	/** A link of the pager. */
	record PageLink(int number, String url, boolean current) {
	}

	List<PageLink> pager(long total, int page, int size) {
		int pages = (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
		int from = Math.max(0, page - 2);
		int to = Math.min(pages - 1, page + 2);
		return java.util.stream.IntStream.rangeClosed(from, to)
			.mapToObj(n -> new PageLink(n, page(n), n == page))
			.toList();
	}

}
