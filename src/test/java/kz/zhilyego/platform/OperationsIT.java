package kz.zhilyego.platform;

import java.sql.Timestamp;
import java.time.Instant;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OperationsIT {

	@LocalServerPort
	int port;

	@Value("${zhilyego.management.metrics-token}")
	String metricsToken;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void livenessAndReadinessAreUp() {
		assertThat(this.api.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
		Api.Response readiness = this.api.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusExposesHttpAndPoolMetrics() {
		this.api.get("/api/v1/listings");

		// the scraper's token (anonymous callers get 401: MetricsAccessIT)
		Api.Response metrics = this.api.get("/actuator/prometheus", "Authorization", "Bearer " + this.metricsToken);

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds").contains("hikaricp_connections");
	}

	@Test
	void openApiDocumentsTheCatalogEndpoints() {
		Api.Response docs = this.api.get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/listings", "/api/v1/listings/{id}",
				"/api/v1/listings/{id}/quote");
		assertThat(this.api.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void unknownApiPathIsA404Problem() {
		Api.Response response = this.api.get("/api/v1/nothing-here");

		assertThat(response.status()).isIn(401, 404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void aFailingOutsideSystemShowsAsDegradedToTheSuperuserWhileTheNodeStaysReady() {
		TestDatabase.reset(this.jdbc);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into notification_outbox (kind, channel, address, language, dedup_key, status, attempts,
				    next_attempt_at, last_error, created_at)
				values ('BOOKING_CONFIRMED_GUEST', 'TELEGRAM', '4242', 'ru', 'ops-degraded', 'PENDING', 1, :later,
				    'Telegram unreachable: ConnectException', :now)
				""").param("later", Timestamp.from(now.plusSeconds(600))).param("now", Timestamp.from(now)).update();
		IdentityFixtures identity = new IdentityFixtures(this.context);
		Api superuser = this.api.with("Authorization", identity.bearer(identity.superuser("ops-admin@test.kz")));
		Api someone = this.api.with("Authorization", identity.bearer(identity.user("ops-user@test.kz")));

		Api.Response readiness = this.api.get("/actuator/health/readiness");
		Api.Response anonymous = this.api.get("/actuator/health");
		Api.Response user = someone.get("/actuator/health");
		Api.Response details = superuser.get("/actuator/health");

		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json().get("status").asString()).isEqualTo("DEGRADED");
		assertThat(anonymous.json().has("components")).isFalse();
		assertThat(user.json().has("components")).isFalse();
		JsonNode components = details.json().get("components");
		assertThat(components.get("telegram").get("status").asString()).isEqualTo("DEGRADED");
		assertThat(components.get("telegram").get("details").get("retrying").asInt()).isEqualTo(1);
		assertThat(components.get("smtp").get("status").asString()).isEqualTo("UP");
		assertThat(components.get("paymentProvider").get("status").asString()).isEqualTo("UP");
		assertThat(components.get("paymentProvider").get("details").get("provider").asString()).isEqualTo("sandbox");
		assertThat(components.get("storage").get("status").asString()).isEqualTo("UP");
		assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
		assertThat(superuser.get("/actuator/health/outside").json().get("status").asString()).isEqualTo("DEGRADED");
		assertThat(this.api.get("/actuator/prometheus", "Authorization", "Bearer " + this.metricsToken).body())
			.contains("zhilyego_outside_up{application=\"zhilyego\",system=\"telegram\"} 0.0")
			.contains("zhilyego_outside_up{application=\"zhilyego\",system=\"smtp\"} 1.0")
			.contains("zhilyego_outbox_retrying{application=\"zhilyego\",channel=\"TELEGRAM\"} 1.0")
			.contains("zhilyego_database_up{application=\"zhilyego\"} 1.0");
	}

}
