package kz.zhilyego.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.Instants;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback in the realtor's workspace: the guests' comments to follow up (open first, the
 * most urgent first; overdue past the 24-hour target), resolving one with a note, and the
 * numbers — response rate, average rating, distribution, open follow-ups — for a period,
 * in the caller's scope (own listings, the agency's, or all for the superuser).
 */
@Service
public class FollowUps {

	private final JdbcClient jdbc;

	private final AccessScopes scopes;

	private final BookingQueries bookings;

	private final Clock clock;

	FollowUps(JdbcClient jdbc, AccessScopes scopes, BookingQueries bookings, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.bookings = bookings;
		this.clock = clock;
	}

	/** A guest's comment and where its follow-up stands. */
	public record Item(long id, UUID bookingId, long listingId, String listingTitle, String guestName, int rating,
			String comment, Instant commentedAt, Instant dueAt, boolean overdue, @Nullable Instant resolvedAt,
			@Nullable String resolution) {
	}

	/**
	 * The feedback of a period (requests sent in it).
	 *
	 * @param responseRate rated / sent, percent (0 when nothing was sent)
	 * @param average mean rating, null without ratings
	 * @param distribution rating → count, 1 to 5
	 * @param openFollowUps comments not resolved yet (any period)
	 * @param overdueFollowUps of those, past the response target
	 */
	public record Stats(LocalDate from, LocalDate to, long requests, long responses, BigDecimal responseRate,
			@Nullable BigDecimal average, Map<Integer, Long> distribution, long openFollowUps, long overdueFollowUps) {
	}

	@Transactional(readOnly = true)
	public PageResult<Item> list(CurrentUser user, boolean openOnly, int page, int size) {
		AccessScope scope = staff(user);
		Map<String, Object> params = scopeParams(scope);
		params.put("open", openOnly);
		String where = """
				 where r.comment is not null and (:platform or r.owner_id in (:owners))
				   and (not :open or r.resolved_at is null)
				""";
		long total = this.jdbc.sql("select count(*) from feedback_requests r" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		Instant now = this.clock.instant();
		List<Item> items = new ArrayList<>();
		this.jdbc.sql("""
				select r.id, r.booking_id, r.listing_id, r.rating, r.comment, r.commented_at, r.follow_up_due_at,
				       r.resolved_at, r.resolution
				from feedback_requests r
				""" + where + """
				 order by (r.resolved_at is not null), r.follow_up_due_at, r.id
				 limit :limit offset :offset
				""").params(params).query((rs, n) -> {
			Timestamp resolved = rs.getTimestamp("resolved_at");
			Instant due = rs.getTimestamp("follow_up_due_at").toInstant();
			return new Item(rs.getLong("id"), rs.getObject("booking_id", UUID.class), rs.getLong("listing_id"), "", "",
					rs.getInt("rating"), rs.getString("comment"), rs.getTimestamp("commented_at").toInstant(), due,
					resolved == null && due.isBefore(now), resolved == null ? null : resolved.toInstant(),
					rs.getString("resolution"));
		}).list().forEach(item -> {
			BookingDetails booking = this.bookings.find(item.bookingId()).orElseThrow();
			items.add(new Item(item.id(), item.bookingId(), item.listingId(), booking.listingTitle(),
					booking.guestName(), item.rating(), item.comment(), item.commentedAt(), item.dueAt(),
					item.overdue(), item.resolvedAt(), item.resolution()));
		});
		return new PageResult<>(total, page, size, items);
	}

	@Transactional
	public void resolve(long id, @Nullable String note, CurrentUser user) {
		AccessScope scope = staff(user);
		String text = note == null ? "" : note.strip();
		if (text.length() > 1000) {
			throw ProblemException.invalidField("note", "feedback.followUp.note", 1000);
		}
		Long owner = this.jdbc
			.sql("select owner_id from feedback_requests where id = :id and comment is not null" + " for update")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (owner == null || !scope.coversListingOwner(owner)) {
			throw ProblemException.notFound("feedback.followUp.notFound");
		}
		this.jdbc.sql("""
				update feedback_requests set resolved_at = :now, resolved_by = :by, resolution = :note
				where id = :id and resolved_at is null
				""")
			.param("now", Instants.utc(this.clock.instant()))
			.param("by", user.id())
			.param("note", text.isEmpty() ? null : text)
			.param("id", id)
			.update();
	}

	@Transactional(readOnly = true)
	public Stats stats(CurrentUser user, LocalDate from, LocalDate to) {
		AccessScope scope = staff(user);
		if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
			throw ProblemException.invalidField("to", "feedback.stats.period");
		}
		Map<String, Object> params = scopeParams(scope);
		params.put("from", Instants.utc(from.atStartOfDay(Zones.KAZAKHSTAN).toInstant()));
		params.put("to", Instants.utc(to.plusDays(1).atStartOfDay(Zones.KAZAKHSTAN).toInstant()));
		params.put("now", Instants.utc(this.clock.instant()));
		Map<Integer, Long> distribution = new LinkedHashMap<>();
		for (int rating = 1; rating <= 5; rating++) {
			distribution.put(rating, 0L);
		}
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				select coalesce(r.rating, 0) as rating, count(*) as n
				from feedback_requests r
				where (:platform or r.owner_id in (:owners)) and r.sent_at >= :from and r.sent_at < :to
				group by coalesce(r.rating, 0)
				order by 1
				""")
			.params(params)
			.query((rs, n) -> new long[] { rs.getInt("rating"), rs.getLong("n") })
			.list()
			.forEach(row -> {
				distribution.computeIfPresent((int) row[0], (k, v) -> v + row[1]);
				counts.merge("requests", row[1], Long::sum);
			});
		long requests = counts.getOrDefault("requests", 0L);
		long responses = distribution.values().stream().mapToLong(Long::longValue).sum();
		long sum = distribution.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
		record Open(long open, long overdue) {
		}
		Open open = this.jdbc.sql("""
				select count(*) as open, count(*) filter (where r.follow_up_due_at < :now) as overdue
				from feedback_requests r
				where (:platform or r.owner_id in (:owners)) and r.comment is not null and r.resolved_at is null
				""").params(params).query((rs, n) -> new Open(rs.getLong("open"), rs.getLong("overdue"))).single();
		return new Stats(from, to, requests, responses,
				requests == 0 ? BigDecimal.ZERO
						: BigDecimal.valueOf(responses * 100)
							.divide(BigDecimal.valueOf(requests), 1, RoundingMode.HALF_UP),
				responses == 0 ? null
						: BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(responses), 2, RoundingMode.HALF_UP),
				distribution, open.open(), open.overdue());
	}

	private AccessScope staff(CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		if (!scope.isStaff()) {
			throw ProblemException.forbidden("realtor.staffOnly");
		}
		return scope;
	}

	private static Map<String, Object> scopeParams(AccessScope scope) {
		Map<String, Object> params = new HashMap<>();
		params.put("platform", scope.isPlatform());
		params.put("owners", scope.listingOwnerIds().isEmpty() ? List.of(-1L) : List.copyOf(scope.listingOwnerIds()));
		return params;
	}

}
