package kz.zhilyego.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.catalog.SearchSql;
import kz.zhilyego.common.Language;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the search and booking statements on the benchmark's
 * data: the old exact count next to the capped count (ADR 0004), the page query, and the
 * statements of a hold (listing lock, overlap check, occupancy insert; rolled back).
 */
final class Explain {

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	Explain(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	Map<String, List<String>> plans(LocalDate today, long listing, int countCap) {
		Map<String, List<String>> plans = new LinkedHashMap<>();
		SearchMix.Query typical = new SearchMix.Query(null, null, null, null, null, today.plusDays(30),
				today.plusDays(33), 2, null, null, List.of(), null, "price_asc", 0);
		SearchMix.Query narrow = new SearchMix.Query("esil", "business", null, 2, null, today.plusDays(60),
				today.plusDays(62), null, null, null, List.of("parking"), null, "rating", 0);
		SearchSql.Codes codes = SearchSql.codes(JdbcClient.create(this.jdbc));
		for (Map.Entry<String, SearchMix.Query> query : Map.of("typical", typical, "narrow", narrow).entrySet()) {
			SearchSql.Statements sql = SearchSql.of(query.getValue().criteria(), codes, Language.RU, countCap);
			String exact = sql.count()
				.replace("select count(*) from (", "")
				.replace("limit :countLimit\n) capped", "")
				.replaceFirst("select 1 from", "select count(*) from");
			plans.put("search " + query.getKey() + " (" + query.getValue().queryString() + "): exact count (before)",
					explain(exact, sql.params()));
			plans.put("search " + query.getKey() + ": capped count (after)", explain(sql.count(), sql.params()));
			plans.put("search " + query.getKey() + ": page ids", explain(sql.ids(), sql.params()));
			List<Long> ids = this.jdbc.queryForList(sql.ids(), sql.params(), Long.class);
			if (!ids.isEmpty()) {
				plans.put("search " + query.getKey() + ": page details",
						explain(sql.details(), sql.details(ids.subList(0, Math.min(ids.size(), 20)))));
			}
		}
		Map<String, Object> hold = Map.of("listing", listing, "from", today.plusDays(500), "to", today.plusDays(503));
		this.transactions.executeWithoutResult(status -> {
			plans.put("hold: lock listing", explain(
					"select id, owner_id, price_per_night from listings" + " where id = :listing for update", hold));
			plans.put("hold: overlap check", explain("select exists (select 1 from occupancies"
					+ " where listing_id = :listing and period && daterange(:from, :to))", hold));
			Long block = this.jdbc.queryForObject("""
					insert into listing_blocks (listing_id, period, reason, created_by, created_at)
					select id, daterange(:from, :to), 'OTHER', owner_id, now() from listings where id = :listing
					returning id
					""", hold, Long.class);
			Map<String, Object> insert = new LinkedHashMap<>(hold);
			insert.put("block", block);
			plans.put("hold: occupancy insert (exclusion constraint check)",
					explain("insert into occupancies (listing_id, period, kind, block_id)"
							+ " values (:listing, daterange(:from, :to), 'BLOCK', :block)", insert));
			status.setRollbackOnly();
		});
		plans.put("card: occupied dates of a listing", explain("""
				select lower(period), upper(period) from occupancies
				where listing_id = :listing and period && daterange(:from, :to) order by lower(period)
				""", Map.of("listing", listing, "from", today, "to", today.plusDays(365))));
		return plans;
	}

	private List<String> explain(String sql, Map<String, ?> params) {
		return this.jdbc.queryForList("explain (analyze, buffers, costs off) " + sql, params, String.class);
	}

}
