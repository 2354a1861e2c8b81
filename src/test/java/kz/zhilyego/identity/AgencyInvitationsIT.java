package kz.zhilyego.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

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
import static org.awaitility.Awaitility.await;

/**
 * An agency head can only invite: an account joins an agency when it accepts the
 * invitation while signed in as itself, and the head learns nothing about accounts that
 * have not joined.
 */
@IntegrationTest
class AgencyInvitationsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Value("${zhilyego.identity.invitations.max-pending}")
	int maxPending;

	Api api;

	IdentityFixtures fixtures;

	long agency;

	long headId;

	String head;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.fixtures = new IdentityFixtures(this.context);
		this.agency = this.fixtures.agency("Агентство Приглашений");
		this.headId = this.fixtures.superAdmin("inv-head@test.kz", this.agency);
		this.head = this.fixtures.bearer(this.headId);
	}

	@Test
	void aHeadCannotAnnexAnExistingAccountAndLearnsNothingAboutIt() {
		long guest = this.fixtures.user("victim@test.kz");
		long root = this.fixtures.superuser("root@test.kz");
		Api.Response existing = this.api.post("/api/v1/agency/realtors",
				Map.of("name", "Жертва", "phone", this.fixtures.phone(guest), "email", "victim@test.kz"),
				"Authorization", this.head);
		Api.Response superuser = this.api.post("/api/v1/agency/realtors",
				Map.of("name", "Владелец", "phone", this.fixtures.phone(root), "email", "root@test.kz"),
				"Authorization", this.head);
		Api.Response unknown = this.api.post("/api/v1/agency/realtors",
				Map.of("name", "Никто", "phone", "+77019998877", "email", "nobody@test.kz"), "Authorization",
				this.head);

		for (Api.Response response : new Api.Response[] { existing, superuser, unknown }) {
			assertThat(response.status()).isEqualTo(202);
			assertThat(response.body()).doesNotContain("victim", "root@", "nobody", "Test ", "SUPERUSER", "USER",
					"phone", "+7701");
			assertThat(response.json().propertyNames())
				.containsExactlyInAnyOrderElementsOf(existing.json().propertyNames());
		}
		for (long id : new long[] { guest, root }) {
			assertThat(this.jdbc.sql("select agency_id from users where id = :id")
				.param("id", id)
				.query(Long.class)
				.optional()).as("agency of " + id).isEmpty();
			assertThat(this.jdbc.sql("select count(*) from user_roles where user_id = :id and role = 'REALTOR'")
				.param("id", id)
				.query(Long.class)
				.single()).isZero();
		}
		// and the head cannot block them
		assertThat(this.api.post("/api/v1/agency/realtors/" + guest + "/deactivate", "{}", "Authorization", this.head)
			.status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select status from users where id = :id")
			.param("id", guest)
			.query(String.class)
			.single()).isEqualTo("ACTIVE");
	}

	@Test
	void anInvitedAccountJoinsOnlyByAcceptingWhileSignedInAsItself() {
		long newcomer = this.fixtures.user("newcomer@test.kz");
		long other = this.fixtures.user("other@test.kz");
		invite("NewComer@Test.kz");
		String token = awaitToken("newcomer@test.kz");
		assertThat(this.jdbc.sql("select count(*) from agency_invitations where token_hash = :token")
			.param("token", token)
			.query(Long.class)
			.single()).as("only the token's hash is stored").isZero();
		assertThat(get("/api/v1/agency/invitations", this.head).body()).contains("newcomer@test.kz");

		Api.Response stranger = accept(token, this.fixtures.bearer(other));
		assertThat(stranger.status()).isEqualTo(403);
		assertThat(stranger.json().get("type").asString()).endsWith("/invitation-other-account");
		assertThat(this.api
			.post("/api/v1/invitations/decline", Map.of("token", token), "Authorization", this.fixtures.bearer(other))
			.status()).isEqualTo(403);
		assertThat(accept(token, null).status()).isEqualTo(401);
		assertThat(
				this.api.post("/api/v1/agency/realtors/" + newcomer + "/deactivate", "{}", "Authorization", this.head)
					.status())
			.as("not a member yet")
			.isEqualTo(404);

		Api.Response joined = accept(token, this.fixtures.bearer(newcomer));
		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.json().get("agencyName").asString()).isEqualTo("Агентство Приглашений");
		assertThat(agencyOf(newcomer)).isEqualTo(this.agency);
		assertThat(roles(newcomer)).contains("REALTOR");
		assertThat(accept(token, this.fixtures.bearer(newcomer)).status()).as("single use").isEqualTo(410);
		assertThat(get("/api/v1/agency/invitations", this.head).body()).doesNotContain("newcomer@test.kz");
		assertThat(get("/api/v1/agency/realtors", this.head).body()).contains("newcomer@test.kz");
		assertThat(
				this.api.post("/api/v1/agency/realtors/" + newcomer + "/deactivate", "{}", "Authorization", this.head)
					.status())
			.as("a member who joined")
			.isEqualTo(200);
		assertThat(this.jdbc.sql(
				"select count(*) from audit_log where action in ('agency.invitation-sent', 'agency.invitation-accepted')")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void staffSuperusersAndOtherAgenciesRealtorsCannotJoin() {
		long root = this.fixtures.superuser("root@test.kz");
		long otherHead = this.fixtures.superAdmin("other-head@test.kz", this.fixtures.agency("Другое"));
		long taken = this.fixtures.realtor("taken@test.kz", this.fixtures.agency("Третье"));
		for (long id : new long[] { root, otherHead, taken }) {
			String email = this.jdbc.sql("select email from users where id = :id")
				.param("id", id)
				.query(String.class)
				.single();
			invite(email);
			Long before = agencyOf(id);
			Api.Response refused = accept(awaitToken(email), this.fixtures.bearer(id));
			assertThat(refused.status()).as(email).isEqualTo(409);
			assertThat(agencyOf(id)).as(email).isEqualTo(before);
		}
		assertThat(roles(root)).doesNotContain("REALTOR");
	}

	@Test
	void expiredDeclinedAndRevokedInvitationsOpenNothing() {
		long late = this.fixtures.user("late@test.kz");
		long shy = this.fixtures.user("shy@test.kz");
		long dropped = this.fixtures.user("dropped@test.kz");
		invite("late@test.kz");
		invite("shy@test.kz");
		Api.Response sent = invite("dropped@test.kz");
		String lateToken = awaitToken("late@test.kz");
		String shyToken = awaitToken("shy@test.kz");
		String droppedToken = awaitToken("dropped@test.kz");

		assertThat(this.api
			.post("/api/v1/invitations/decline", Map.of("token", shyToken), "Authorization", this.fixtures.bearer(shy))
			.status()).isEqualTo(204);
		assertThat(accept(shyToken, this.fixtures.bearer(shy)).status()).isEqualTo(410);

		long invitation = sent.json().get("invitationId").asLong();
		String otherHead = this.fixtures
			.bearer(this.fixtures.superAdmin("b-head@test.kz", this.fixtures.agency("Агентство Б")));
		assertThat(
				this.api.post("/api/v1/agency/invitations/" + invitation + "/revoke", "{}", "Authorization", otherHead)
					.status())
			.as("another agency's invitation")
			.isEqualTo(404);
		assertThat(
				this.api.post("/api/v1/agency/invitations/" + invitation + "/revoke", "{}", "Authorization", this.head)
					.status())
			.isEqualTo(204);
		assertThat(accept(droppedToken, this.fixtures.bearer(dropped)).status()).isEqualTo(410);

		this.clock.advance(Duration.ofDays(8));
		Api.Response expired = accept(lateToken, this.fixtures.bearer(late));
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.json().get("type").asString()).endsWith("/invitation-expired");
		assertThat(accept("not-a-token", this.fixtures.bearer(late)).status()).isEqualTo(404);
		for (long id : new long[] { late, shy, dropped }) {
			assertThat(agencyOf(id)).isNull();
		}
	}

	@Test
	void aNewPersonRegistersFromTheLinkThenAcceptsOnTheWeb() {
		invite("fresh@test.kz");
		String token = awaitToken("fresh@test.kz");
		String url = this.jdbc.sql("""
				select params ->> 'invitationUrl' from notification_outbox
				where kind = 'AGENCY_INVITATION' and address = 'fresh@test.kz'
				""").query(String.class).single();
		assertThat(url).endsWith("/invitations/" + token);

		Visitor browser = new Visitor(this.port, "127.0.0.11");
		HttpResponse<String> landing = browser.get("/invitations/" + token);
		assertThat(landing.statusCode()).isEqualTo(200);
		assertThat(landing.body()).contains("Агентство Приглашений", "fresh@test.kz", "/register?invitation=" + token)
			.doesNotContain("invitation-accept");
		assertThat(landing.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(this.jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isZero();

		HttpResponse<String> form = browser.get("/register?invitation=" + token);
		assertThat(form.body()).contains("value=\"fresh@test.kz\"");
		HttpResponse<String> registered = browser.post("/register", "name=" + Visitor.encode("Новенькая") + "&phone="
				+ Visitor.encode("+7 701 555 44 33") + "&email=fresh%40test.kz&password=secret123");
		// registering signs in and goes back to the invitation
		assertThat(Visitor.location(registered)).as("back to the invitation").contains("/invitations/" + token);

		HttpResponse<String> open = browser.get("/invitations/" + token);
		assertThat(open.body()).contains("invitation-accept", "invitation-decline");
		HttpResponse<String> accepted = browser.post("/invitations/" + token + "/accept", "");
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).contains("Вы вступили в агентство «Агентство Приглашений»");
		long fresh = this.jdbc.sql("select id from users where email = 'fresh@test.kz'").query(Long.class).single();
		assertThat(agencyOf(fresh)).isEqualTo(this.agency);
		assertThat(browser.get("/realtor").statusCode()).as("the session knows the new role").isEqualTo(200);
	}

	@Test
	void anotherSignedInAccountCannotAcceptOnTheWeb() {
		long intruder = this.fixtures.user("intruder@test.kz");
		invite("target@test.kz");
		String token = awaitToken("target@test.kz");
		Visitor browser = new Visitor(this.port, "127.0.0.11");
		browser.signIn("intruder@test.kz", IdentityFixtures.PASSWORD);

		HttpResponse<String> page = browser.get("/invitations/" + token);
		assertThat(page.body()).contains("data-state=\"other-account\"").doesNotContain("invitation-accept");
		HttpResponse<String> refused = browser.post("/invitations/" + token + "/accept", "");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("id=\"invitation-error\"");
		assertThat(agencyOf(intruder)).isNull();
		assertThat(new Visitor(this.port, "127.0.0.11").get("/invitations/nonsense").statusCode()).isEqualTo(404);
	}

	@Test
	void anAgencyHasABoundedNumberOfPendingInvitations() {
		int max = this.maxPending;
		for (int i = 0; i < max; i++) {
			assertThat(invite("person" + i + "@test.kz").status()).isEqualTo(202);
		}
		Api.Response over = invite("one-more@test.kz");
		assertThat(over.status()).isEqualTo(409);
		assertThat(over.json().get("type").asString()).endsWith("/invitation-limit");
		// inviting the same address again replaces its invitation and is no new one
		assertThat(invite("person0@test.kz").status()).isEqualTo(202);
		assertThat(invite("not-an-address").status()).isEqualTo(400);
	}

	private Api.Response invite(String email) {
		return this.api.post("/api/v1/agency/realtors", Map.of("email", email), "Authorization", this.head);
	}

	private Api.Response accept(String token, String bearer) {
		return bearer == null ? this.api.post("/api/v1/invitations/accept", Map.of("token", token))
				: this.api.post("/api/v1/invitations/accept", Map.of("token", token), "Authorization", bearer);
	}

	private Api.Response get(String path, String bearer) {
		return this.api.get(path, "Authorization", bearer);
	}

	/** The token of the link in the invitation e-mail (sent after the commit). */
	private String awaitToken(String email) {
		String url = await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc.sql("""
				select params ->> 'invitationUrl' from notification_outbox
				where kind = 'AGENCY_INVITATION' and address = :email order by id desc limit 1
				""").param("email", email).query(String.class).optional().orElse(null), u -> u != null);
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private Long agencyOf(long userId) {
		return this.jdbc.sql("select agency_id from users where id = :id")
			.param("id", userId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private String roles(long userId) {
		return this.jdbc
			.sql("select coalesce(string_agg(role, ',' order by role), '') from user_roles where user_id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
	}

}
