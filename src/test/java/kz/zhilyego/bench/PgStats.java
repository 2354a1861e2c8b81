package kz.zhilyego.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statement counts of one measured window from {@code pg_stat_statements} (only with
 * {@code -Dbench.pg-stats=true}, which preloads the extension in the embedded server):
 * reset at the start, then the statements of the window by total execution time, with
 * calls per operation. Off, it does nothing and reports nothing.
 */
final class PgStats {

	private final JdbcClient jdbc;

	private final boolean enabled;

	private final long commitsBefore;

	private PgStats(JdbcClient jdbc, boolean enabled, long commitsBefore) {
		this.jdbc = jdbc;
		this.enabled = enabled;
		this.commitsBefore = commitsBefore;
	}

	static PgStats start(JdbcClient jdbc, boolean enabled) {
		if (!enabled) {
			return new PgStats(jdbc, false, 0);
		}
		jdbc.sql("create extension if not exists pg_stat_statements").update();
		jdbc.sql("select pg_stat_statements_reset()").query().singleValue();
		return new PgStats(jdbc, true, commits(jdbc));
	}

	private static long commits(JdbcClient jdbc) {
		return jdbc.sql("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")
			.query(Long.class)
			.single();
	}

	/**
	 * The window's statements (excluding this class's own), {@code operations} being how
	 * many holds (or requests) the window completed.
	 */
	Map<String, Object> report(long operations) {
		Map<String, Object> report = new LinkedHashMap<>();
		if (!this.enabled) {
			return report;
		}
		// pg_stat_database is updated when a backend reports, so this is approximate
		long transactions = commits(this.jdbc) - this.commitsBefore;
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select calls, round(total_exec_time::numeric, 1) as total_ms,
				       round(mean_exec_time::numeric, 3) as mean_ms, rows,
				       regexp_replace(left(query, 160), '\\s+', ' ', 'g') as query
				from pg_stat_statements
				where dbid = (select oid from pg_database where datname = current_database())
				  and query not like '%pg_stat%' and query not like '%xact_commit%'
				order by calls desc, total_exec_time desc
				limit 40
				""").query().listOfRows();
		long calls = rows.stream().mapToLong(r -> ((Number) r.get("calls")).longValue()).sum();
		double ms = rows.stream().mapToDouble(r -> ((Number) r.get("total_ms")).doubleValue()).sum();
		report.put("operations", operations);
		report.put("statements", calls);
		report.put("statementsPerOperation", operations == 0 ? 0 : Load.round((double) calls / operations));
		report.put("transactionsApprox", transactions);
		report.put("executionMsPerOperation", operations == 0 ? 0 : Load.round(ms / operations));
		report.put("top", rows);
		System.out.printf("pg_stat_statements: %d operations, %d statements (%.2f each), %.2f ms execution each%n",
				operations, calls, operations == 0 ? 0.0 : (double) calls / operations,
				operations == 0 ? 0.0 : ms / operations);
		for (Map<String, Object> row : rows) {
			System.out.printf("  %7s calls %9s ms  mean %7s ms  %s%n", row.get("calls"), row.get("total_ms"),
					row.get("mean_ms"), row.get("query"));
		}
		return report;
	}

}
