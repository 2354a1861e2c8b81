package kz.zhilyego.realtor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static kz.zhilyego.realtor.RealtorListings.blankToNull;
import static kz.zhilyego.realtor.RealtorListings.localName;

/**
 * The listings in a staff scope, filtered, searched, sorted and paged, and the
 * suggestions of a search field.
 */
@Service
public class ListRealtorListings {

	/** Statuses the list filter knows. */
	static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE", "PENDING", "REJECTED", "SUSPENDED");

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	private final Clock clock;

	private final RealtorProperties properties;

	ListRealtorListings(JdbcClient jdbc, StaffScopes scopes, Clock clock, RealtorProperties properties) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * List filters; every one optional. {@code sort}: added | price | occupancy;
	 * {@code realtorId}: one owner in scope (a super admin's team filter; an owner
	 * outside the scope is a 404); {@code q}: part of the title or the address (street,
	 * house, block), or the listing's number.
	 */
	public record Filter(@Nullable String status, @Nullable String type, @Nullable String district,
			@Nullable String sort, @Nullable Integer page, @Nullable Integer size, @Nullable Long realtorId,
			@Nullable String q) {

		public Filter(@Nullable String status, @Nullable String type, @Nullable String district, @Nullable String sort,
				@Nullable Integer page, @Nullable Integer size) {
			this(status, type, district, sort, page, size, null, null);
		}

	}

	/** The longest search text. */
	public static final int MAX_QUERY = 100;

	@Transactional(readOnly = true)
	public PageResult<RealtorListingSummary> list(CurrentUser user, Filter filter, Language language) {
		AccessScope scope = this.scopes.narrow(this.scopes.of(user), filter.realtorId());
		RealtorProperties.Paging paging = this.properties.paging(filter.page(), filter.size());
		int size = paging.size();
		int page = paging.page();
		String status = filter.status() == null || filter.status().isBlank() ? null
				: filter.status().toUpperCase(java.util.Locale.ROOT);
		if (status != null && !STATUSES.contains(status)) {
			throw ProblemException.invalidField("status", "realtor.field.unknown");
		}
		String orderBy = switch (filter.sort() == null || filter.sort().isBlank() ? "added" : filter.sort()) {
			case "added" -> "l.created_at desc, l.id desc";
			case "price" -> "l.price_per_night, l.id";
			case "price_desc" -> "l.price_per_night desc, l.id";
			case "occupancy" -> "occupancy desc, l.id";
			case "title" -> "l.title, l.id";
			default -> throw ProblemException.invalidField("sort", "realtor.sort.unknown");
		};
		String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
		if (q != null && q.length() > MAX_QUERY) {
			throw ProblemException.invalidField("q", "realtor.search.tooLong", MAX_QUERY);
		}
		Map<String, Object> params = StaffScopes.params(scope);
		params.put("q", q);
		// "№ 123" names a listing; plain text is looked for in the title and the address
		params.put("pattern", q == null || onlyNumber(q) ? "" : "%" + likeEscaped(q) + "%");
		params.put("number", q == null ? null : number(q));
		params.put("status", status);
		params.put("type", blankToNull(filter.type()));
		params.put("district", blankToNull(filter.district()));
		params.put("lang", language.code());
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		params.put("today", today);
		params.put("horizon", today.plusDays(30));
		String where = """
				 where %s and (cast(:status as text) is null or l.status = :status)
				   and (cast(:type as text) is null or l.type_code = :type)
				   and (cast(:district as text) is null or d.slug = :district)
				   and (cast(:q as text) is null or (:pattern <> '' and (l.title ilike :pattern
				        or concat_ws(' ', l.street, l.house, l.block) ilike :pattern))
				        or l.id = cast(:number as bigint))
				""".formatted(StaffScopes.LISTING_IN_SCOPE);
		long total = this.jdbc.sql("select count(*) from listings l join districts d on d.id = l.district_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<RealtorListingSummary> items = this.jdbc.sql("""
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
				""".formatted(localName("t"), localName("d")) + where + " order by " + orderBy
				+ " limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new RealtorListingSummary(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"),
					rs.getString("status"), rs.getString("type_code"), rs.getString("type_name"),
					rs.getString("district"), rs.getString("district_name"), rs.getString("class_code"),
					rs.getInt("rooms"), rs.getBigDecimal("price_per_night"), rs.getString("currency"),
					rs.getBigDecimal("occupancy"),
					rs.getString("photo") == null ? null : "/media/" + rs.getString("photo"),
					rs.getTimestamp("created_at").toInstant(), rs.getInt("version")))
			.list();
		return new PageResult<>(total, page, size, items);
	}

	/** The text with LIKE's wildcards and escape character escaped. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** The listing number a search text means ("123", "#123" or "№ 123"), if any. */
	static @Nullable Long number(String q) {
		String digits = q.replaceFirst("^[#№]\\s*", "");
		return digits.matches("[0-9]{1,18}") ? Long.valueOf(digits) : null;
	}

	/** Whether the text names a listing by number only ("#123", "№ 123"). */
	static boolean onlyNumber(String q) {
		return q.matches("[#№]\\s*[0-9]{1,18}");
	}

	/**
	 * Up to {@code limit} listings in scope matching a text, for a search field's
	 * suggestions: the title and the listing's number, titles in order.
	 */
	@Transactional(readOnly = true)
	public List<Suggestion> suggest(CurrentUser user, @Nullable String q, int limit) {
		if (q == null || q.isBlank() || q.strip().length() > MAX_QUERY) {
			return List.of();
		}
		return list(user, new Filter(null, null, null, "title", 0, limit, null, q), Language.RU).items()
			.stream()
			.map(l -> new Suggestion(l.id(), l.title()))
			.toList();
	}

	/** A listing a search field suggests. */
	public record Suggestion(long id, String title) {
	}

}
