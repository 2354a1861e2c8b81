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
				select exists (select 1 from occupied_periods
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

	/** A listing's owner, title, times and pricing, read without a lock (any status). */
	@Transactional(readOnly = true)
	public Optional<BookableListing> listing(long listingId) {
		return find(listingId, false);
	}

	/**
	 * {@link #lockForBooking} and the stay's nightly price overrides in one statement
	 * (the hold path: one round trip instead of two). The overrides are read with the
	 * statement's snapshot while the lock may have waited for another transaction; every
	 * change of a nightly price also bumps the listing row's {@code content_version}
	 * (V70), so when the version the snapshot saw differs from the locked row's, the
	 * overrides are read again after the lock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<LockedStay> lockForStay(long listingId, Stay stay) {
		return this.jdbc.sql(SELECT_LISTING.replace("from listings l", """
				, l.content_version,
				       (select x.content_version from listings x where x.id = l.id) as seen_version,
				       array(select p.night from listing_night_prices p
				             where p.listing_id = l.id and p.night >= :from and p.night < :to
				             order by p.night) as override_nights,
				       array(select p.price from listing_night_prices p
				             where p.listing_id = l.id and p.night >= :from and p.night < :to
				             order by p.night) as override_prices
				from listings l""") + " for update of l")
			.param("id", listingId)
			.param("from", stay.checkIn())
			.param("to", stay.checkOut())
			.query((rs, n) -> {
				BookableListing listing = bookable(rs);
				if (rs.getLong("content_version") != rs.getLong("seen_version")) {
					return new LockedStay(listing, null);
				}
				java.sql.Date[] nights = (java.sql.Date[]) rs.getArray("override_nights").getArray();
				java.math.BigDecimal[] prices = (java.math.BigDecimal[]) rs.getArray("override_prices").getArray();
				Map<LocalDate, Money> overrides = new java.util.HashMap<>();
				for (int i = 0; i < nights.length; i++) {
					overrides.put(nights[i].toLocalDate(),
							new Money(prices[i], listing.pricing().nightlyPrice().currency()));
				}
				return new LockedStay(listing, overrides);
			})
			.optional()
			.map(locked -> (locked.nightPrices() != null) ? locked : new LockedStay(locked.listing(),
					this.nightPrices.overrides(List.of(listingId), stay).getOrDefault(listingId, Map.of())));
	}

	/**
	 * A listing locked for a stay with the stay's nightly price overrides (see
	 * {@link #lockForStay}).
	 */
	public record LockedStay(BookableListing listing, @Nullable Map<LocalDate, Money> nightPrices) {

		/** The stay's price from what was read with the lock. */
		public Quote quote(Stay stay) {
			return this.listing.pricing()
				.quote(this.listing.id(), stay, this.nightPrices == null ? Map.of() : this.nightPrices);
		}

	}

	/**
	 * Locks the listing row until the transaction ends, like {@link #lockForBooking}, but
	 * answers false at once when another transaction holds it ({@code skip locked}).
	 * Every change of a listing's occupancy takes this lock first (the occupied-nights
	 * bitmap on the row changes with it), so locks are always taken listing first, then
	 * booking.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean tryLock(long listingId) {
		return this.jdbc.sql("select id from listings where id = :id for update skip locked")
			.param("id", listingId)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/** Locks the listing row until the transaction ends, waiting for another holder. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(long listingId) {
		this.jdbc.sql("select id from listings where id = :id for update")
			.param("id", listingId)
			.query(Long.class)
			.list();
	}

	/**
	 * The days a stay may start and end on today: what date pickers offer ({@code min}
	 * and {@code max}); the rules themselves are {@link #validStay}'s.
	 */
	public StayDates stayDates() {
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		LocalDate lastCheckIn = today.plusDays(this.properties.bookingHorizonDays());
		return new StayDates(today, lastCheckIn, lastCheckIn.plusDays(this.properties.maxStayNights()));
	}

	/** The first check-in day, the last check-in day and the last check-out day. */
	public record StayDates(LocalDate first, LocalDate lastCheckIn, LocalDate lastCheckOut) {
	}

	/**
	 * Refuses a stay or a block that starts further ahead than the booking horizon
	 * ({@code zhilyego.catalog.booking-horizon-days}).
	 * @throws ProblemException 400 naming {@code field}
	 */
	public void checkHorizon(LocalDate start, String field) {
		int days = this.properties.bookingHorizonDays();
		if (start.isAfter(LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN)).plusDays(days))) {
			throw ProblemException.invalidField(field, "stay.tooFar", days);
		}
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
		checkHorizon(checkIn, "checkIn");
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

	private static final String SELECT_LISTING = """
			select l.id, l.owner_id, l.title, l.status, l.sleeping_places, l.check_in_time, l.check_out_time,
			       l.price_per_night, l.currency, l.weekend_uplift_percent, l.long_stay_min_nights,
			       l.long_stay_discount_percent
			from listings l where l.id = :id
			""";

	private Optional<BookableListing> find(long listingId, boolean lock) {
		return this.jdbc.sql(SELECT_LISTING + (lock ? " for update" : ""))
			.param("id", listingId)
			.query((rs, n) -> bookable(rs))
			.optional();
	}

	private static BookableListing bookable(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new BookableListing(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"),
				"ACTIVE".equals(rs.getString("status")), rs.getInt("sleeping_places"),
				rs.getObject("check_in_time", java.time.LocalTime.class),
				rs.getObject("check_out_time", java.time.LocalTime.class),
				new StayPricing(new Money(rs.getBigDecimal("price_per_night"), rs.getString("currency")),
						rs.getBigDecimal("weekend_uplift_percent"),
						ListingCatalog.nullableInt(rs, "long_stay_min_nights"),
						rs.getBigDecimal("long_stay_discount_percent")));
	}

}
