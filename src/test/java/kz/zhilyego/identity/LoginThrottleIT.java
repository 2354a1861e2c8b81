package kz.zhilyego.identity;

import java.net.http.HttpResponse;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online guessing stays bounded without handing out lockouts: strangers get
 * {@code max-failures} attempts per account and are then locked out, while a browser or
 * API client that signed in to the account before (it holds a signed device cookie or
 * token) keeps working. Every wrong password counts once, on the web form too. Clients
 * connect from their own loopback addresses, away from other tests' rate-limit buckets.
 */
@IntegrationTest
class LoginThrottleIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Value("${zhilyego.identity.login.max-failures}")
	int maxFailures;

	IdentityFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.fixtures = new IdentityFixtures(this.context);
	}

	@Test
	void theWebFormAllowsExactlyMaxFailuresAttempts() {
		this.fixtures.user("patient@test.kz");
		Visitor browser = new Visitor(this.port, "127.0.0.5");
		for (int attempt = 1; attempt < this.maxFailures; attempt++) {
			assertThat(Visitor.location(browser.signIn("patient@test.kz", "wrong-" + attempt))).as("attempt " + attempt)
				.endsWith("/login?error=credentials");
		}
		assertThat(Visitor.location(browser.signIn("patient@test.kz", IdentityFixtures.PASSWORD)))
			.as("attempt " + this.maxFailures + " with the right password")
			.doesNotContain("error");

		this.fixtures.user("unlucky@test.kz");
		Visitor stranger = new Visitor(this.port, "127.0.0.5");
		for (int attempt = 1; attempt < this.maxFailures; attempt++) {
			assertThat(Visitor.location(stranger.signIn("unlucky@test.kz", "wrong-" + attempt)))
				.as("attempt " + attempt)
				.endsWith("/login?error=credentials");
		}
		assertThat(Visitor.location(stranger.signIn("unlucky@test.kz", "wrong-last"))).endsWith("/login?error=locked");
		assertThat(Visitor.location(stranger.signIn("unlucky@test.kz", IdentityFixtures.PASSWORD)))
			.endsWith("/login?error=locked");
	}

	@Test
	void aBrowserThatSignedInBeforeKeepsWorkingWhileStrangersAreLockedOut() {
		this.fixtures.user("owner@test.kz");
		Visitor owner = new Visitor(this.port, "127.0.0.6");
		assertThat(Visitor.location(owner.signIn("owner@test.kz", IdentityFixtures.PASSWORD))).doesNotContain("error");
		owner.signOut();
		assertThat(owner.get("/account/password").statusCode()).as("signed out").isEqualTo(302);

		Visitor stranger = new Visitor(this.port, "127.0.0.7");
		for (int attempt = 1; attempt <= this.maxFailures; attempt++) {
			stranger.signIn("owner@test.kz", "guess-" + attempt);
		}
		assertThat(Visitor.location(stranger.signIn("owner@test.kz", IdentityFixtures.PASSWORD)))
			.as("strangers are locked out")
			.endsWith("/login?error=locked");
		assertThat(Visitor
			.location(new Visitor(this.port, "127.0.0.6").signIn("owner@test.kz", IdentityFixtures.PASSWORD)))
			.as("a new browser on the owner's address is a stranger too")
			.endsWith("/login?error=locked");

		assertThat(Visitor.location(owner.signIn("owner@test.kz", IdentityFixtures.PASSWORD)))
			.as("the owner's browser keeps working")
			.doesNotContain("error");
		assertThat(owner.get("/account/password").statusCode()).isEqualTo(200);
	}

	@Test
	void anApiClientWithItsDeviceTokenKeepsSigningInWhileStrangersAreLockedOut() {
		this.fixtures.user("app@test.kz");
		Visitor app = new Visitor(this.port, "127.0.0.8");
		HttpResponse<String> first = app.postJson("/api/v1/auth/token",
				"{\"login\":\"app@test.kz\",\"password\":\"" + IdentityFixtures.PASSWORD + "\"}");
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode tokens = JSON.readTree(first.body());
		assertThat(tokens.has("deviceToken")).as("the token answer carries a device token").isTrue();
		String device = tokens.get("deviceToken").asString();

		Visitor stranger = new Visitor(this.port, "127.0.0.9");
		for (int attempt = 1; attempt <= this.maxFailures; attempt++) {
			stranger.postJson("/api/v1/auth/token",
					"{\"login\":\"app@test.kz\",\"password\":\"guess-" + attempt + "\"}");
		}
		HttpResponse<String> locked = stranger.postJson("/api/v1/auth/token",
				"{\"login\":\"app@test.kz\",\"password\":\"" + IdentityFixtures.PASSWORD + "\"}");
		assertThat(locked.statusCode()).isEqualTo(401);
		assertThat(locked.body()).contains("login-locked");
		// a device token of another account does not open this one
		long other = this.fixtures.user("other@test.kz");
		String otherDevice = JSON
			.readTree(
					stranger
						.postJson("/api/v1/auth/token",
								"{\"login\":\"other@test.kz\",\"password\":\"" + IdentityFixtures.PASSWORD + "\"}")
						.body())
			.get("deviceToken")
			.asString();
		assertThat(other).isPositive();
		assertThat(stranger
			.postJson("/api/v1/auth/token",
					"{\"login\":\"app@test.kz\",\"password\":\"" + IdentityFixtures.PASSWORD + "\",\"deviceToken\":\""
							+ otherDevice + "\"}")
			.statusCode()).isEqualTo(401);

		HttpResponse<String> again = app.postJson("/api/v1/auth/token", "{\"login\":\"app@test.kz\",\"password\":\""
				+ IdentityFixtures.PASSWORD + "\",\"deviceToken\":\"" + device + "\"}");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(again.body()).get("accessToken").asString()).isNotBlank();
	}

}
