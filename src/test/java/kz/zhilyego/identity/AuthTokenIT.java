package kz.zhilyego.identity;

import java.time.Duration;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuthTokenIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	Api api;

	IdentityFixtures fixtures;

	long userId;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.fixtures = new IdentityFixtures(this.context);
		this.userId = this.fixtures.user("aigerim@test.kz");
	}

	@Test
	void signsInWithEmailOrPhoneAndGetsAWorkingTokenPair() {
		for (String login : new String[] { "Aigerim@Test.kz", this.fixtures.phone(this.userId) }) {
			Api.Response response = this.api.post("/api/v1/auth/token",
					Map.of("login", login, "password", IdentityFixtures.PASSWORD));

			assertThat(response.status()).as(login).isEqualTo(200);
			JsonNode tokens = response.json();
			assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
			assertThat(tokens.get("refreshToken").asString()).isNotBlank();
			Api.Response me = this.api.get("/api/v1/me", "Authorization",
					"Bearer " + tokens.get("accessToken").asString());
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().get("email").asString()).isEqualTo("aigerim@test.kz");
			assertThat(me.body()).doesNotContain("password");
		}
	}

	@Test
	void answersUnknownUserAndWrongPasswordWithTheSame401Problem() {
		Api.Response wrongPassword = this.api.post("/api/v1/auth/token",
				Map.of("login", "aigerim@test.kz", "password", "wrong-password"), "Accept-Language", "en");
		Api.Response unknownUser = this.api.post("/api/v1/auth/token",
				Map.of("login", "nobody@test.kz", "password", "wrong-password"), "Accept-Language", "en");

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(wrongPassword.json().get("detail").asString()).isEqualTo("Wrong login or password.");
		// the same answer but for the request's own id
		assertThat(unknownUser.body().replaceAll("\"requestId\":\"[^\"]*\"", ""))
			.isEqualTo(wrongPassword.body().replaceAll("\"requestId\":\"[^\"]*\"", ""));
		assertThat(unknownUser.json().get("requestId").asString())
			.isNotEqualTo(wrongPassword.json().get("requestId").asString());
		assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void rejectsABlankLoginWithFieldErrors() {
		Api.Response response = this.api.post("/api/v1/auth/token", Map.of("login", "", "password", ""));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").has("login")).isTrue();
		assertThat(response.json().get("errors").has("password")).isTrue();
	}

	@Test
	void anAccessTokenExpiresAfterFifteenMinutesOfTheApplicationClock() {
		String bearer = this.fixtures.bearer(this.userId);
		assertThat(this.api.get("/api/v1/me", "Authorization", bearer).status()).isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.api.get("/api/v1/me", "Authorization", bearer).status()).isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(2));
		Api.Response expired = this.api.get("/api/v1/me", "Authorization", bearer);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.json().get("status").asInt()).isEqualTo(401);
	}

	@Test
	void aTokenSignedWithTheRightKeyButNamingAnotherIssuerIsRefused() {
		JwtEncoder encoder = this.context.getBean(JwtEncoder.class);
		java.time.Instant now = this.clock.instant();
		String foreign = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
				JwtClaimsSet.builder()
					.issuer("someone-else")
					.subject(String.valueOf(this.userId))
					.claim("typ", "access")
					.issuedAt(now)
					.expiresAt(now.plus(Duration.ofMinutes(5)))
					.build()))
			.getTokenValue();

		assertThat(this.api.get("/api/v1/me", "Authorization", "Bearer " + foreign).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/me", "Authorization", this.fixtures.bearer(this.userId)).status())
			.isEqualTo(200);
	}

	@Test
	void refreshingRotatesTheTokenAndReusingASpentOneRevokesTheFamily() {
		JsonNode first = this.api
			.post("/api/v1/auth/token", Map.of("login", "aigerim@test.kz", "password", IdentityFixtures.PASSWORD))
			.json();
		String spent = first.get("refreshToken").asString();

		Api.Response rotated = this.api.post("/api/v1/auth/refresh", Map.of("refreshToken", spent));
		assertThat(rotated.status()).isEqualTo(200);
		String next = rotated.json().get("refreshToken").asString();
		assertThat(next).isNotEqualTo(spent);
		assertThat(this.api.get("/api/v1/me", "Authorization", "Bearer " + rotated.json().get("accessToken").asString())
			.status()).isEqualTo(200);

		Api.Response reuse = this.api.post("/api/v1/auth/refresh", Map.of("refreshToken", spent));
		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.json().get("type").asString()).endsWith("/invalid-refresh-token");

		// the thief's reuse also kills the legitimate successor
		assertThat(this.api.post("/api/v1/auth/refresh", Map.of("refreshToken", next)).status()).isEqualTo(401);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'token.refresh-reuse-detected'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRefreshTokenExpiresAfterThirtyDays() {
		String refresh = this.api
			.post("/api/v1/auth/token", Map.of("login", "aigerim@test.kz", "password", IdentityFixtures.PASSWORD))
			.json()
			.get("refreshToken")
			.asString();

		this.clock.advance(Duration.ofDays(30).plusMinutes(1));

		assertThat(this.api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh)).status()).isEqualTo(401);
	}

	@Test
	void aBlockedUsersTokensStopWorkingAtOnce() {
		String bearer = this.fixtures.bearer(this.userId);
		long admin = this.fixtures.superuser("root@test.kz");

		assertThat(this.api
			.post("/api/v1/admin/users/" + this.userId + "/block", "{}", "Authorization", this.fixtures.bearer(admin))
			.status()).isEqualTo(200);

		assertThat(this.api.get("/api/v1/me", "Authorization", bearer).status()).isEqualTo(401);
		assertThat(this.api
			.post("/api/v1/auth/token", Map.of("login", "aigerim@test.kz", "password", IdentityFixtures.PASSWORD))
			.status()).isEqualTo(403);
	}

	@Test
	void locksALoginAfterRepeatedFailuresAndAuditsIt() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.api.post("/api/v1/auth/token", Map.of("login", "aigerim@test.kz", "password", "nope-nope"))
				.status()).isEqualTo(401);
		}
		Api.Response fifth = this.api.post("/api/v1/auth/token",
				Map.of("login", "aigerim@test.kz", "password", "nope-nope"));
		assertThat(fifth.json().get("type").asString()).endsWith("/login-locked");

		Api.Response rightPassword = this.api.post("/api/v1/auth/token",
				Map.of("login", "aigerim@test.kz", "password", IdentityFixtures.PASSWORD));
		assertThat(rightPassword.status()).isEqualTo(401);
		assertThat(rightPassword.json().get("type").asString()).endsWith("/login-locked");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'login.locked'")
			.query(Long.class)
			.single()).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.api
			.post("/api/v1/auth/token", Map.of("login", "aigerim@test.kz", "password", IdentityFixtures.PASSWORD))
			.status()).isEqualTo(200);
	}

	@Test
	void theAuditLogIsAppendOnly() {
		this.api.post("/api/v1/auth/token", Map.of("login", "aigerim@test.kz", "password", IdentityFixtures.PASSWORD));

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("update audit_log set action = 'x'").update())
			.hasMessageContaining("append-only");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.jdbc.sql("delete from audit_log").update())
			.hasMessageContaining("append-only");
	}

}
