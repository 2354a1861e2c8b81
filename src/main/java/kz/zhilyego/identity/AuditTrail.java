package kz.zhilyego.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.Zones;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log and the access-code reveal log with filters (actor, action,
 * subject, Astana days), newest first, for the superuser's pages, their CSV exports and a
 * user's activity history. Callers check the role.
 */
@Service
public class AuditTrail {

	/** Most rows one export writes. */
	public static final int EXPORT_LIMIT = 50_000;

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every field optional. {@code action} matches exactly, or as a prefix when it ends
	 * with {@code *} ({@code login.*}); {@code from}/{@code to} are inclusive Astana
	 * days. {@code involving}: entries by the user or about the user.
	 */
	public record Filter(@Nullable Long actor, @Nullable String action, @Nullable String subjectType,
			@Nullable String subjectId, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long involving) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null, null);
		}

	}

	/** An audit entry with the actor's name. */
	public record Entry(long id, Instant at, @Nullable Long actorId, @Nullable String actorName, String action,
			@Nullable String subjectType, @Nullable String subjectId, String details) {
	}

	/** A logged reveal of access codes. */
	public record Reveal(long id, Instant at, long listingId, @Nullable String listingTitle, @Nullable UUID bookingId,
			long actorId, @Nullable String actorName, String audience, String channel) {
	}

	/** Filters of the reveal log, every one optional. */
	public record RevealFilter(@Nullable Long actor, @Nullable Long listing, @Nullable String audience,
			@Nullable LocalDate from, @Nullable LocalDate to) {
	}

	private static final String WHERE = """
			 where (cast(:actor as bigint) is null or a.actor_id = :actor)
			   and (cast(:action as text) is null or a.action = :action
			        or (right(:action, 1) = '*' and a.action like rtrim(:action, '*') || '%'))
			   and (cast(:subjectType as text) is null or a.subject_type = :subjectType)
			   and (cast(:subjectId as text) is null or a.subject_id = :subjectId)
			   and (cast(:fromAt as timestamptz) is null or a.at >= :fromAt)
			   and (cast(:toAt as timestamptz) is null or a.at < :toAt)
			   and (cast(:involving as bigint) is null or a.actor_id = :involving
			        or (a.subject_type = 'user' and a.subject_id = cast(:involving as text)))
			""";

	@Transactional(readOnly = true)
	public PageResult<Entry> search(Filter filter, int page, int size) {
		Map<String, Object> p = params(filter);
		long total = this.jdbc.sql("select count(*) from audit_log a" + WHERE).params(p).query(Long.class).single();
		return new PageResult<>(total, page, size, entries(p, size, (long) page * size));
	}

	/** At most {@link #EXPORT_LIMIT} entries, newest first (the CSV export). */
	@Transactional(readOnly = true)
	public List<Entry> export(Filter filter) {
		return entries(params(filter), EXPORT_LIMIT, 0);
	}

	private List<Entry> entries(Map<String, Object> p, int limit, long offset) {
		return this.jdbc.sql("""
				select a.*, u.name as actor_name from audit_log a left join users u on u.id = a.actor_id
				""" + WHERE + " order by a.at desc, a.id desc limit :limit offset :offset")
			.params(p)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Entry(rs.getLong("id"), Instants.read(rs, "at"), rs.getObject("actor_id", Long.class),
					rs.getString("actor_name"), rs.getString("action"), rs.getString("subject_type"),
					rs.getString("subject_id"), rs.getString("details")))
			.list();
	}

	private static final String REVEALS_WHERE = """
			 where (cast(:actor as bigint) is null or r.actor_id = :actor)
			   and (cast(:listing as bigint) is null or r.listing_id = :listing)
			   and (cast(:audience as text) is null or r.audience = :audience)
			   and (cast(:fromAt as timestamptz) is null or r.at >= :fromAt)
			   and (cast(:toAt as timestamptz) is null or r.at < :toAt)
			""";

	@Transactional(readOnly = true)
	public PageResult<Reveal> reveals(RevealFilter filter, int page, int size) {
		Map<String, Object> p = params(filter);
		long total = this.jdbc.sql("select count(*) from access_code_reveals r" + REVEALS_WHERE)
			.params(p)
			.query(Long.class)
			.single();
		return new PageResult<>(total, page, size, reveals(p, size, (long) page * size));
	}

	@Transactional(readOnly = true)
	public List<Reveal> exportReveals(RevealFilter filter) {
		return reveals(params(filter), EXPORT_LIMIT, 0);
	}

	private List<Reveal> reveals(Map<String, Object> p, int limit, long offset) {
		return this.jdbc.sql("""
				select r.*, l.title, u.name as actor_name from access_code_reveals r
				left join listing_facts l on l.id = r.listing_id left join users u on u.id = r.actor_id
				""" + REVEALS_WHERE + " order by r.at desc, r.id desc limit :limit offset :offset")
			.params(p)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Reveal(rs.getLong("id"), Instants.read(rs, "at"), rs.getLong("listing_id"),
					rs.getString("title"), rs.getObject("booking_id", UUID.class), rs.getLong("actor_id"),
					rs.getString("actor_name"), rs.getString("audience"), rs.getString("channel")))
			.list();
	}

	private static Map<String, Object> params(Filter f) {
		Map<String, Object> p = new HashMap<>();
		p.put("actor", f.actor());
		p.put("action", blank(f.action()));
		p.put("subjectType", blank(f.subjectType()));
		p.put("subjectId", blank(f.subjectId()));
		p.put("involving", f.involving());
		period(p, f.from(), f.to());
		return p;
	}

	private static Map<String, Object> params(RevealFilter f) {
		Map<String, Object> p = new HashMap<>();
		p.put("actor", f.actor());
		p.put("listing", f.listing());
		p.put("audience", blank(f.audience()));
		period(p, f.from(), f.to());
		return p;
	}

	private static void period(Map<String, Object> p, @Nullable LocalDate from, @Nullable LocalDate to) {
		p.put("fromAt", from == null ? null : from.atStartOfDay(Zones.KAZAKHSTAN).toOffsetDateTime());
		p.put("toAt", to == null ? null : to.plusDays(1).atStartOfDay(Zones.KAZAKHSTAN).toOffsetDateTime());
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
