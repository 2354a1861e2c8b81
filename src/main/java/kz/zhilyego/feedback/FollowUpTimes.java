package kz.zhilyego.feedback;

import java.time.Duration;
import java.util.Optional;

import kz.zhilyego.trust.ResponseTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How fast a realtor follows up guests' feedback comments: the median time from a comment
 * to its resolution over the latest {@value #SAMPLE} resolved ones. One of the realtor
 * score's {@link ResponseTimes} sources (docs/platform.md "Scores").
 */
@Service
public class FollowUpTimes implements ResponseTimes {

	/** How many of the latest resolved follow-ups are looked at. */
	public static final int SAMPLE = 50;

	private final JdbcClient jdbc;

	FollowUpTimes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The median follow-up time; empty when the realtor has resolved none. */
	@Override
	@Transactional(readOnly = true)
	public Optional<Duration> median(long ownerId) {
		long seconds = this.jdbc.sql("""
				select cast(extract(epoch from percentile_cont(0.5) within group (order by waited)) as bigint)
				from (
				  select f.resolved_at - f.commented_at as waited
				  from feedback_requests f
				  where f.owner_id = :owner and f.resolved_at is not null and f.commented_at is not null
				  order by f.resolved_at desc, f.id desc
				  limit :sample
				) latest
				""").param("owner", ownerId).param("sample", SAMPLE).query((rs, n) -> {
			long value = rs.getLong(1);
			return rs.wasNull() ? -1L : value;
		}).single();
		return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
	}

}
