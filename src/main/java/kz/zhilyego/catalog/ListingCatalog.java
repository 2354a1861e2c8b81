package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import kz.zhilyego.catalog.ListingCard.Named;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the public card of one listing, with photos, amenities and occupied dates. */
@Service
public class ListingCatalog {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CatalogProperties properties;

	ListingCatalog(JdbcClient jdbc, Clock clock, CatalogProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * The active listing's card.
	 * @throws ProblemException 404 when there is no such active listing
	 */
	@Transactional(readOnly = true)
	public ListingCard card(long id, Language language) {
		return find(id, language, true).orElseThrow(() -> ProblemException.notFound("listing.notFound", id));
	}

	/** The card whatever its status (for staff pages). */
	@Transactional(readOnly = true)
	public Optional<ListingCard> find(long id, Language language, boolean activeOnly) {
		String lang = language.code();
		Optional<ListingCard> base = this.jdbc.sql("""
				select l.*, c.slug as city_slug, %s as city_name, d.slug as district_slug, %s as district_name,
				       t.slug as type_slug, %s as type_name, k.code as class, %s as class_name
				from listings l
				join cities c on c.id = l.city_id
				join districts d on d.id = l.district_id
				join housing_types t on t.code = l.type_code
				join housing_classes k on k.code = l.class_code
				where l.id = :id and (not :activeOnly or l.status = 'ACTIVE')
				""".formatted(Sql.localName("c"), Sql.localName("d"), Sql.localName("t"), Sql.localName("k")))
			.param("id", id)
			.param("lang", lang)
			.param("activeOnly", activeOnly)
			.query(ListingCatalog::card)
			.optional();
		return base.map(card -> withDetails(card, lang));
	}

	/**
	 * The owner of an active listing with their active listings and rating, for the
	 * listing page's host card; empty for an unknown or inactive listing.
	 */
	@Transactional(readOnly = true)
	public Optional<ListingHost> host(long listingId) {
		return this.jdbc.sql("""
				select l.owner_id, l.realtor_phone, count(o.id) as active_listings,
				       coalesce(sum(o.rating * o.review_count) / nullif(sum(o.review_count), 0), 0) as rating,
				       coalesce(sum(o.review_count), 0) as review_count
				from listings l
				left join listings o on o.owner_id = l.owner_id and o.status = 'ACTIVE'
				where l.id = :id and l.status = 'ACTIVE'
				group by l.owner_id, l.realtor_phone
				""")
			.param("id", listingId)
			.query((rs, n) -> new ListingHost(rs.getLong("owner_id"), rs.getLong("active_listings"),
					rs.getBigDecimal("rating").setScale(2, java.math.RoundingMode.HALF_UP), rs.getInt("review_count"),
					rs.getString("realtor_phone")))
			.optional();
	}

	/** Map positions of the given listings that have coordinates, by id. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, ListingCard.Coordinates> coordinates(java.util.Collection<Long> listingIds) {
		if (listingIds.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<Long, ListingCard.Coordinates> result = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select id, latitude, longitude from listings
				where id in (:ids) and latitude is not null and longitude is not null
				order by id
				""").param("ids", List.copyOf(listingIds)).query((rs, n) -> {
			result.put(rs.getLong("id"),
					new ListingCard.Coordinates(rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude")));
			return n;
		}).list();
		return result;
	}

	private ListingCard withDetails(ListingCard card, String lang) {
		List<Named> amenities = this.jdbc.sql("""
				select a.code, %s as name from listing_amenities la join amenities a on a.code = la.amenity_code
				where la.listing_id = :id order by a.position, a.code
				""".formatted(Sql.localName("a")))
			.param("id", card.id())
			.param("lang", lang)
			.query((rs, n) -> new Named(rs.getString("code"), rs.getString("name")))
			.list();
		List<ListingCard.Photo> photos = this.jdbc.sql("""
				select id, storage_key, position, main from listing_photos where listing_id = :id
				order by main desc, position, id
				""")
			.param("id", card.id())
			.query((rs, n) -> new ListingCard.Photo(rs.getLong("id"), MediaUrls.of(rs.getString("storage_key")),
					rs.getInt("position"), rs.getBoolean("main")))
			.list();
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		LocalDate until = today.plusDays(this.properties.occupiedDaysAhead());
		List<LocalDate> occupied = this.jdbc.sql("""
				select distinct day::date as day
				from occupancies o,
				     generate_series(greatest(lower(o.period), :today), least(upper(o.period), :until) - 1,
				                     interval '1 day') as day
				where o.listing_id = :id and o.period && daterange(:today, :until)
				order by day
				""").param("id", card.id()).param("today", today).param("until", until).query(LocalDate.class).list();
		return new ListingCard(card.id(), card.title(), card.path(), card.city(), card.district(), card.type(),
				card.housingClass(), card.rooms(), card.address(), card.floor(), card.floorsTotal(), card.areaM2(),
				card.sleepingPlaces(), card.description(), card.houseRules(), amenities, card.pricePerNight(),
				card.currency(), card.weekendUpliftPercent(), card.longStayMinNights(), card.longStayDiscountPercent(),
				card.checkInTime(), card.checkOutTime(), card.coordinates(), card.rating(), card.reviewCount(), photos,
				card.status(), occupied);
	}

	private static ListingCard card(ResultSet rs, int rowNum) throws SQLException {
		long id = rs.getLong("id");
		String title = rs.getString("title");
		BigDecimal lat = rs.getBigDecimal("latitude");
		BigDecimal lon = rs.getBigDecimal("longitude");
		return new ListingCard(id, title,
				ListingPaths.of(rs.getString("city_slug"), rs.getString("district_slug"), rs.getString("type_slug"),
						title, id),
				new Named(rs.getString("city_slug"), rs.getString("city_name")),
				new Named(rs.getString("district_slug"), rs.getString("district_name")),
				new Named(rs.getString("type_code"), rs.getString("type_name")),
				new Named(rs.getString("class"), rs.getString("class_name")), rs.getInt("rooms"),
				Addresses.format(rs.getString("street"), rs.getString("house"), rs.getString("block")),
				nullableInt(rs, "floor"), nullableInt(rs, "floors_total"), rs.getBigDecimal("area_m2"),
				rs.getInt("sleeping_places"), rs.getString("description"), rs.getString("house_rules"), List.of(),
				rs.getBigDecimal("price_per_night"), rs.getString("currency"),
				rs.getBigDecimal("weekend_uplift_percent"), nullableInt(rs, "long_stay_min_nights"),
				rs.getBigDecimal("long_stay_discount_percent"), rs.getObject("check_in_time", LocalTime.class),
				rs.getObject("check_out_time", LocalTime.class),
				(lat == null || lon == null) ? null : new ListingCard.Coordinates(lat, lon), rs.getBigDecimal("rating"),
				rs.getInt("review_count"), List.of(), rs.getString("status"), List.of());
	}

	static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
