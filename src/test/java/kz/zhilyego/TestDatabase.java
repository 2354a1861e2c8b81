package kz.zhilyego;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties every table but reference data, so a test starts from a known state. Module
 * events of the previous test are handled asynchronously after commit; reset first waits
 * (bounded) for those listeners to finish and retries the truncate if one still races it.
 */
public final class TestDatabase {

	private static final Set<String> KEEP = Set.of("flyway_schema_history", "cities", "districts", "housing_classes",
			"housing_types", "amenities", "scheduled_tasks", "cache_versions");

	private static final int ATTEMPTS = 5;

	private TestDatabase() {
	}

	public static void reset(JdbcClient jdbc) {
		awaitEventListeners(jdbc);
		List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public'")
			.query(String.class)
			.list()
			.stream()
			.filter(table -> !KEEP.contains(table))
			.toList();
		if (tables.isEmpty()) {
			return;
		}
		String truncate = "truncate " + String.join(", ", tables) + " restart identity cascade";
		for (int attempt = 1;; attempt++) {
			try {
				jdbc.sql(truncate).update();
				return;
			}
			catch (ConcurrencyFailureException raced) {
				if (attempt == ATTEMPTS) {
					throw raced;
				}
				awaitEventListeners(jdbc);
			}
		}
	}

	/**
	 * Waits up to a few seconds until no event publication is in flight. A listener that
	 * failed leaves its publication incomplete for good; after the wait the truncate goes
	 * ahead anyway.
	 */
	private static void awaitEventListeners(JdbcClient jdbc) {
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> inFlight(jdbc) == 0);
		}
		catch (ConditionTimeoutException stillRunning) {
			// proceed: the retry loop in reset() copes with a listener that is still
			// running
		}
	}

	private static long inFlight(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
	}

}
