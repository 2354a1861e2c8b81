package kz.zhilyego.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.TestApps;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.internal.Tokens;
import kz.zhilyego.reliability.Fuzzer;
import kz.zhilyego.reliability.TwoNodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The long versions of the reliability scenarios on the benchmark's data: two nodes (a
 * second app started on the same database) racing for 100 listings with 20 guests each,
 * expiring every hold from both nodes and dispatching 2,000 outbox messages from both;
 * and a fuzz of 10,000 hostile requests. The database restart runs as
 * {@code DatabaseRestartIT} only (it needs its own database server).
 */
final class ReliabilityScenarios {

	interface Rows {

		void row(String scenario, String metric, String value, String target);

	}

	private final ConfigurableApplicationContext app;

	private final long seed;

	ReliabilityScenarios(ConfigurableApplicationContext app, long seed) {
		this.app = app;
		this.seed = seed;
	}

	Map<String, Object> run(Rows rows) throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		JdbcClient jdbc = this.app.getBean(JdbcClient.class);
		Environment env = this.app.getEnvironment();
		Map<String, Object> props = new LinkedHashMap<>(Benchmark.appProperties());
		props.put("server.port", 0);
		props.put("spring.datasource.url", env.getProperty("bench.jdbc-url", jdbcUrl()));
		props.put("spring.datasource.username", "postgres");
		props.put("spring.flyway.enabled", false);
		props.put("zhilyego.storage.local-dir", System.getProperty("java.io.tmpdir") + "/zhilyego-bench-node2");
		try (ConfigurableApplicationContext second = TestApps.start(props)) {
			List<Long> listings = jdbc.sql("select id from listings where status = 'ACTIVE' order by id desc limit 100")
				.query(Long.class)
				.list();
			List<Long> guests = jdbc.sql("select id from users where phone like '+7702%' order by id limit 20")
				.query(Long.class)
				.list();
			LocalDate night = LocalDate.now(Zones.KAZAKHSTAN).plusDays(700);
			long t0 = System.nanoTime();
			TwoNodes.Report report = new TwoNodes(this.app, second).run(listings, guests, night,
					// only this scenario's holds: any other hold's expiry would queue
					// its message ahead of the 2,000 measured here
					() -> jdbc.sql("""
							update bookings set hold_expires_at = now() - interval '1 minute'
							where status = 'HOLD' and listing_id in (:listings)
							""").param("listings", listings).update(), 2_000);
			Map<String, Object> two = new LinkedHashMap<>();
			two.put("listings", listings.size());
			two.put("guestsPerListing", guests.size());
			two.put("holdAnswers", report.holdAnswers());
			two.put("overlaps", report.overlaps());
			two.put("expiredOnce", report.expiredOnce());
			two.put("expiredMoreThanOnce", report.expiredMoreThanOnce());
			two.put("notExpired", report.notExpired());
			two.put("messages", report.enqueued());
			two.put("delivered", report.delivered());
			two.put("deliveryAttempts", report.attempts());
			two.put("seconds", Load.round((System.nanoTime() - t0) / 1e9));
			result.put("twoNodes", two);
			rows.row("two nodes", listings.size() + " listings x " + guests.size() + " guests, answers",
					report.holdAnswers().toString(), "1 x 201 per listing");
			rows.row("", "overlaps / expired once / more / never", report.overlaps() + " / " + report.expiredOnce()
					+ " / " + report.expiredMoreThanOnce() + " / " + report.notExpired(), "0 / all / 0 / 0");
			rows.row("", "outbox: enqueued / delivered / attempts",
					report.enqueued() + " / " + report.delivered() + " / " + report.attempts(), "equal");
		}
		long guest = jdbc.sql("select id from users where phone like '+7702%' order by id limit 1")
			.query(Long.class)
			.single();
		long listing = jdbc.sql("select min(id) from listings").query(Long.class).single();
		String bearer = "Bearer " + this.app.getBean(Tokens.class).accessToken(guest);
		Map<String, Long> before = counts(jdbc);
		Fuzzer.Report fuzz = new Fuzzer(TestApps.port(this.app), this.seed, bearer,
				Map.of("id", String.valueOf(listing), "listingId", String.valueOf(listing), "paymentId",
						UUID.randomUUID().toString(), "provider", "sandbox"))
			.run(10_000);
		Map<String, Long> after = counts(jdbc);
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("seed", fuzz.seed());
		f.put("requests", fuzz.sent());
		f.put("statuses", fuzz.statuses());
		f.put("findingCount", fuzz.findings().size());
		f.put("findings", fuzz.findings().stream().limit(50).toList());
		f.put("rowsChanged", !before.equals(after));
		result.put("fuzz", f);
		rows.row("fuzz", fuzz.sent() + " hostile requests, seed " + fuzz.seed() + ": findings / rows changed",
				fuzz.findings().size() + " / " + !before.equals(after), "0 / false");
		return result;
	}

	private String jdbcUrl() {
		return this.app.getBean(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
	}

	private static Map<String, Long> counts(JdbcClient jdbc) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("users", "listings", "bookings", "occupancies", "payments", "refunds",
				"listing_blocks")) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

}
