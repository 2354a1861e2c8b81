package kz.zhilyego.platform;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OperationsIT {

	@LocalServerPort
	int port;

	@Value("${zhilyego.management.metrics-token}")
	String metricsToken;

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

}
