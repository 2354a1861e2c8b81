package kz.zhilyego.reliability;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletException;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A node shuts down while a hold is being placed on it: the hold in flight (held up on
 * the listing's row lock) still commits and gets its whole 201, a hold sent after the
 * shutdown began is refused at the door and leaves nothing behind. A second app node is
 * started for it on the shared test database and stopped by the test.
 *
 * <p>
 * The in-flight answer's last bytes are held back until Boot's graceful shutdown has
 * declared the node idle (it counts a request as done when its servlet returns): the web
 * server's stop then used to close the connection before the closing chunk was written.
 */
@IntegrationTest
class GracefulShutdownIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	ApplicationContext context;

	/** Counted down when Boot's graceful shutdown of the second node has finished. */
	static volatile CountDownLatch gracefulShutdownDone = new CountDownLatch(1);

	@Test
	void aHoldInFlightWhenTheNodeStopsCommitsAndOneSentAfterwardsFailsCleanly() throws Exception {
		gracefulShutdownDone = new CountDownLatch(1);
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		String bearer = identity.bearer(identity.user("shutdown-guest@test.kz"));
		long listing = new CatalogFixtures(this.jdbc).listing().create();
		ConfigurableApplicationContext node = TestApps.start(
				Map.of("spring.profiles.active", "test", "server.port", 0, "spring.datasource.url",
						this.dataSource.getJdbcUrl(), "spring.datasource.username", "postgres",
						"spring.datasource.hikari.maximum-pool-size", 5, "spring.flyway.enabled", false),
				TestClockConfig.class, LastBytesAfterGracefulShutdown.class);
		int port = TestApps.port(node);
		CompletableFuture<Void> stopping = null;
		try (Connection blocker = this.dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (PreparedStatement lock = blocker.prepareStatement("select id from listings where id = ? for update")) {
				lock.setLong(1, listing);
				lock.executeQuery().close();
			}
			CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
				.sendAsync(hold(port, bearer, listing, "2026-12-10", "2026-12-13", "in-flight"),
						HttpResponse.BodyHandlers.ofString());
			await().atMost(Duration.ofSeconds(20)).until(this::aHoldWaitsForTheListingLock);

			stopping = CompletableFuture.runAsync(node::close);
			await().atMost(Duration.ofSeconds(20)).until(() -> refusesConnections(port));
			assertThatThrownBy(() -> HttpClient.newHttpClient()
				.send(hold(port, bearer, listing, "2026-12-20", "2026-12-23", "too-late"),
						HttpResponse.BodyHandlers.ofString()))
				.isInstanceOf(ConnectException.class);
			assertThat(inFlight).isNotDone();

			blocker.rollback();

			HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
			stopping.get(60, TimeUnit.SECONDS);
		}
		finally {
			if (stopping == null) {
				node.close();
			}
		}
		// idempotency keys live in idempotency_keys since V23 (common.Idempotency)
		assertThat(this.jdbc.sql("""
				select count(*) from bookings b join occupancies o on o.booking_id = b.id
				join idempotency_keys k on k.operation = 'booking.hold' and k.resource_id = b.id::text
				where k.idempotency_key = 'in-flight' and b.status = 'HOLD'
				""").query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from idempotency_keys where idempotency_key = 'too-late'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from bookings").query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * Holds the in-flight hold's request after its servlet returned and before Tomcat
	 * finishes its response, until Boot's graceful shutdown is over. A source of the
	 * second node only (not a nested {@code @Configuration}: that would replace this
	 * test's own).
	 */
	static class LastBytesAfterGracefulShutdown {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> lastBytesHeldBack() {
			return factory -> factory.addContextValves(new ValveBase(true) {
				@Override
				public void invoke(Request request, Response response) throws IOException, ServletException {
					getNext().invoke(request, response);
					if ("in-flight".equals(request.getHeader("Idempotency-Key"))) {
						try {
							assertThat(gracefulShutdownDone.await(30, TimeUnit.SECONDS)).isTrue();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
				}
			});
		}

		@Bean
		SmartLifecycle gracefulShutdownWatcher() {
			return new SmartLifecycle() {

				private volatile boolean running;

				@Override
				public void start() {
					this.running = true;
				}

				@Override
				public void stop() {
					this.running = false;
					gracefulShutdownDone.countDown();
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}

				@Override
				public int getPhase() {
					// stops right after the graceful shutdown's phase
					return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE - 1;
				}
			};
		}

	}

	private boolean aHoldWaitsForTheListingLock() {
		return this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where wait_event_type = 'Lock' and query ilike '%for update%' and datname = current_database()
				""").query(Long.class).single() > 0;
	}

	private static boolean refusesConnections(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return false;
		}
		catch (java.io.IOException refused) {
			return true;
		}
	}

	private static HttpRequest hold(int port, String bearer, long listing, String checkIn, String checkOut,
			String key) {
		String body = """
				{"listingId":%d,"checkIn":"%s","checkOut":"%s","guests":1,"rulesAccepted":true}
				""".formatted(listing, checkIn, checkOut);
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/bookings"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Authorization", bearer)
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
