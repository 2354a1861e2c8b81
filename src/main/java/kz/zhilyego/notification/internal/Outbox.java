package kz.zhilyego.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.RequestIds;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.DeadMessage;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.OutgoingMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code notification_outbox} table. Claims use {@code FOR UPDATE SKIP LOCKED}, so
 * any number of dispatchers on any number of nodes share the queue without sending a
 * message twice while its lease holds; every completion is guarded by the claim's attempt
 * count.
 */
@Repository
public class Outbox {

	private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final org.springframework.context.@org.jspecify.annotations.Nullable ApplicationEventPublisher events;

	public Outbox(JdbcClient jdbc, Clock clock) {
		this(jdbc, clock, null);
	}

	@org.springframework.beans.factory.annotation.Autowired
	public Outbox(JdbcClient jdbc, Clock clock,
			org.springframework.context.@org.jspecify.annotations.Nullable ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = JsonMapper.builder().build();
	}

	/** Inserts unless the dedup key exists; returns whether a row was written. */
	boolean insert(OutgoingMessage message, boolean skipped) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				insert into notification_outbox
				    (kind, channel, recipient_user_id, address, language, params, secret_ref, dedup_key,
				     status, next_attempt_at, last_error, created_at, request_id, booking_id)
				values (:kind, :channel, :recipient, :address, :language, cast(:params as jsonb), :secretRef, :dedupKey,
				        :status, :now, :lastError, :now, :requestId, :bookingId)
				on conflict (dedup_key) do nothing
				""")
			.param("kind", message.kind().name())
			.param("channel", message.channel().name())
			.param("recipient", message.recipientUserId())
			.param("address", message.address())
			.param("language", message.language().code())
			.param("params", this.json.writeValueAsString(message.params()))
			.param("secretRef", message.secretRef())
			.param("dedupKey", message.dedupKey())
			.param("status", skipped ? "SKIPPED" : "PENDING")
			.param("lastError", skipped ? "disabled in the recipient's notification settings" : null)
			.param("now", Instants.utc(now))
			.param("requestId", RequestIds.current())
			.param("bookingId", message.bookingId())
			.update() == 1;
	}

	/**
	 * Claims up to {@code limit} due messages (PENDING and due, or SENDING with an
	 * expired lease): marks them SENDING until now + lease and counts the attempt. Run it
	 * in its own short transaction; send after it committed.
	 */
	List<OutboxMessage> claim(int limit, Duration lease) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				with due as (
				    select id from notification_outbox
				    where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
				    order by next_attempt_at, id
				    limit :limit
				    for update skip locked
				)
				update notification_outbox o
				set status = 'SENDING', attempts = o.attempts + 1, next_attempt_at = :leaseUntil
				from due
				where o.id = due.id
				returning o.id, o.kind, o.channel, o.recipient_user_id, o.address, o.language, o.params::text as params,
				          o.secret_ref, o.attempts, o.created_at, o.request_id
				""")
			.param("now", Instants.utc(now))
			.param("limit", limit)
			.param("leaseUntil", Instants.utc(now.plus(lease)))
			.query(this::claimed)
			.list()
			.stream()
			.sorted(java.util.Comparator.comparingLong(OutboxMessage::id))
			.toList();
	}

	boolean markSent(OutboxMessage message, @Nullable String providerMessageId) {
		boolean sent = this.jdbc.sql("""
				update notification_outbox
				set status = 'SENT', sent_at = :now, provider_message_id = :providerId, last_error = null
				where id = :id and status = 'SENDING' and attempts = :attempts
				""")
			.param("now", Instants.utc(this.clock.instant()))
			.param("providerId", providerMessageId)
			.param("id", message.id())
			.param("attempts", message.attempts())
			.update() == 1;
		if (sent && this.events != null) {
			this.events.publishEvent(new kz.zhilyego.notification.MessageDelivered(message.id(), message.kind().name(),
					message.channel().name(), message.recipientUserId(), true, null));
		}
		return sent;
	}

	/**
	 * Back to PENDING at {@code at}; {@code countAttempt=false} gives the attempt back.
	 */
	boolean reschedule(OutboxMessage message, Instant at, String error, boolean countAttempt) {
		return this.jdbc.sql("""
				update notification_outbox
				set status = 'PENDING', next_attempt_at = :at, last_error = :error,
				    attempts = case when :countAttempt then attempts else greatest(attempts - 1, 0) end
				where id = :id and status = 'SENDING' and attempts = :attempts
				""")
			.param("at", Instants.utc(at))
			.param("error", error)
			.param("countAttempt", countAttempt)
			.param("id", message.id())
			.param("attempts", message.attempts())
			.update() == 1;
	}

	/** Final state DEAD (for a human) or SKIPPED (nothing to do). */
	boolean park(OutboxMessage message, String status, String error) {
		boolean parked = this.jdbc.sql("""
				update notification_outbox
				set status = :status, last_error = :error
				where id = :id and status = 'SENDING' and attempts = :attempts
				""")
			.param("status", status)
			.param("error", error)
			.param("id", message.id())
			.param("attempts", message.attempts())
			.update() == 1;
		if (parked && "DEAD".equals(status) && this.events != null) {
			this.events.publishEvent(new kz.zhilyego.notification.MessageDelivered(message.id(), message.kind().name(),
					message.channel().name(), message.recipientUserId(), false, error));
		}
		return parked;
	}

	PageResult<DeadMessage> dead(int page, int size) {
		long total = this.jdbc.sql("select count(*) from notification_outbox where status = 'DEAD'")
			.query(Long.class)
			.single();
		List<DeadMessage> items = this.jdbc.sql("""
				select id, kind, channel, recipient_user_id, address, attempts, last_error, created_at
				from notification_outbox
				where status = 'DEAD'
				order by created_at desc, id desc
				limit :size offset :offset
				""")
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new DeadMessage(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
					Channel.valueOf(rs.getString("channel")), nullableLong(rs, "recipient_user_id"),
					rs.getString("address"), rs.getInt("attempts"), rs.getString("last_error"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
		return new PageResult<>(total, page, size, items);
	}

	boolean retryDead(long id) {
		return this.jdbc.sql("""
				update notification_outbox
				set status = 'PENDING', attempts = 0, next_attempt_at = :now
				where id = :id and status = 'DEAD'
				""").param("now", Instants.utc(this.clock.instant())).param("id", id).update() == 1;
	}

	/** Age of the oldest message waiting to be sent, or zero. */
	Duration oldestPendingAge() {
		List<Timestamp> oldest = this.jdbc.sql("""
				select min(created_at) from notification_outbox where status in ('PENDING', 'SENDING')
				""").query((rs, row) -> rs.getTimestamp(1)).list();
		if (oldest.isEmpty() || oldest.get(0) == null) {
			return Duration.ZERO;
		}
		Duration age = Duration.between(oldest.get(0).toInstant(), this.clock.instant());
		return age.isNegative() ? Duration.ZERO : age;
	}

	private OutboxMessage claimed(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
				Channel.valueOf(rs.getString("channel")), nullableLong(rs, "recipient_user_id"),
				rs.getString("address"), Language.ofCode(rs.getString("language")),
				this.json.readValue(rs.getString("params"), PARAMS), rs.getString("secret_ref"), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("request_id"));
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
