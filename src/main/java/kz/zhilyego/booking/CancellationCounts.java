package kz.zhilyego.booking;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many bookings were cancelled in a period, by {@link CancellationReason} (for the
 * daily metrics): bookings whose {@code cancelled_at} falls in [from, to). A cancellation
 * recorded without a reason counts as {@code UNSPECIFIED}. Every reason is in the map,
 * zero when none.
 */
@Service
public class CancellationCounts {

	/** The key of cancellations without a reason. */
	public static final String UNSPECIFIED = "UNSPECIFIED";

	private final JdbcClient jdbc;

	CancellationCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<String, Long> byReason(Instant from, Instant to) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (CancellationReason reason : CancellationReason.values()) {
			counts.put(reason.name(), 0L);
		}
		counts.put(UNSPECIFIED, 0L);
		this.jdbc.sql("""
				select coalesce(cancel_reason, :none) as reason, count(*) as n from bookings
				where status = 'CANCELLED' and cancelled_at >= :from and cancelled_at < :to
				group by 1 order by 1
				""")
			.param("none", UNSPECIFIED)
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> counts.merge(rs.getString("reason"), rs.getLong("n"), Long::sum))
			.list();
		return counts;
	}

}
