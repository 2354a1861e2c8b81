package kz.zhilyego.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a DSN set, an unhandled error reaches a Sentry-compatible server (a local HTTP
 * server taking the SDK's envelopes) with the request id, the user id, the release and
 * the environment — and without the card number, phone number and e-mail address that
 * were in the exception's message. A second app node is started for it (Sentry is set up
 * once per process), on the shared test database.
 */
@IntegrationTest
class ErrorReportingIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	HikariDataSource dataSource;

	@Test
	void anUnhandledErrorArrivesAtTheSentryServerWithTheRequestIdReleaseAndEnvironmentAndNoPersonalData()
			throws Exception {
		List<String> envelopes = new CopyOnWriteArrayList<>();
		HttpServer sentry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
		sentry.createContext("/", exchange -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
					body = unzipped.readAllBytes();
				}
			}
			if (exchange.getRequestURI().getPath().equals("/api/42/envelope/")) {
				envelopes.add(new String(body, StandardCharsets.UTF_8));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		sentry.start();
		ConfigurableApplicationContext node = null;
		try {
			node = TestApps.start(Map.of("spring.profiles.active", "test", "server.port", 0, "spring.datasource.url",
					this.dataSource.getJdbcUrl(), "spring.datasource.username", "postgres",
					"spring.datasource.hikari.maximum-pool-size", 5, "spring.flyway.enabled", false,
					"zhilyego.error-reporting.dsn",
					"http://0123456789abcdef@127.0.0.1:" + sentry.getAddress().getPort() + "/42",
					"zhilyego.error-reporting.environment", "staging", "zhilyego.error-reporting.release",
					"zhilyego@1.2.3"), TestClockConfig.class, Failing.class);
			IdentityFixtures identity = new IdentityFixtures(node);
			long userId = identity.user("reporter@test.kz");
			Api api = new Api(TestApps.port(node)).with("Authorization", identity.bearer(userId));

			Api.Response failed = api.get("/api/v1/test-only/failure");

			assertThat(failed.status()).isEqualTo(500);
			assertThat(failed.body()).doesNotContain("4111", "Exception");
			String requestId = failed.header("X-Request-Id");
			assertThat(failed.json().get("requestId").asString()).isEqualTo(requestId);
			await().atMost(Duration.ofSeconds(20)).until(() -> eventFor(envelopes, requestId) != null);
			String envelope = envelopes.stream().filter(e -> e.contains(requestId)).findFirst().orElseThrow();
			JsonNode event = eventFor(envelopes, requestId);
			assertThat(event.get("tags").get("requestId").asString()).isEqualTo(requestId);
			assertThat(event.get("release").asString()).isEqualTo("zhilyego@1.2.3");
			assertThat(event.get("environment").asString()).isEqualTo("staging");
			assertThat(event.get("level").asString()).isEqualTo("error");
			assertThat(event.get("user").get("id").asString()).isEqualTo(Long.toString(userId));
			JsonNode exception = event.get("exception").get("values").get(0);
			assertThat(exception.get("type").asString()).isEqualTo("IllegalStateException");
			assertThat(exception.get("value").asString()).contains("[redacted]", "declined");
			assertThat(envelope).doesNotContain("4111 1111 1111 1111", "4111111111111111", "+7 701 555 01 02",
					"guest.name@example.kz", "reporter@test.kz", "Bearer ");
		}
		finally {
			if (node != null) {
				node.close();
			}
			sentry.stop(0);
		}
	}

	private static JsonNode eventFor(List<String> envelopes, String requestId) {
		for (String envelope : envelopes) {
			for (String line : envelope.split("\n")) {
				if (line.contains("\"requestId\"") && line.contains(requestId)) {
					try {
						JsonNode node = JSON.readTree(line);
						if (node.has("exception")) {
							return node;
						}
					}
					catch (RuntimeException notJson) {
						// an item header or attachment, not the event
					}
				}
			}
		}
		return null;
	}

	/** Fails with personal data in its message, as careless code might. */
	@RestController
	static class Failing {

		@GetMapping("/api/v1/test-only/failure")
		String fail() throws IOException {
			throw new IllegalStateException(
					"Card 4111 1111 1111 1111 of guest.name@example.kz (+7 701 555 01 02) declined");
		}

	}

}
