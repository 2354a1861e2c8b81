package kz.zhilyego.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform record: stores an event once (its key), lists them for the superuser (by
 * type, subject, time) and for one subject's timeline. Reads are for staff pages whose
 * callers check the role; the record itself holds no secrets (payloads carry ids and
 * codes).
 */
@Service
public class PlatformEvents {

	/** Largest page of the admin list. */
	public static final int MAX_SIZE = 200;

	private static final Pattern TYPE = Pattern.compile("[a-z_]+(\\.[a-z_]+)*");

	private static final Pattern SUBJECT = Pattern.compile("([a-z_]+)(:([A-Za-z0-9-]{1,64}))?");

	private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final ApplicationEventPublisher publisher;

	private final List<PlatformEventInterest> interests;

	PlatformEvents(JdbcClient jdbc, Clock clock, JsonMapper json, ApplicationEventPublisher publisher,
			List<PlatformEventInterest> interests) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.publisher = publisher;
		this.interests = List.copyOf(interests);
	}

	/**
	 * Stores {@code event} in the caller's transaction (or in one of its own when there
	 * is none) unless its key is stored already; announces a new row with
	 * {@link PlatformEventRecorded}, which its listeners get after the commit, when a
	 * {@link PlatformEventInterest} wants its type.
	 * @return the new row's id, empty when the key was there
	 */
	@Transactional
	public Optional<Long> record(PlatformEvent event) {
		Optional<Long> id = this.jdbc
			.sql("""
					insert into platform_events (event_key, type, actor_id, subject_type, subject_id, payload, occurred_at)
					values (case when :perTx then :key || ':tx' || cast(pg_current_xact_id() as text) else :key end, :type, :actor, :subjectType, :subjectId, cast(:payload as jsonb), :at)
					on conflict (event_key) do nothing
					returning id
					""")
			.param("key", event.key())
			.param("perTx", event.perTransaction())
			.param("type", event.type())
			.param("actor", event.actorId())
			.param("subjectType", event.subjectType())
			.param("subjectId", event.subjectId())
			.param("payload", this.json.writeValueAsString(event.payload()))
			.param("at", Instants.utc(this.clock.instant()))
			.query(Long.class)
			.optional();
		if (id.isPresent() && wanted(event.type())) {
			this.publisher.publishEvent(
					new PlatformEventRecorded(id.get(), event.type(), event.subjectType(), event.subjectId()));
		}
		return id;
	}

	private boolean wanted(String type) {
		for (PlatformEventInterest interest : this.interests) {
			if (interest.wants(type)) {
				return true;
			}
		}
		return false;
	}

	/** The filter of the admin list; every part optional. */
	public record Filter(@Nullable String type, @Nullable String subject, @Nullable Instant from,
			@Nullable Instant to) {
	}

	/**
	 * Newest first. {@code type} is exact or a prefix ending in a dot ({@code booking.});
	 * {@code subject} is {@code booking} or {@code booking:<id>}.
	 * @throws ProblemException 400 naming the bad parameter
	 */
	@Transactional(readOnly = true)
	public PageResult<RecordedEvent> search(Filter filter, int page, int size) {
		if (page < 0) {
			throw ProblemException.invalidField("page", "events.page.invalid");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ProblemException.invalidField("size", "events.size.invalid", MAX_SIZE);
		}
		StringBuilder where = new StringBuilder("where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.type() != null && !filter.type().isBlank()) {
			String type = filter.type().strip();
			boolean prefix = type.endsWith(".");
			if (type.length() > 80 || !TYPE.matcher(prefix ? type.substring(0, type.length() - 1) : type).matches()) {
				throw ProblemException.invalidField("type", "events.type.invalid");
			}
			where.append(prefix ? " and starts_with(type, :type)" : " and type = :type");
			params.put("type", type);
		}
		if (filter.subject() != null && !filter.subject().isBlank()) {
			var matcher = SUBJECT.matcher(filter.subject().strip());
			if (!matcher.matches()) {
				throw ProblemException.invalidField("subject", "events.subject.invalid");
			}
			where.append(" and subject_type = :subjectType");
			params.put("subjectType", matcher.group(1));
			if (matcher.group(3) != null) {
				where.append(" and subject_id = :subjectId");
				params.put("subjectId", matcher.group(3));
			}
		}
		if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
			throw ProblemException.invalidField("to", "events.period.invalid");
		}
		if (filter.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", Instants.utc(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < :to");
			params.put("to", Instants.utc(filter.to()));
		}
		long total = this.jdbc.sql("select count(*) from platform_events " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<RecordedEvent> items = this.jdbc
			.sql("select * from platform_events " + where
					+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::row)
			.list();
		return new PageResult<>(total, page, size, items);
	}

	/** One subject's events, oldest first (a booking's timeline). */
	@Transactional(readOnly = true)
	public List<RecordedEvent> timeline(String subjectType, String subjectId) {
		return this.jdbc.sql("""
				select * from platform_events
				where subject_type = :subjectType and subject_id = :subjectId
				order by occurred_at, id
				limit 500
				""").param("subjectType", subjectType).param("subjectId", subjectId).query(this::row).list();
	}

	/** The events of a booking and of its payments (whose payloads name the booking). */
	@Transactional(readOnly = true)
	public List<RecordedEvent> bookingTimeline(String bookingId) {
		return this.jdbc.sql("""
				select * from platform_events
				where (subject_type = 'booking' and subject_id = :id) or payload ->> 'bookingId' = :id
				order by occurred_at, id
				limit 500
				""").param("id", bookingId).query(this::row).list();
	}

	@Transactional(readOnly = true)
	public Optional<RecordedEvent> find(long id) {
		return this.jdbc.sql("select * from platform_events where id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	/** The last {@code count} events, oldest first (dry-runs and replays). */
	@Transactional(readOnly = true)
	public List<RecordedEvent> last(int count) {
		List<RecordedEvent> newest = this.jdbc.sql("select * from platform_events order by id desc limit :count")
			.param("count", count)
			.query(this::row)
			.list();
		List<RecordedEvent> oldestFirst = new ArrayList<>(newest);
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	private RecordedEvent row(ResultSet rs, int n) throws SQLException {
		long actor = rs.getLong("actor_id");
		Long actorId = rs.wasNull() ? null : actor;
		return new RecordedEvent(rs.getLong("id"), rs.getString("type"), actorId, rs.getString("subject_type"),
				rs.getString("subject_id"), this.json.readValue(rs.getString("payload"), MAP),
				Instants.read(rs, "occurred_at"));
	}

	/**
	 * A {@code from}/{@code to} parameter: an ISO instant ({@code 2026-12-01T10:00:00Z})
	 * or a date in Kazakhstan; a date as {@code to} means the end of that day.
	 * @throws ProblemException 400 naming {@code field}
	 */
	public static @Nullable Instant instant(String field, @Nullable String value, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			if (text.length() == 10) {
				java.time.LocalDate date = java.time.LocalDate.parse(text);
				return (endOfDay ? date.plusDays(1) : date).atStartOfDay(kz.zhilyego.common.Zones.KAZAKHSTAN)
					.toInstant();
			}
			return java.time.OffsetDateTime.parse(text).toInstant();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw ProblemException.invalidField(field, "events.time.invalid");
		}
	}

	/** A page or size parameter. @throws ProblemException 400 naming {@code field} */
	public static int number(String field, @Nullable String value, int fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw ProblemException.invalidField(field, "events." + field + ".invalid", MAX_SIZE);
		}
	}

}
