package kz.zhilyego.notification;

import java.time.Instant;
import java.util.Map;

import kz.zhilyego.common.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Enqueues messages the way a business transaction does, and reads outbox rows back. */
public final class NotificationFixtures {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Notifications notifications;

	public NotificationFixtures(JdbcClient jdbc, PlatformTransactionManager transactionManager,
			Notifications notifications) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.notifications = notifications;
	}

	/** A confirmation with the usual parameters. */
	public static OutgoingMessage.Builder confirmation(String bookingNumber, long guestId, Language language) {
		return OutgoingMessage.builder(NotificationKind.BOOKING_CONFIRMED_GUEST, "confirmed:" + bookingNumber)
			.recipient(guestId, language)
			.param("bookingId", bookingNumber)
			.param("listingTitle", "Студия у Байтерека")
			.param("address", "Астана, Есиль, ул. Сыганак 10, кв. 42")
			.param("checkIn", "12.12.2026")
			.param("checkOut", "15.12.2026")
			.param("nights", 3)
			.param("total", "54 000")
			.param("currency", "KZT")
			.param("realtorName", "Айгерим")
			.param("realtorPhone", "+77011234567")
			.param("bookingUrl", "http://localhost:8080/bookings/" + bookingNumber);
	}

	public boolean enqueue(OutgoingMessage message) {
		Boolean queued = this.transactions.execute(status -> this.notifications.enqueue(message));
		return Boolean.TRUE.equals(queued);
	}

	public Row row(String dedupKey) {
		return this.jdbc.sql("""
				select id, status, attempts, next_attempt_at, last_error, params::text as params, provider_message_id
				from notification_outbox where dedup_key = :key
				""")
			.param("key", dedupKey)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("status"), rs.getInt("attempts"),
					rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"), rs.getString("params"),
					rs.getString("provider_message_id")))
			.single();
	}

	/** Everything stored for a message, as text, to look for leaked secrets. */
	public String wholeRow(String dedupKey) {
		return this.jdbc.sql("select to_jsonb(o)::text from notification_outbox o where dedup_key = :key")
			.param("key", dedupKey)
			.query(String.class)
			.single();
	}

	public long waiting() {
		return this.jdbc.sql("select count(*) from notification_outbox where status in ('PENDING', 'SENDING')")
			.query(Long.class)
			.single();
	}

	public Map<String, Object> counts() {
		return Map.copyOf(this.jdbc.sql("select status, count(*) from notification_outbox group by status")
			.query((rs, n) -> Map.entry(rs.getString(1), (Object) rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	public record Row(long id, String status, int attempts, Instant nextAttemptAt, @Nullable String lastError,
			String params, @Nullable String providerMessageId) {

	}

}
