package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.ReplicaReads;
import kz.zhilyego.common.Money;
import kz.zhilyego.common.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Availability search over active listings. The WHERE clause is assembled from fixed
 * fragments only; every value is a bound parameter. A listing is free for a stay when no
 * occupancy (active booking or block) overlaps {@code [checkIn, checkOut)}.
 */
@Service
public class ListingSearch {

	private final JdbcClient jdbc;

	private final int countCap;

	private final Timer latency;

	private final CatalogCache cache;

	private volatile @Nullable SearchCodes codes;

	ListingSearch(JdbcClient jdbc, CatalogProperties properties, MeterRegistry meters, CatalogCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.countCap = properties.countCap();
		this.latency = Timer.builder("zhilyego.search.latency")
			.description("Availability search, page and count")
			.publishPercentileHistogram()
			.register(meters);
	}

	/**
	 * One page of matches, cheapest first unless another sort is asked for. The page is
	 * read first, with one row more than asked for, so it tells whether more follow. The
	 * total (ADR 0004, ADR 0006):
	 * <ul>
	 * <li>no more rows after this page: exact, without counting;</li>
	 * <li>first page with more rows: matches are counted up to the configured cap (cheap
	 * with the occupied-nights bitmap) — exact up to the cap, above it {@code total} is
	 * the cap and {@code totalExact} false (a lower bound);</li>
	 * <li>a later page with more rows: no count; {@code total} is the lower bound "this
	 * page and at least one more" and {@code totalExact} false (the client knows the
	 * first page's figure);</li>
	 * <li>a page past the end: counted as on the first page.</li>
	 * </ul>
	 * No transaction of its own (auto-commit statements on one connection,
	 * replica-eligible all the same): a search only reads, a card that changes between
	 * the page's two statements is shown as it is then, one deleted in between is left
	 * out, and the capped count is a figure, not a promise. A read-only transaction cost
	 * a {@code COMMIT} round trip per search.
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	@ReplicaReads
	public PageResult<ListingSummary> search(ListingSearchCriteria criteria, Language language) {
		return this.latency.record(() -> cachedOrFound(criteria, language));
	}

	/**
	 * The first page of a search without dates (browsing a city or a district: the same
	 * few pages for every visitor) is cached until a listing, photo, amenity or reference
	 * name it could show changes on any node ({@link CatalogCache}); a search with dates
	 * depends on every hold and is always read.
	 */
	private PageResult<ListingSummary> cachedOrFound(ListingSearchCriteria criteria, Language language) {
		if (criteria.stay() != null || criteria.page() != 0) {
			return find(criteria, language);
		}
		return this.cache.get(new FirstPage(criteria, language), this.cache.versions(), () -> find(criteria, language));
	}

	private record FirstPage(ListingSearchCriteria criteria, Language language) {
	}

	private PageResult<ListingSummary> find(ListingSearchCriteria criteria, Language language) {
		Scan scan = scan(criteria, language);
		Statements sql = scan.sql();
		List<Long> ids = scan.ids();
		boolean more = ids.size() > criteria.size();
		List<Long> shown = more ? ids.subList(0, criteria.size()) : ids;
		Total counted = total(criteria, shown.size(), more,
				() -> this.jdbc.sql(sql.count()).params(sql.params()).query(Long.class).single(), this.countCap);
		if (shown.isEmpty()) {
			return new PageResult<>(counted.total(), counted.exact(), criteria.page(), criteria.size(), List.of());
		}
		boolean dated = criteria.stay() != null;
		Map<Long, Row> found = new HashMap<>();
		this.jdbc.sql(sql.details())
			.params(sql.details(shown))
			.query((rs, n) -> row(rs, dated))
			.list()
			.forEach(row -> found.put(row.id(), row));
		Stay stay = criteria.stay();
		List<ListingSummary> items = new ArrayList<>(shown.size());
		for (Long id : shown) {
			// in the order of the id scan; a listing deleted in between is left out
			Row row = found.get(id);
			if (row == null) {
				continue;
			}
			BigDecimal totalPrice = null;
			Integer nights = null;
			if (stay != null) {
				Quote quote = row.pricing().quote(row.id(), stay, row.nightPrices());
				totalPrice = quote.total().amount();
				nights = quote.nights();
			}
			items.add(row.summary(totalPrice, nights));
		}
		return new PageResult<>(counted.total(), counted.exact(), criteria.page(), criteria.size(), items);
	}

	/** The statements of a search and the ids its id scan found. */
	private record Scan(Statements sql, List<Long> ids) {
	}

