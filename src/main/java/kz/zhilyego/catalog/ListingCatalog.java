package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kz.zhilyego.catalog.ListingCard.Named;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.ReplicaReads;
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
	@ReplicaReads
	public ListingCard card(long id, Language language) {
		return find(id, language, true).orElseThrow(() -> ProblemException.notFound("listing.notFound", id));
	}

	/**
	 * What an active listing's public page shows, as two numbers that change whenever it
	 * does: the listing's {@code content_version} (the row, its prices, photos,
	 * amenities, published reviews and occupied nights; V70 triggers) and the version of
	 * the reference data (names). Empty when there is no such active listing. One
	 * primary-key read: the key of the page's ETag and shared cache.
	 */
	@Transactional(readOnly = true)
	@ReplicaReads
	public Optional<PageVersion> pageVersion(long id) {
		return this.jdbc.sql("""
				select l.content_version,
				       (select v.version from cache_versions v where v.name = 'dictionaries') as dictionaries
				from listings l where l.id = :id and l.status = 'ACTIVE'
				""")
			.param("id", id)
			.query((rs, n) -> new PageVersion(rs.getLong("content_version"), rs.getLong("dictionaries")))
			.optional();
	}

	/** See {@link #pageVersion(long)}. */
	public record PageVersion(long content, long dictionaries) {
	}

	/**
	 * The public page's card of an active listing (may be read on the replica: ADR 0007).
	 */
	@Transactional(readOnly = true)
	@ReplicaReads
	public Optional<ListingCard> publicCard(long id, Language language) {
		return find(id, language, true);
	}

	/**
	 * The card whatever its status (for staff pages). One statement: the listing row with
	 * its names, amenities and photos as arrays, and the occupied dates from the row's
	 * occupied-nights bitmap (ADR 0006) instead of the occupancies.
	 */
	@Transactional(readOnly = true)
	public Optional<ListingCard> find(long id, Language language, boolean activeOnly) {
		String lang = language.code();
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		LocalDate until = today.plusDays(this.properties.occupiedDaysAhead());
		return this.jdbc
			.sql("""
					select l.*, c.slug as city_slug, %s as city_name, d.slug as district_slug, %s as district_name,
					       t.slug as type_slug, %s as type_name, k.code as class, %s as class_name,
					       array(select a.code from listing_amenities la join amenities a on a.code = la.amenity_code
					             where la.listing_id = l.id order by a.position, a.code) as amenity_codes,
					       array(select %s from listing_amenities la join amenities a on a.code = la.amenity_code
					             where la.listing_id = l.id order by a.position, a.code) as amenity_names,
					       array(select p.id from listing_photos p where p.listing_id = l.id
					             order by p.main desc, p.position, p.id) as photo_ids,
					       array(select p.storage_key from listing_photos p where p.listing_id = l.id
					             order by p.main desc, p.position, p.id) as photo_keys,
					       array(select p.position from listing_photos p where p.listing_id = l.id
					             order by p.main desc, p.position, p.id) as photo_positions,
					       array(select p.main from listing_photos p where p.listing_id = l.id
					             order by p.main desc, p.position, p.id) as photo_mains
					from listings l
					join cities c on c.id = l.city_id
					join districts d on d.id = l.district_id
					join housing_types t on t.code = l.type_code
					join housing_classes k on k.code = l.class_code
					where l.id = :id and (not :activeOnly or l.status = 'ACTIVE')
					""".formatted(Sql.localName("c"), Sql.localName("d"), Sql.localName("t"), Sql.localName("k"),
					Sql.localName("a")))
			.param("id", id)
			.param("lang", lang)
			.param("activeOnly", activeOnly)
			.query((rs, n) -> withDetails(card(rs, n), rs, today, until))
			.optional();
	}

	/**
	 * The owner of an active listing with their active listings and rating, for the
	 * listing page's host card; empty for an unknown or inactive listing. An index-only
	 * scan of {@code listings_owner_active_idx} (V100), however many listings the owner
	 * has.
	 */
	@Transactional(readOnly = true)
	public Optional<ListingHost> host(long listingId) {
		return this.jdbc.sql("""
				select l.owner_id, l.realtor_phone, count(o.owner_id) as active_listings,
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

	private static ListingCard withDetails(ListingCard card, ResultSet rs, LocalDate today, LocalDate until)
			throws SQLException {
		String[] codes = (String[]) rs.getArray("amenity_codes").getArray();
		String[] names = (String[]) rs.getArray("amenity_names").getArray();
		List<Named> amenities = new ArrayList<>(codes.length);
		for (int i = 0; i < codes.length; i++) {
			amenities.add(new Named(codes[i], names[i]));
		}
		Long[] ids = (Long[]) rs.getArray("photo_ids").getArray();
		String[] keys = (String[]) rs.getArray("photo_keys").getArray();
		Number[] positions = (Number[]) rs.getArray("photo_positions").getArray();
		Boolean[] mains = (Boolean[]) rs.getArray("photo_mains").getArray();
		List<ListingCard.Photo> photos = new ArrayList<>(ids.length);
		for (int i = 0; i < ids.length; i++) {
			photos.add(new ListingCard.Photo(ids[i], MediaUrls.of(keys[i]), positions[i].intValue(), mains[i]));
		}
		List<LocalDate> occupied = occupiedDates(rs.getObject("nights_from", LocalDate.class), rs.getString("nights"),
				today, until);
		return new ListingCard(card.id(), card.title(), card.path(), card.city(), card.district(), card.type(),
				card.housingClass(), card.rooms(), card.address(), card.floor(), card.floorsTotal(), card.areaM2(),
				card.sleepingPlaces(), card.description(), card.houseRules(), amenities, card.pricePerNight(),
				card.currency(), card.weekendUpliftPercent(), card.longStayMinNights(), card.longStayDiscountPercent(),
				card.checkInTime(), card.checkOutTime(), card.coordinates(), card.rating(), card.reviewCount(), photos,
				card.status(), occupied);
	}

	/**
	 * The occupied nights in {@code [from, until)} of a bitmap whose bit i is the night
	 * {@code anchor + i} (a {@code '0'}/{@code '1'} string).
	 */
	static List<LocalDate> occupiedDates(@Nullable LocalDate anchor, @Nullable String bits, LocalDate from,
			LocalDate until) {
		if (anchor == null || bits == null) {
			return List.of();
		}
		List<LocalDate> dates = new ArrayList<>();
		long start = Math.max(0, ChronoUnit.DAYS.between(anchor, from));
		long end = Math.min(bits.length(), ChronoUnit.DAYS.between(anchor, until));
		for (long i = start; i < end; i++) {
			if (bits.charAt((int) i) == '1') {
				dates.add(anchor.plusDays(i));
			}
		}
		return dates;
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
