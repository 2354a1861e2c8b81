package kz.zhilyego.notification;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The outbox's messages of a period (for the daily metrics): of the messages enqueued in
 * [from, to), over every channel, how many were sent and how many failed for good (DEAD,
 * waiting for a person). Messages still waiting or skipped are in neither.
 */
@Service
public class MessageCounts {

	/** Messages of a period by outcome. */
	public record Outcomes(long sent, long failed) {
	}

	private final JdbcClient jdbc;

	MessageCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Outcomes enqueued(Instant from, Instant to) {
		return this.jdbc
			.sql("""
					select count(*) filter (where status = 'SENT') as sent, count(*) filter (where status = 'DEAD') as failed
					from notification_outbox where created_at >= :from and created_at < :to
					""")
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Outcomes(rs.getLong("sent"), rs.getLong("failed")))
			.single();
	}

}