	private Scan scan(ListingSearchCriteria criteria, Language language) {
		SearchCodes codes = codes(criteria);
		Statements sql = statements(criteria, codes, language, this.countCap);
		List<Long> ids = ids(sql);
		if (!ids.isEmpty() || codes == SearchCodes.NONE
				|| this.cache.versions().dictionaries() == codes.dictionaries()) {
			return new Scan(sql, ids);
		}
		// nothing found with codes older than the reference data: once more with the
		// current ones
		Statements current = statements(criteria, readCodes(), language, this.countCap);
		return new Scan(current, ids(current));
	}

	private List<Long> ids(Statements sql) {
		return this.jdbc.sql(sql.ids()).params(sql.params()).query(Long.class).list();
	}

	/**
	 * The district ids and amenity bits of the criteria's slugs and codes: the last ones
	 * read, on any thread; none for a search without districts or amenities. They are not
	 * checked here: the id scan finds nothing unless they are of the current reference
	 * data ({@link #statements}), and {@link #find} then reads them again: no statement
	 * and round trip of their own per search (docs/benchmarks.md, eighth pass).
	 */
	private SearchCodes codes(ListingSearchCriteria criteria) {
		if (criteria.districts().isEmpty() && criteria.amenities().isEmpty()) {
			return SearchCodes.NONE;
		}
		SearchCodes last = this.codes;
		return last != null ? last : readCodes();
	}

	private SearchCodes readCodes() {
		SearchCodes read = SearchCodes.read(this.jdbc);
		this.codes = read;
		return read;
	}

	/** A page's total and whether it is exact. */
	record Total(long total, boolean exact) {
	}

	/**
	 * The total of a page of {@code rows} rows ({@code more}: the page query found a row
	 * after them); {@code count} runs the capped count, only when needed.
	 */
	static Total total(ListingSearchCriteria criteria, int rows, boolean more, LongSupplier count, int countCap) {
		if (!more && (rows > 0 || criteria.offset() == 0)) {
			return new Total(criteria.offset() + rows, true);
		}
		if (more && criteria.offset() > 0) {
			return new Total(criteria.offset() + rows + 1L, false);
		}
		long counted = count.getAsLong();
		return counted <= countCap ? new Total(counted, true) : new Total(countCap, false);
	}

	/**
	 * The statements a search runs and their parameters: the page's two
	 * ({@link Statements}) and the capped count (which returns at most
	 * {@code countCap + 1}). Package-visible so the benchmark can run exactly the same
	 * SQL through plain JDBC.
	 */
	static Statements statements(ListingSearchCriteria criteria, SearchCodes codes, Language language, int countCap) {
		Map<String, Object> params = new HashMap<>();
		String where = where(criteria, codes, params);
		params.put("lang", language.code());
		params.put("limit", criteria.size() + 1);
		params.put("offset", criteria.offset());
		params.put("countLimit", countCap + 1);
		String count = """
				select count(*) from (
				  select 1 from listings l
				  where %s
				  limit :countLimit
				) capped
				""".formatted(where);
		String current = "";
		if (!criteria.districts().isEmpty() || !criteria.amenities().isEmpty()) {
			// the codes' label is the reference data's version in this statement's own
			// snapshot (a one-time filter before the scan), or no rows (SearchCodes)
			current = " and " + SearchCodes.DICTIONARIES_VERSION + " = :dictionaries";
			params.put("dictionaries", codes.dictionaries());
		}
		String ids = """
				select l.id from listings l
				where %s%s
				order by %s
				limit :limit offset :offset
				""".formatted(where, current, criteria.sort().orderBy);
		String details = criteria.stay() != null ? DATED_DETAILS : DETAILS;
		return new Statements(count, ids, details, Map.copyOf(params));
	}

	/** What a result card shows; {@code l} is the listing. */
	private static String columns() {
		return """
				select l.id, l.title, c.slug as city, d.slug as district, %s as district_name,
				       t.code as type, t.slug as type_slug, %s as type_name, k.code as class, %s as class_name,
				       l.rooms, l.price_per_night, l.currency, l.rating, l.review_count,
				       l.street, l.house, l.block, l.weekend_uplift_percent, l.long_stay_min_nights,
				       l.long_stay_discount_percent,
				       (select p.storage_key from listing_photos p where p.listing_id = l.id
				        order by p.main desc, p.position, p.id limit 1) as preview
				""".formatted(Sql.localName("d"), Sql.localName("t"), Sql.localName("k"));
	}

	/**
	 * A dated search's per-night prices inside the stay, read with the page (one round
	 * trip, not a second query per page): the nights and their prices as two arrays in
	 * night order, served by the primary key (listing_id, night).
	 */
	private static final String NIGHT_PRICES = """
			, array(select p.night from listing_night_prices p where p.listing_id = l.id
			        and p.night >= cast(:checkIn as date) and p.night < cast(:checkIn as date) + :stayNights
			        order by p.night) as override_nights
			, array(select p.price from listing_night_prices p where p.listing_id = l.id
			        and p.night >= cast(:checkIn as date) and p.night < cast(:checkIn as date) + :stayNights
			        order by p.night) as override_prices
			""";

