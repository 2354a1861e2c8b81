package kz.zhilyego.identity;

import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in limit (per IP) is reachable: this test calls from its own client address
 * ({@code X-Forwarded-For}, honoured because the test profile trusts 127.0.0.1 as a
 * proxy), so no other test shares its bucket.
 */
@IntegrationTest
class RateLimitIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Value("${zhilyego.identity.rate-limit.auth-per-minute}")
	int authPerMinute;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
	}

	@Test
	void theTokenEndpointAnswers429WithRetryAfterOverTheLimit() {
		Api api = new Api(this.port).with("X-Forwarded-For", "203.0.113." + (System.nanoTime() % 200 + 1));
		Map<String, String> body = Map.of("login", "", "password", "");
		for (int i = 0; i < this.authPerMinute; i++) {
			assertThat(api.post("/api/v1/auth/token", body).status()).as("request " + i).isEqualTo(400);
		}
		// the bucket refills greedily (one token per 1/limit minute), so allow a few more
		// before the refusal
		Api.Response limited = api.post("/api/v1/auth/token", body, "Accept-Language", "en");
		for (int extra = 0; limited.status() != 429 && extra < 20; extra++) {
			limited = api.post("/api/v1/auth/token", body, "Accept-Language", "en");
		}

		assertThat(limited.status()).isEqualTo(429);
		assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
		assertThat(limited.json().get("type").asString()).endsWith("/rate-limited");
		assertThat(limited.json().get("detail").asString()).startsWith("Too many requests");
		// other callers are not affected
		assertThat(new Api(this.port).with("X-Forwarded-For", "198.51.100.7").post("/api/v1/auth/token", body).status())
			.isEqualTo(400);
	}

}
