package kz.zhilyego.identity;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics are for the scraper (bearer {@code zhilyego.management.metrics-token}) and
 * superusers only; the probes stay open.
 */
@IntegrationTest
class MetricsAccessIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Value("${zhilyego.management.metrics-token}")
	String metricsToken;

	Api api;

	IdentityFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.fixtures = new IdentityFixtures(this.context);
	}

	@Test
	void metricsAreClosedToAnonymousCallersAndOrdinaryUsers() {
		String user = this.fixtures.bearer(this.fixtures.user("curious@test.kz"));
		String realtor = this.fixtures.bearer(this.fixtures.realtor("staff@test.kz", null));
		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics",
				"/actuator/metrics/jvm.memory.used" }) {
			Api.Response anonymous = this.api.get(path);
			assertThat(anonymous.status()).as("anonymous " + path).isEqualTo(401);
			assertThat(anonymous.body()).doesNotContain("jvm_memory_used_bytes", "measurements", "names");
			assertThat(this.api.get(path, "Authorization", user).status()).as("user " + path).isEqualTo(403);
			assertThat(this.api.get(path, "Authorization", realtor).status()).as("realtor " + path).isEqualTo(403);
			assertThat(this.api.get(path, "Authorization", "Bearer not-the-" + this.metricsToken).status())
				.as("a wrong token " + path)
				.isEqualTo(401);
		}
	}

	@Test
	void theScraperTokenAndSuperusersReadTheMetrics() {
		Api.Response scrape = this.api.get("/actuator/prometheus", "Authorization", "Bearer " + this.metricsToken);
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.body()).contains("jvm_memory_used_bytes");
		assertThat(this.api.get("/actuator/metrics/jvm.memory.used", "Authorization", "Bearer " + this.metricsToken)
			.status()).isEqualTo(200);

		String root = this.fixtures.bearer(this.fixtures.superuser("root@test.kz"));
		assertThat(this.api.get("/actuator/prometheus", "Authorization", root).status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/metrics", "Authorization", root).body()).contains("jvm.memory.used");
		// the scraper token is no key to anything else
		assertThat(this.api.get("/api/v1/me", "Authorization", "Bearer " + this.metricsToken).status()).isEqualTo(401);
	}

	@Test
	void theProbesStayOpen() {
		assertThat(this.api.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health").status()).isEqualTo(200);
	}

}
