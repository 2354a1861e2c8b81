package kz.zhilyego.payment.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static kz.zhilyego.payment.internal.Sql.utc;

/**
 * Raw provider callbacks. A provider event id is stored once; a replay finds it taken.
 */
@Repository
public class PaymentEvents {

	private final JdbcClient jdbc;

	PaymentEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a verified event; empty when this provider event was stored before. */
	public Optional<Long> storeOnce(String provider, String eventId, UUID paymentId, String type, String rawBody,
			Instant now) {
		return this.jdbc.sql("""
				insert into payment_events (provider, provider_event_id, payment_id, event_type, raw_body,
				    signature_valid, received_at)
				values (:provider, :eventId, :payment, :type, :raw, true, :now)
				on conflict (provider, provider_event_id) do nothing
				returning id
				""")
			.param("provider", provider)
			.param("eventId", eventId)
			.param("payment", paymentId)
			.param("type", type)
			.param("raw", rawBody)
			.param("now", utc(now))
			.query(Long.class)
			.optional();
	}

	/** Keeps a rejected callback for audit: no event id, never processed. */
	public void storeRejected(String provider, String rawBody, Instant now) {
		this.jdbc.sql("""
				insert into payment_events (provider, raw_body, signature_valid, received_at)
				values (:provider, :raw, false, :now)
				""").param("provider", provider).param("raw", rawBody).param("now", utc(now)).update();
	}

	public void markProcessed(long id, Instant now) {
		this.jdbc.sql("update payment_events set processed_at = :now where id = :id")
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

}
