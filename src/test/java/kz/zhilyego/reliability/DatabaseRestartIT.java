package kz.zhilyego.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kz.zhilyego.Api;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database stops and starts again under a running app: readiness goes DOWN and back
 * UP, requests meanwhile get a clean 503 problem (no stack trace, no 500), and bookings
 * committed before the stop are all there afterwards. Runs its own PostgreSQL (fixed data
 * directory and port) and its own app instance, so the shared test database is untouched.
 */
class DatabaseRestartIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Test
	void theDatabaseGoesAwayAndComesBackWithoutLosingACommittedBookingOrAnsweringA500() throws Exception {
		Path dataDir = Files.createTempDirectory("zhilyego-restart-pg");
		int dbPort = freePort();
		EmbeddedPostgres database = start(dataDir, dbPort);
		ConfigurableApplicationContext app = null;
		try {
			app = TestApps.start(Map.of("spring.profiles.active", "test", "server.port", 0, "spring.datasource.url",
					database.getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres",
					"spring.datasource.hikari.connection-timeout", 1000, "spring.datasource.hikari.validation-timeout",
					500, "spring.datasource.hikari.maximum-pool-size", 5, "db-scheduler.polling-interval", "1h"),
					TestClockConfig.class);
			Api api = new Api(TestApps.port(app));
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long listing = new CatalogFixtures(jdbc).listing().create();
			IdentityFixtures identity = new IdentityFixtures(app);
			long guest = identity.user("restart-guest@test.kz");
			Api signedIn = api.with("Authorization", identity.bearer(guest));
			List<String> committed = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				LocalDate checkIn = LocalDate.of(2026, 12, 10).plusDays(3L * i);
				Api.Response created = signedIn.post("/api/v1/bookings", booking(listing, checkIn));
				assertThat(created.status()).as(created.body()).isEqualTo(201);
				committed.add(created.json().get("id").asString());
			}

			Map<Integer, Integer> flowStatuses = new ConcurrentHashMap<>();
			List<String> leaks = new ArrayList<>();
			AtomicBoolean flowing = new AtomicBoolean(true);
			try (ExecutorService flow = Executors.newSingleThreadExecutor()) {
				Future<?> traffic = flow.submit(() -> {
					long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
					while (flowing.get() && System.nanoTime() < end) {
						Api.Response response = api.get("/api/v1/listings?city=astana");
						flowStatuses.merge(response.status(), 1, Integer::sum);
						if (response.status() >= 500 && !isCleanProblem(response)) {
							synchronized (leaks) {
								leaks.add(response.toString());
							}
						}
					}
				});

				database.close();

				Api.Response down = await(api, "/actuator/health/readiness", r -> r.status() == 503);
				assertThat(down.body()).contains("DOWN");
				Api.Response search = await(api, "/api/v1/listings?city=astana", r -> r.status() == 503);
				assertThat(isCleanProblem(search)).as(search.toString()).isTrue();
				assertThat(search.header("Retry-After")).isNotNull();
				Api.Response hold = signedIn.post("/api/v1/bookings", booking(listing, LocalDate.of(2026, 12, 25)));
				assertThat(hold.status()).as(hold.toString()).isEqualTo(503);
				assertThat(isCleanProblem(hold)).as(hold.toString()).isTrue();

				database = start(dataDir, dbPort);

				await(api, "/actuator/health/readiness", r -> r.status() == 200 && r.body().contains("UP"));
				await(api, "/api/v1/listings?city=astana", r -> r.status() == 200);
				flowing.set(false);
				traffic.get(1, TimeUnit.MINUTES);
			}

			for (String id : committed) {
				Api.Response booking = signedIn.get("/api/v1/bookings/" + id);
				assertThat(booking.status()).as(booking.body()).isEqualTo(200);
				assertThat(booking.json().get("status").asString()).isEqualTo("HOLD");
			}
			assertThat(flowStatuses.keySet()).as("statuses while the database went away: %s", flowStatuses)
				.containsOnly(200, 503)
				.contains(200, 503);
			assertThat(leaks).isEmpty();
		}
		finally {
			if (app != null) {
				app.close();
			}
			database.close();
		}
	}

	private static boolean isCleanProblem(Api.Response response) {
		String type = response.header("Content-Type");
		return response.status() == 503 && type != null && type.startsWith("application/problem+json")
				&& !response.body().contains("Exception") && !response.body().contains("\tat ")
				&& response.body().contains("service-unavailable");
	}

	private static String booking(long listing, LocalDate checkIn) {
		return """
				{"listingId":%d,"checkIn":"%s","checkOut":"%s","guests":1,"rulesAccepted":true}
				""".formatted(listing, checkIn, checkIn.plusDays(2));
	}

	/** Polls until the response matches, at most {@link #WAIT}; returns the match. */
	private static Api.Response await(Api api, String path, Predicate<Api.Response> condition) {
		long end = System.nanoTime() + WAIT.toNanos();
		Api.Response last = null;
		while (System.nanoTime() < end) {
			last = api.get(path);
			if (condition.test(last)) {
				return last;
			}
		}
		throw new AssertionError("No matching answer from " + path + " within " + WAIT + "; last: " + last);
	}

	private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("timezone", "UTC")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
