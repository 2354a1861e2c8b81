package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.MutableClock;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.IdentityFixtures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds catalog test data with explicit SQL. Times (a booking's creation, a block's)
 * come from the test clock, never the database's {@code now()}: a suite that passed once
 * passes on any date.
 */
public final class CatalogFixtures {

	private static final String DEFAULT_OWNER = "catalog-fixtures@test.zhilyego.kz";

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Times at {@link MutableClock#START}; pass the test clock when a test moves it. */
	public CatalogFixtures(JdbcClient jdbc) {
		this(jdbc, Clock.fixed(MutableClock.START, Zones.KAZAKHSTAN));
	}

	public CatalogFixtures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	public ListingBuilder listing() {
		return new ListingBuilder();
	}

	/**
	 * The owner of listings built without {@code owner(...)}: a realtor created on first
	 * use ({@code catalog-fixtures@test.zhilyego.kz}), since listings need a real user as
	 * owner.
	 */
	public long defaultOwner() {
		return this.jdbc.sql("select id from users where email = :email")
			.param("email", DEFAULT_OWNER)
			.query(Long.class)
			.optional()
			.orElseGet(() -> new IdentityFixtures(this.jdbc).realtor(DEFAULT_OWNER, null));
	}

	/**
	 * Occupies {@code [from, to)} of the listing with a confirmed booking by its owner.
	 */
	public UUID occupyByBooking(long listingId, LocalDate from, LocalDate to) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into bookings (id, listing_id, owner_id, guest_id, status, check_in, check_out, guests,
				    guest_name, guest_phone, rules_accepted_at, nightly, subtotal, discounts, total, currency,
				    commission_percent, platform_commission, gateway_fee_percent, gateway_fee, hold_expires_at,
				    created_at, confirmed_at)
				select :id, l.id, l.owner_id, l.owner_id, 'CONFIRMED', :from, :to, 1, 'Гость', '+77011234567', :now,
				    '[]', 0, 0, 0, 'KZT', 10, 0, 2.5, 0, :now, :now, :now
				from listings l where l.id = :listing
				""")
			.param("id", id)
			.param("listing", listingId)
			.param("from", from)
			.param("to", to)
			.param("now", now())
			.update();
		this.jdbc.sql("""
				insert into occupancies (listing_id, period, kind, booking_id)
				values (:listing, daterange(:from, :to), 'BOOKING', :booking)
				""").param("listing", listingId).param("from", from).param("to", to).param("booking", id).update();
		return id;
	}

	public void occupyByBlock(long listingId, LocalDate from, LocalDate to) {
		long block = this.jdbc
			.sql("""
					insert into listing_blocks (listing_id, period, reason, created_by, created_at)
					select :listing, daterange(:from, :to), 'MAINTENANCE', l.owner_id, :now from listings l where l.id = :listing
					returning id
					""")
			.param("now", now())
			.param("listing", listingId)
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into occupancies (listing_id, period, kind, block_id)
				values (:listing, daterange(:from, :to), 'BLOCK', :block)
				""").param("listing", listingId).param("from", from).param("to", to).param("block", block).update();
	}

	public void nightPrice(long listingId, LocalDate night, long price) {
		this.jdbc.sql("insert into listing_night_prices (listing_id, night, price) values (:l, :n, :p)")
			.param("l", listingId)
			.param("n", night)
			.param("p", BigDecimal.valueOf(price))
			.update();
	}

	public final class ListingBuilder {

		private @Nullable Long owner;

		private String district = "esil";

		private String housingClass = "comfort";

		private String type = "apartment";

		private String title = "Тестовая квартира";

		private int rooms = 2;

		private int sleeping = 4;

		private long price = 20_000;

		private BigDecimal rating = BigDecimal.ZERO;

		private int reviews = 0;

		private String status = "ACTIVE";

		private List<String> amenities = List.of();

		private int weekendUplift = 0;

		private Integer longStayMinNights;

		private int longStayDiscount = 0;

		private String createdAt = "2026-06-01T00:00:00Z";

		public ListingBuilder owner(long owner) {
			this.owner = owner;
			return this;
		}

		public ListingBuilder district(String district) {
			this.district = district;
			return this;
		}

		public ListingBuilder housingClass(String housingClass) {
			this.housingClass = housingClass;
			return this;
		}

		public ListingBuilder type(String type) {
			this.type = type;
			return this;
		}

		public ListingBuilder title(String title) {
			this.title = title;
			return this;
		}

		public ListingBuilder rooms(int rooms) {
			this.rooms = rooms;
			return this;
		}

		public ListingBuilder sleeping(int sleeping) {
			this.sleeping = sleeping;
			return this;
		}

		public ListingBuilder price(long price) {
			this.price = price;
			return this;
		}

		public ListingBuilder rating(String rating, int reviews) {
			this.rating = new BigDecimal(rating);
			this.reviews = reviews;
			return this;
		}

		public ListingBuilder inactive() {
			this.status = "INACTIVE";
			return this;
		}

		public ListingBuilder amenities(String... amenities) {
			this.amenities = List.of(amenities);
			return this;
		}

		public ListingBuilder weekendUplift(int percent) {
			this.weekendUplift = percent;
			return this;
		}

		public ListingBuilder longStay(int minNights, int discountPercent) {
			this.longStayMinNights = minNights;
			this.longStayDiscount = discountPercent;
			return this;
		}

		public ListingBuilder createdAt(String instant) {
			this.createdAt = instant;
			return this;
		}

		public long create() {
			long ownerId = this.owner != null ? this.owner : defaultOwner();
			long id = CatalogFixtures.this.jdbc.sql("""
					insert into listings (owner_id, city_id, district_id, class_code, type_code, title, rooms, street,
					    house, area_m2, sleeping_places, description, house_rules, price_per_night,
					    weekend_uplift_percent, long_stay_min_nights, long_stay_discount_percent, realtor_phone,
					    status, rating, review_count, created_at, updated_at)
					select :owner, c.id, d.id, :class, :type, :title, :rooms, 'ул. Тестовая', '1', 50, :sleeping,
					    'Описание', 'Не курить', :price, :uplift, :lsMin, :lsDiscount, '+77011234567', :status,
					    :rating, :reviews, cast(:createdAt as timestamptz), cast(:createdAt as timestamptz)
					from cities c join districts d on d.city_id = c.id
					where c.slug = 'astana' and d.slug = :district
					returning id
					""")
				.param("owner", ownerId)
				.param("class", this.housingClass)
				.param("type", this.type)
				.param("title", this.title)
				.param("rooms", this.rooms)
				.param("sleeping", this.sleeping)
				.param("price", BigDecimal.valueOf(this.price))
				.param("uplift", BigDecimal.valueOf(this.weekendUplift))
				.param("lsMin", this.longStayMinNights)
				.param("lsDiscount", BigDecimal.valueOf(this.longStayDiscount))
				.param("status", this.status)
				.param("rating", this.rating)
				.param("reviews", this.reviews)
				.param("createdAt", this.createdAt)
				.param("district", this.district)
				.query(Long.class)
				.single();
			for (String amenity : this.amenities) {
				CatalogFixtures.this.jdbc
					.sql("insert into listing_amenities (listing_id, amenity_code) values (:l, :a)")
					.param("l", id)
					.param("a", amenity)
					.update();
			}
			return id;
		}

	}

}
