package kz.zhilyego.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.zhilyego.common.Money;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prices stays and checks the stay rules (dates in order, not in the past, not longer
 * than the maximum, guests within sleeping places). The one place a stay's price is
 * computed: search totals, quotes and bookings all come from here.
 */
@Service
public class StayQuotes {

	private final JdbcClient jdbc;

	private final NightPrices nightPrices;

	private final CatalogProperties properties;

	private final Clock clock;

	StayQuotes(JdbcClient jdbc, NightPrices nightPrices, CatalogProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.nightPrices = nightPrices;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Quote for an active listing; 404 if there is none, 400 if the stay breaks a rule.
	 */
	@Transactional(readOnly = true)
	public Quote quote(long listingId, LocalDate checkIn, LocalDate checkOut, @Nullable Integer guests) {
		Stay stay = validStay(checkIn, checkOut);
		BookableListing listing = find(listingId, false).filter(BookableListing::active)
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", listingId));
		checkGuests(listing, guests);
		return quote(listing, stay);
	}

	/**
	 * Quote for an active listing whose nights are all free right now: what the listing
	 * page's price box and the booking preview show, so that they never price dates
	 * another guest or a block holds. The hold itself checks again under the listing's
	 * lock (and the database constraint decides).
	 * @throws ProblemException 404 without an active listing, 400 for a stay that breaks
	 * a rule, 409 {@code dates-unavailable} when a night is taken
	 */
	@Transactional(readOnly = true)
	public Quote quoteFree(long listingId, LocalDate checkIn, LocalDate checkOut, @Nullable Integer guests) {
		Quote quote = quote(listingId, checkIn, checkOut, guests);
		if (!isFree(listingId, quote.stay())) {
			throw ProblemException.conflict("dates-unavailable", "booking.datesUnavailable");
		}
		return quote;
	}

	/**
	 * Whether no booking or block occupies a night of the stay (check-out day may be
	 * another guest's check-in day).
	 */
	@Transactional(readOnly = true)
	public boolean isFree(long listingId, Stay stay) {
		return !this.jdbc.sql("""
				select exists (select 1 from occupancies
				               where listing_id = :id and period && daterange(:checkIn, :checkOut))
				""")
			.param("id", listingId)
			.param("checkIn", stay.checkIn())
			.param("checkOut", stay.checkOut())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Quotes of one stay at several listings (search results that show a price
	 * breakdown), by listing id; inactive or unknown listings are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Quote> quotes(java.util.Collection<Long> listingIds, Stay stay) {
		if (listingIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Map<LocalDate, Money>> overrides = this.nightPrices.overrides(listingIds, stay);
		Map<Long, Quote> quotes = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select id, price_per_night, currency, weekend_uplift_percent, long_stay_min_nights,
				       long_stay_discount_percent
				from listings where id in (:ids) and status = 'ACTIVE'
				order by id
				""").param("ids", List.copyOf(listingIds)).query((rs, n) -> {
			StayPricing pricing = new StayPricing(
					new Money(rs.getBigDecimal("price_per_night"), rs.getString("currency")),
					rs.getBigDecimal("weekend_uplift_percent"), ListingCatalog.nullableInt(rs, "long_stay_min_nights"),
					rs.getBigDecimal("long_stay_discount_percent"));
			long id = rs.getLong("id");
			quotes.put(id, pricing.quote(id, stay, overrides.getOrDefault(id, Map.of())));
			return id;
		}).list();
		return quotes;
	}

	/** Quote for a listing already loaded (and locked) by the caller. */
	public Quote quote(BookableListing listing, Stay stay) {
		Map<LocalDate, Money> overrides = this.nightPrices.overrides(List.of(listing.id()), stay)
			.getOrDefault(listing.id(), Map.of());
		return listing.pricing().quote(listing.id(), stay, overrides);
	}

	/**
	 * Loads a listing and locks its row until the transaction ends, so concurrent
	 * bookings of one listing queue up and get a clean answer. Must run inside the
	 * caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<BookableListing> lockForBooking(long listingId) {
		return find(listingId, true);
	}

	/** A stay that obeys the dates rules, or a 400 naming the field. */
	public Stay validStay(@Nullable LocalDate checkIn, @Nullable LocalDate checkOut) {
		if (checkIn == null) {
			throw ProblemException.invalidField("checkIn", "stay.checkIn.required");
		}
		if (checkOut == null) {
			throw ProblemException.invalidField("checkOut", "stay.checkOut.required");
		}
		if (!checkOut.isAfter(checkIn)) {
			throw ProblemException.invalidField("checkOut", "stay.checkOut.afterCheckIn");
		}
		if (checkIn.isBefore(LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN)))) {
			throw ProblemException.invalidField("checkIn", "stay.checkIn.past");
		}
		Stay stay = new Stay(checkIn, checkOut);
		if (stay.nights() > this.properties.maxStayNights()) {
			throw ProblemException.invalidField("checkOut", "stay.tooLong", this.properties.maxStayNights());
		}
		return stay;
	}

	public void checkGuests(BookableListing listing, @Nullable Integer guests) {
		if (guests != null && guests > listing.sleepingPlaces()) {
			throw ProblemException.invalidField("guests", "stay.tooManyGuests", listing.sleepingPlaces());
		}
	}

	private Optional<BookableListing> find(long listingId, boolean lock) {
		return this.jdbc.sql("""
				select id, owner_id, title, status, sleeping_places, check_in_time, check_out_time,
				       price_per_night, currency, weekend_uplift_percent, long_stay_min_nights,
				       long_stay_discount_percent
				from listings where id = :id
				""" + (lock ? " for update" : ""))
			.param("id", listingId)
			.query((rs, n) -> new BookableListing(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"),
					"ACTIVE".equals(rs.getString("status")), rs.getInt("sleeping_places"),
					rs.getObject("check_in_time", java.time.LocalTime.class),
					rs.getObject("check_out_time", java.time.LocalTime.class),
					new StayPricing(new Money(rs.getBigDecimal("price_per_night"), rs.getString("currency")),
							rs.getBigDecimal("weekend_uplift_percent"),
							ListingCatalog.nullableInt(rs, "long_stay_min_nights"),
							rs.getBigDecimal("long_stay_discount_percent"))))
			.optional();
	}

}