	private static final String JOINS = """
			join cities c on c.id = l.city_id
			join districts d on d.id = l.district_id
			join housing_types t on t.code = l.type_code
			join housing_classes k on k.code = l.class_code
			""";

	/** A page's cards by id ({@link #DATED_DETAILS} with their nights' prices). */
	private static final String DETAILS = details("");

	private static final String DATED_DETAILS = details(NIGHT_PRICES);

	private static String details(String extraColumns) {
		return """
				%s
				from listings l
				%s
				where l.id = any(:ids)
				""".formatted(columns() + extraColumns, JOINS);
	}

	/**
	 * Active listings with at least {@code minReviews} published reviews, best Bayesian
	 * score first (see {@link PopularListings}); ties: more reviews, then lower id.
	 */
	List<ListingSummary> popular(int limit, int minReviews, BigDecimal priorWeight, Language language) {
		return this.jdbc.sql("""
				with rated as (
				  select id, rating, review_count from listings
				  where status = 'ACTIVE' and review_count > 0
				), prior as (
				  select coalesce(sum(rating * review_count) / nullif(sum(review_count), 0), 0) as mean from rated
				), ranked as (
				  select r.id, r.review_count,
				         (:weight * p.mean + r.review_count * r.rating) / (:weight + r.review_count) as score
				  from rated r cross join prior p
				  where r.review_count >= :minReviews
				  order by score desc, r.review_count desc, r.id
				  limit :limit
				)
				%s
				from ranked join listings l on l.id = ranked.id
				%s
				order by ranked.score desc, ranked.review_count desc, l.id
				""".formatted(columns(), JOINS))
			.param("weight", priorWeight)
			.param("minReviews", minReviews)
			.param("limit", limit)
			.param("lang", language.code())
			.query((rs, n) -> row(rs, false))
			.list()
			.stream()
			.map(row -> row.summary(null, null))
			.toList();
	}

	/**
	 * SQL text with named parameters; values only in {@code params}. A page is two
	 * statements: {@code ids}, the matches in order (one more than the page, to tell
	 * whether more follow), then {@code details}, what their cards show, by id. As one
	 * statement PostgreSQL planned the id scan with the joins and sub-selects of the
	 * cards for every search (1.5-2.5 ms of planning for under 1 ms of execution); apart,
	 * the id scan plans alone and the details, the same for every page, are planned once
	 * per connection (docs/benchmarks.md).
	 */
	record Statements(String count, String ids, String details, Map<String, Object> params) {

		/** The parameters of {@code details} for these ids. */
		Map<String, Object> details(List<Long> ids) {
			Map<String, Object> all = new HashMap<>(this.params);
			all.put("ids", ids.toArray(Long[]::new));
			return all;
		}

	}

