package kz.zhilyego.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import kz.zhilyego.common.Instants;
import kz.zhilyego.trust.ResponseTimes;
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
public class ChatResponseTimes implements ResponseTimes {

	/** How far back {@link #median} looks. */
	static final Duration WINDOW = Duration.ofDays(90);

	private final JdbcClient jdbc;

	private final Clock clock;

	ChatResponseTimes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The realtor score's chat source: the median first-response time over the last
	 * {@link #WINDOW}; empty when nothing was answered.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<Duration> median(long realtorId) {
		Instant now = this.clock.instant();
		return firstResponse("percentile_cont(0.5) within group (order by answered.at - asked.at)", realtorId,
				now.minus(WINDOW), now);
	}

	/**
	 * The realtor's average first-response time for guests' first messages in
	 * {@code [from, to)}; empty when no such message was answered.
	 */
	@Transactional(readOnly = true)
	public Optional<Duration> averageFirstResponse(long realtorId, Instant from, Instant to) {
		return firstResponse("avg(answered.at - asked.at)", realtorId, from, to);
	}

	private Optional<Duration> firstResponse(String aggregate, long realtorId, Instant from, Instant to) {
		java.util.List<Optional<Double>> rows = this.jdbc.sql("""
				with asked as (
				    select c.booking_id, min(m.created_at) as at
				    from booking_chats c
				    join booking_chat_messages m on m.booking_id = c.booking_id and m.author_side = 'GUEST'
				    where c.realtor_id = :realtor and m.created_at >= :from and m.created_at < :to
				    group by c.booking_id
				)
				select extract(epoch from %s)
				from asked
				cross join lateral (
				    select min(r.created_at) as at from booking_chat_messages r
				    where r.booking_id = asked.booking_id and r.author_side = 'REALTOR' and r.created_at >= asked.at
				) answered
				where answered.at is not null
				""".formatted(aggregate))
			.param("realtor", realtorId)
			.param("from", Instants.utc(from))
			.param("to", Instants.utc(to))
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
