package kz.zhilyego.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Realtors' per-night prices that override a listing's nightly price. */
@Repository
class NightPrices {

	private final JdbcClient jdbc;

	NightPrices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Overrides inside the stay, by listing and night. */
	Map<Long, Map<LocalDate, Money>> overrides(Collection<Long> listingIds, Stay stay) {
		Map<Long, Map<LocalDate, Money>> result = new HashMap<>();
		if (listingIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql("""
				select p.listing_id, p.night, p.price, l.currency
				from listing_night_prices p join listings l on l.id = p.listing_id
				where p.listing_id in (:ids) and p.night >= :from and p.night < :to
				""")
			.param("ids", List.copyOf(listingIds))
			.param("from", stay.checkIn())
			.param("to", stay.checkOut())
			.query((rs, n) -> {
				result.computeIfAbsent(rs.getLong("listing_id"), id -> new HashMap<>())
					.put(rs.getObject("night", LocalDate.class),
							new Money(rs.getBigDecimal("price"), rs.getString("currency")));
				return null;
			})
			.list();
		return result;
	}

}
