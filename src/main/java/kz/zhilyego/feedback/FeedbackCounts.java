package kz.zhilyego.feedback;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The feedback requests of a period (for the daily metrics): requests sent in [from, to)
 * and how many of them the guest has rated (so far).
 */
@Service
public class FeedbackCounts {

	/** Requests sent in a period and those of them answered with a rating. */
	public record Answers(long requested, long rated) {
	}

	private final JdbcClient jdbc;

	FeedbackCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Answers sent(Instant from, Instant to) {
		return this.jdbc.sql("""
				select count(*) as requested, count(*) filter (where rated_at is not null) as rated
				from feedback_requests where sent_at >= :from and sent_at < :to
				""")
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Answers(rs.getLong("requested"), rs.getLong("rated")))
			.single();
	}

}
