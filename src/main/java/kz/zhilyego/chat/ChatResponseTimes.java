package kz.zhilyego.chat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How fast a realtor answers in chat, for the realtor score: per booking, the time from
 * the guest's first message in the period to the realtor's first message after it,
 * averaged over the bookings. A question still unanswered does not count (it has no time
 * yet); deleted messages count (they were seen).
 */
@Service
public class ChatResponseTimes {

	private final JdbcClient jdbc;

	ChatResponseTimes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The realtor's average first-response time for guests' first messages in
	 * {@code [from, to)}; empty when no such message was answered.
	 */
	@Transactional(readOnly = true)
	public Optional<Duration> averageFirstResponse(long realtorId, Instant from, Instant to) {
		java.util.List<Optional<Double>> rows = this.jdbc.sql("""
				with asked as (
				    select c.booking_id, min(m.created_at) as at
				    from booking_chats c
				    join booking_chat_messages m on m.booking_id = c.booking_id and m.author_side = 'GUEST'
				    where c.realtor_id = :realtor and m.created_at >= :from and m.created_at < :to
				    group by c.booking_id
				)
				select extract(epoch from avg(answered.at - asked.at))
				from asked
				cross join lateral (
				    select min(r.created_at) as at from booking_chat_messages r
				    where r.booking_id = asked.booking_id and r.author_side = 'REALTOR' and r.created_at >= asked.at
				) answered
				where answered.at is not null
				""")
			.param("realtor", realtorId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> {
				double value = rs.getDouble(1);
				return rs.wasNull() ? Optional.<Double>empty() : Optional.of(value);
			})
			.list();
		return rows.stream()
			.flatMap(Optional::stream)
			.findFirst()
			.map(seconds -> Duration.ofMillis(Math.round(seconds * 1000)));
	}

}
