package kz.zhilyego.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of listings for staff: the workspace's list of the listings of some owners
 * (filtered, searched, sorted, paged, with the occupancy of the next 30 nights) and the
 * superuser's queue of listings waiting for approval. The caller decides the owners (its
 * access scope) and checks the filter's values; every order ends with the id.
 */
@Service
public class StaffListings {

	private final JdbcClient jdbc;

	StaffListings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The orders of the workspace list. */
	public enum Order {

		/** Newest first. */
		ADDED("l.created_at desc, l.id desc"),
		/** Cheapest first. */
		PRICE("l.price_per_night, l.id"),
		/** Dearest first. */
		PRICE_DESC("l.price_per_night desc, l.id"),
		/** Most occupied first. */
		OCCUPANCY("occupancy desc, l.id"),
		/** By title. */
		TITLE("l.title, l.id");

		private final String sql;

		Order(String sql) {
			this.sql = sql;
		}

	}

	/**
	 * One page of the workspace list.
	 *
	 * @param everyOwner all owners (the platform), else only {@code owners}
	 * @param owners whose listings (ignored for every owner)
	 * @param status a status, null = any
	 * @param type a housing type code, null = any
	 * @param district a district slug, null = any
	 * @param q the search text, null = none; it matches the listing numbered
	 * {@code number}, or (when {@code pattern} is not empty) a title or address (street,
	 * house, block) like {@code pattern}
	 * @param today the first of the 30 nights whose occupancy is shown
	 * @param page the page, from 0
	 * @param size rows per page
	 */
	public record Query(boolean everyOwner, Collection<Long> owners, @Nullable String status, @Nullable String type,
			@Nullable String district, @Nullable String q, String pattern, @Nullable Long number, Order order,
			Language language, LocalDate today, int page, int size) {
	}

	/**
	 * One row of the workspace list. {@code occupancyPercent}: share of the 30 nights
	 * from {@code today} taken by bookings; {@code photoKey}: the storage key of the main
	 * (or first) photo's card.
	 */
	public record Row(long id, long ownerId, String title, String status, String type, String typeName, String district,
			String districtName, String housingClass, int rooms, BigDecimal pricePerNight, String currency,
			BigDecimal occupancyPercent, @Nullable String photoKey, Instant createdAt, int version) {
	}

	/** A listing waiting for the superuser, with the count of its photos. */
	public record Pending(long id, long ownerId, String title, String city, String district, String type, String status,
			Instant updatedAt, @Nullable Instant approvedAt, Instant createdAt, int photos) {
	}

	private static final String WHERE = """
			 where (:everyOwner or l.owner_id in (:owners)) and (cast(:status as text) is null or l.status = :status)
			   and (cast(:type as text) is null or l.type_code = :type)
			   and (cast(:district as text) is null or d.slug = :district)
			   and (cast(:q as text) is null or (:pattern <> '' and (l.title ilike :pattern
			        or concat_ws(' ', l.street, l.house, l.block) ilike :pattern))
			        or l.id = cast(:number as bigint))
			""";

	/** The page the query asks for. */
	@Transactional(readOnly = true)
	public PageResult<Row> page(Query query) {
		Map<String, Object> params = new HashMap<>();
		params.put("everyOwner", query.everyOwner());
		params.put("owners", query.owners().isEmpty() ? List.of(-1L) : List.copyOf(query.owners()));
		params.put("q", query.q());
		params.put("pattern", query.pattern());
		params.put("number", query.number());
		params.put("status", query.status());
		params.put("type", query.type());
		params.put("district", query.district());
		params.put("lang", query.language().code());
		params.put("today", query.today());
		params.put("horizon", query.today().plusDays(30));
		long total = this.jdbc.sql("select count(*) from listings l join districts d on d.id = l.district_id" + WHERE)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		List<Row> items = this.jdbc.sql("""
				select l.id, l.owner_id, l.title, l.status, l.type_code, %s as type_name, d.slug as district,
				       %s as district_name, l.class_code, l.rooms, l.price_per_night, l.currency, l.created_at,
				       l.version,
				       (select p.storage_key from listing_photos p where p.listing_id = l.id
				        order by p.main desc, p.position, p.id limit 1) as photo,
				       round(100.0 * coalesce((select sum(upper(o.period * daterange(:today, :horizon))
				                                        - lower(o.period * daterange(:today, :horizon)))
				                               from occupied_periods o
				                               where o.listing_id = l.id and o.kind = 'BOOKING'
				                                 and o.period && daterange(:today, :horizon)), 0) / 30, 1) as occupancy
				from listings l
				join districts d on d.id = l.district_id
				join housing_types t on t.code = l.type_code
				""".formatted(Sql.localName("t"), Sql.localName("d")) + WHERE + " order by " + query.order().sql
				+ " limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"),
					rs.getString("status"), rs.getString("type_code"), rs.getString("type_name"),
					rs.getString("district"), rs.getString("district_name"), rs.getString("class_code"),
					rs.getInt("rooms"), rs.getBigDecimal("price_per_night"), rs.getString("currency"),
					rs.getBigDecimal("occupancy"), rs.getString("photo"), rs.getTimestamp("created_at").toInstant(),
					rs.getInt("version")))
			.list();
		return new PageResult<>(total, query.page(), query.size(), items);
	}

	/** Listings waiting for the superuser (PENDING), the longest waiting first. */
	@Transactional(readOnly = true)
	public PageResult<Pending> pending(int page, int size) {
		long total = this.jdbc.sql("select count(*) from listings where status = 'PENDING'").query(Long.class).single();
		List<Pending> items = this.jdbc.sql("""
				select l.id, l.owner_id, l.title, c.slug as city, d.slug as district,
				       l.type_code, l.status, l.updated_at, l.approved_at, l.created_at,
				       (select count(*) from listing_photos p where p.listing_id = l.id) as photos
				from listings l
				join cities c on c.id = l.city_id
				join districts d on d.id = l.district_id
				where l.status = 'PENDING'
				order by l.updated_at, l.id
				limit :size offset :offset
				""").param("size", size).param("offset", (long) page * size).query((rs, n) -> {
			java.sql.Timestamp approved = rs.getTimestamp("approved_at");
			return new Pending(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"), rs.getString("city"),
					rs.getString("district"), rs.getString("type_code"), rs.getString("status"),
					rs.getTimestamp("updated_at").toInstant(), approved == null ? null : approved.toInstant(),
					rs.getTimestamp("created_at").toInstant(), rs.getInt("photos"));
		}).list();
		return new PageResult<>(total, page, size, items);
	}

}