	private static String where(ListingSearchCriteria criteria, SearchCodes codes, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("l.status = 'ACTIVE'");
		if (criteria.city() != null) {
			// a constant city id (not a join filter on the slug) lets the (city_id,
			// <sort>) indexes deliver rows already in order, so LIMIT stops early
			// (ADR 0004)
			where.append(" and l.city_id = (select ci.id from cities ci where ci.slug = :city)");
			params.put("city", criteria.city());
		}
		if (!criteria.districts().isEmpty()) {
			// a filter on l itself with the ids as constants (not a join filter, ADR
			// 0005, nor ids from a sub-select the planner cannot see: it took any list
			// of them for most of the city); no district of those names, no listing
			List<Integer> districtIds = codes.districtIds(criteria.districts());
			if (districtIds.isEmpty()) {
				where.append(" and false");
			}
			else {
				where.append(" and l.district_id in (:districtIds)");
				params.put("districtIds", districtIds);
			}
		}
		if (criteria.housingClass() != null) {
			where.append(" and l.class_code = :class");
			params.put("class", criteria.housingClass());
		}
		if (criteria.type() != null) {
			where.append(" and l.type_code = :type");
			params.put("type", criteria.type());
		}
		if (criteria.rooms() != null) {
			where.append(" and l.rooms = :rooms");
			params.put("rooms", criteria.rooms());
		}
		if (criteria.minRooms() != null) {
			where.append(" and l.rooms >= :minRooms");
			params.put("minRooms", criteria.minRooms());
		}
		if (criteria.guests() != null) {
			where.append(" and l.sleeping_places >= :guests");
			params.put("guests", criteria.guests());
		}
		if (criteria.minPrice() != null) {
			where.append(" and l.price_per_night >= :minPrice");
			params.put("minPrice", criteria.minPrice());
		}
		if (criteria.maxPrice() != null) {
			where.append(" and l.price_per_night <= :maxPrice");
			params.put("maxPrice", criteria.maxPrice());
		}
		if (criteria.minRating() != null) {
			where.append(" and l.rating >= :minRating");
			params.put("minRating", criteria.minRating());
		}
		if (!criteria.amenities().isEmpty()) {
			// every asked amenity's bit set in the listing's amenity_bits (V103, kept by
			// a trigger on listing_amenities), carried by the search indexes: tested on
			// the index tuple (ADR 0008); an unknown amenity, no listing. ">=", not "=":
			// the same rows (the masked bits are at most the mask), but the planner,
			// which has no statistics for the expression, takes an equality for 0.5 %
			// of the listings and an inequality for a third (as for availability below)
			Long mask = codes.amenityMask(criteria.amenities());
			if (mask == null) {
				where.append(" and false");
			}
			else {
				where.append(" and (l.amenity_bits & cast(:amenityMask as bigint)) >= cast(:amenityMask as bigint)");
				params.put("amenityMask", mask);
			}
		}
		Stay stay = criteria.stay();
		if (stay != null) {
			// free = no set bit of the listing's occupied-nights bitmap in [checkIn,
			// checkOut): a substring of a column of the row itself, no probe into
			// occupancies per candidate (ADR 0006). Nights before nights_from are free
			// (every occupancy starts on or after it); a start before the anchor gives
			// substring the right overlap; a listing never occupied has no bitmap.
			// "< 1", not "= 0" (the same rows: position is 0 when no night is taken):
			// the planner has no statistics for the expression and takes an equality
			// for 0.5 % of the listings, an inequality for a third — most listings are
			// free on most dates, and with 0.5 % it chose plans that read every
			// candidate of a filter index instead of stopping after a page on the sort
			// index (50-100 ms instead of 1.5-7 ms for amenity and type searches).
			where.append(" and (l.nights is null or position(B'1' in substring(l.nights from"
					+ " (cast(:checkIn as date) - l.nights_from) + 1 for :stayNights)) < 1)");
			params.put("checkIn", stay.checkIn());
			params.put("stayNights", stay.nights());
		}
		return where.toString();
	}

	private static Row row(ResultSet rs, boolean dated) throws SQLException {
		Money price = new Money(rs.getBigDecimal("price_per_night"), rs.getString("currency"));
		int minNights = rs.getInt("long_stay_min_nights");
		StayPricing pricing = new StayPricing(price, rs.getBigDecimal("weekend_uplift_percent"),
				rs.wasNull() ? null : minNights, rs.getBigDecimal("long_stay_discount_percent"));
		long id = rs.getLong("id");
		String title = rs.getString("title");
		Map<LocalDate, Money> nightPrices = dated ? overrides(rs, price.currency()) : Map.of();
		String preview = rs.getString("preview");
		return new Row(id, pricing, nightPrices, new ListingSummary(id, title, rs.getString("city"),
				rs.getString("district"), rs.getString("district_name"), rs.getString("type"),
				rs.getString("type_name"), rs.getString("class"), rs.getString("class_name"), rs.getInt("rooms"),
				price.amount(), null, null, price.currency(), rs.getBigDecimal("rating"), rs.getInt("review_count"),
				preview == null ? null : MediaUrls.of(preview),
				Addresses.format(rs.getString("street"), rs.getString("house"), rs.getString("block")),
				ListingPaths.of(rs.getString("city"), rs.getString("district"), rs.getString("type_slug"), title, id)));
	}

	/** The per-night prices a dated page read ({@link #NIGHT_PRICES}); none otherwise. */
	private static Map<LocalDate, Money> overrides(ResultSet rs, String currency) throws SQLException {
		java.sql.Array nights = rs.getArray("override_nights");
		java.sql.Array prices = rs.getArray("override_prices");
		Object[] days = (Object[]) nights.getArray();
		if (days.length == 0) {
			return Map.of();
		}
		Object[] amounts = (Object[]) prices.getArray();
		Map<LocalDate, Money> result = new HashMap<>(days.length * 2);
		for (int i = 0; i < days.length; i++) {
			result.put(((java.sql.Date) days[i]).toLocalDate(), new Money((BigDecimal) amounts[i], currency));
		}
		return result;
	}

	private record Row(long id, StayPricing pricing, Map<LocalDate, Money> nightPrices, ListingSummary base) {

		ListingSummary summary(@Nullable BigDecimal totalPrice, @Nullable Integer nights) {
			ListingSummary b = this.base;
			return new ListingSummary(b.id(), b.title(), b.city(), b.district(), b.districtName(), b.type(),
					b.typeName(), b.housingClass(), b.className(), b.rooms(), b.pricePerNight(), totalPrice, nights,
					b.currency(), b.rating(), b.reviewCount(), b.previewPhotoUrl(), b.address(), b.path());
		}

	}

}
