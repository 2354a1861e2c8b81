package kz.zhilyego.identity;

import java.net.http.HttpResponse;

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
 * Forwarded headers ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host},
 * {@code Forwarded}) count only when the immediate peer is a configured proxy. The test
 * profile trusts 127.0.0.1 ({@code zhilyego.web.trusted-proxies}); the other loopback
 * addresses play clients that connect directly and forge the headers. Each test uses its
 * own client address, so no rate-limit bucket is shared.
 */
@IntegrationTest
class TrustedProxiesIT {

	private static final String EMPTY_LOGIN = "{\"login\":\"\",\"password\":\"\"}";

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
	void aClientRotatingForgedForwardedHeadersStillGets429() {
		Visitor client = new Visitor(this.port, "127.0.0.2");
		int status = 0;
		int sent = 0;
		// the bucket refills greedily (one request per 1/limit minute), so allow some
		// more
		while (status != 429 && sent < this.authPerMinute + 20) {
			String forged = "203.0.113." + (sent % 250 + 1);
			status = client
				.postJson("/api/v1/auth/token", EMPTY_LOGIN, "X-Forwarded-For", forged, "Forwarded",
						"for=198.51.100." + (sent % 250 + 1) + ";proto=https", "X-Forwarded-Host",
						"h" + sent + ".example", "X-Real-IP", forged)
				.statusCode();
			sent++;
		}

		assertThat(status).as("after %d requests with %d different forged addresses", sent, sent).isEqualTo(429);
	}

	@Test
	void theAuditLogKeepsTheRealAddressOfAClientThatForgesTheHeaders() {
		Visitor client = new Visitor(this.port, "127.0.0.3");
		client.postJson("/api/v1/auth/token", "{\"login\":\"nobody@test.kz\",\"password\":\"wrong-one\"}",
				"X-Forwarded-For", "203.0.113.77", "Forwarded", "for=203.0.113.78");

		assertThat(lastFailedLoginIp()).isEqualTo("127.0.0.3");
	}

	@Test
	void aForgedHostNeverReachesTheCanonicalLinks() {
		HttpResponse<String> page = new Visitor(this.port, "127.0.0.3").get("/", "X-Forwarded-Host", "evil.example",
				"X-Forwarded-Proto", "https", "Forwarded", "host=evil2.example;proto=https");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("http://127.0.0.1:" + this.port + "/").doesNotContain("evil");
	}

	@Test
	void behindTheTrustedProxyTheForwardedClientCounts() {
		Visitor proxy = new Visitor(this.port, "127.0.0.1");
		// the proxy appends the address it saw to whatever the client sent: the rightmost
		// address that is not a trusted proxy is the client
		proxy.postJson("/api/v1/auth/token", "{\"login\":\"nobody@test.kz\",\"password\":\"wrong-one\"}",
				"X-Forwarded-For", "6.6.6.6, 198.51.100.23");
		assertThat(lastFailedLoginIp()).isEqualTo("198.51.100.23");

		proxy.postJson("/api/v1/auth/token", "{\"login\":\"nobody@test.kz\",\"password\":\"wrong-one\"}", "Forwarded",
				"for=\"198.51.100.24:4711\";proto=https");
		assertThat(lastFailedLoginIp()).isEqualTo("198.51.100.24");

		HttpResponse<String> page = proxy.get("/", "X-Forwarded-Host", "zhilyego.example", "X-Forwarded-Proto",
				"https");
		assertThat(page.body()).contains("https://zhilyego.example/");

		// and the per-address limit applies to the forwarded client, not to the proxy
		String client = "X-Forwarded-For";
		int status = 0;
		int sent = 0;
		while (status != 429 && sent < this.authPerMinute + 20) {
			status = proxy.postJson("/api/v1/auth/token", EMPTY_LOGIN, client, "192.0.2.10").statusCode();
			sent++;
		}
		assertThat(status).isEqualTo(429);
		assertThat(proxy.postJson("/api/v1/auth/token", EMPTY_LOGIN, client, "192.0.2.11").statusCode()).isEqualTo(400);
	}

	private String lastFailedLoginIp() {
		return this.jdbc
			.sql("select details ->> 'ip' from audit_log where action = 'login.failed' order by id desc limit 1")
			.query(String.class)
			.single();
	}

}
