package kz.zhilyego.payment.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static kz.zhilyego.payment.internal.Sql.utc;

/**
 * The repository of raw provider callbacks (table {@code payment_events}): a provider
 * event id is stored once, a replay finds it taken; callbacks with a bad signature are
 * kept bounded and purged.
 */
@Repository
public class ProviderCallbacks {

	private final JdbcClient jdbc;

	ProviderCallbacks(JdbcClient jdbc) {
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

	/**
	 * Keeps a rejected callback for audit: no event id, never processed; at most
	 * {@code maxBytes} of its body (UTF-8, whole characters) and the size that arrived.
	 */
	public void storeRejected(String provider, byte[] body, int maxBytes, Instant now) {
		this.jdbc.sql("""
				insert into payment_events (provider, raw_body, body_size, signature_valid, received_at)
				values (:provider, :raw, :size, false, :now)
				""")
			.param("provider", provider)
			.param("raw", prefix(body, maxBytes))
			.param("size", body.length)
			.param("now", utc(now))
			.update();
	}

	/**
	 * Deletes up to {@code limit} rejected callbacks received before {@code cutoff},
	 * oldest first; returns how many.
	 */
	public int purgeRejected(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				delete from payment_events
				where id in (select id from payment_events
				             where not signature_valid and received_at < :cutoff
				             order by received_at, id limit :limit)
				""").param("cutoff", utc(cutoff)).param("limit", limit).update();
	}

	/**
	 * The longest prefix of the body, decoded as UTF-8, whose UTF-8 form fits in
	 * {@code maxBytes}. NUL (which PostgreSQL text cannot hold) becomes U+FFFD.
	 */
	static String prefix(byte[] body, int maxBytes) {
		String text = new String(body, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
		StringBuilder kept = new StringBuilder();
		int bytes = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
			if (bytes + size > maxBytes) {
				break;
			}
			kept.appendCodePoint(codePoint);
			bytes += size;
			i += Character.charCount(codePoint);
		}
		return kept.toString();
	}

	public void markProcessed(long id, Instant now) {
		this.jdbc.sql("update payment_events set processed_at = :now where id = :id")
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

}
