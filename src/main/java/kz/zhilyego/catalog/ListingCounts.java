package kz.zhilyego.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many listings were created, by month (the platform's growth figures): listings
 * whose {@code created_at} falls in [from, to), by the month it falls in, in a zone. The
 * other facts of a listing that reports count (owner, status) are in the published view
 * {@code listing_facts} (ADR 0003).
 */
@Service
public class ListingCounts {

	private final JdbcClient jdbc;

	ListingCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Listings created in [from, to) by the first day of their month in {@code zone};
	 * months without any are left out.
	 * @param ownerIds only the listings of these owners; null for every listing
	 */
	@Transactional(readOnly = true)
	public Map<LocalDate, Long> createdByMonth(Instant from, Instant to, ZoneId zone,
			@Nullable Collection<Long> ownerIds) {
		Map<LocalDate, Long> months = new HashMap<>();
		if (ownerIds != null && ownerIds.isEmpty()) {
			return months;
		}
		this.jdbc.sql("""
				select cast(date_trunc('month', created_at at time zone :zone) as date) as month, count(*) as n
				from listings
				where created_at >= :from and created_at < :to and (:all or owner_id in (:owners))
				group by 1
				""")
			.param("zone", zone.getId())
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.param("all", ownerIds == null)
			.param("owners", ownerIds == null ? List.of(-1L) : List.copyOf(ownerIds))
			.query((rs, n) -> months.put(rs.getObject("month", LocalDate.class), rs.getLong("n")))
			.list();
		return months;
	}

}
