package kz.zhilyego.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every protected identity endpoint × every role × own / same agency / other agency /
 * other realtor resource. Out of scope is 401, 403 or 404 and never the data.
 */
@IntegrationTest
class PermissionMatrixIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	AccessCodes codes;

	Api api;

	IdentityFixtures fixtures;

	/** role name → Authorization header (null = guest). */
	final Map<String, String> callers = new LinkedHashMap<>();

	long agencyA;

	long headA;

	long realtorA;

	long headB;

	long realtorB;

	long loneRealtor;

	long user;

	long superuser;

	long listingA;

	long listingB;

	long listingLone;

	long listingHeadA;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.fixtures = new IdentityFixtures(this.context);
		this.agencyA = this.fixtures.agency("Агентство А");
		long agencyB = this.fixtures.agency("Агентство Б");
		this.headA = this.fixtures.superAdmin("head-a@test.kz", this.agencyA);
		this.realtorA = this.fixtures.realtor("realtor-a@test.kz", this.agencyA);
		this.headB = this.fixtures.superAdmin("head-b@test.kz", agencyB);
		this.realtorB = this.fixtures.realtor("realtor-b@test.kz", agencyB);
		this.loneRealtor = this.fixtures.realtor("lone@test.kz", null);
		this.user = this.fixtures.user("user@test.kz");
		this.superuser = this.fixtures.superuser("root@test.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.listingA = listingWithCodes(catalog, this.realtorA, "A-SECRET");
		this.listingB = listingWithCodes(catalog, this.realtorB, "B-SECRET");
		this.listingLone = listingWithCodes(catalog, this.loneRealtor, "L-SECRET");
		this.listingHeadA = listingWithCodes(catalog, this.headA, "H-SECRET");
		this.callers.put("guest", null);
		this.callers.put("user", this.fixtures.bearer(this.user));
		this.callers.put("realtorA", this.fixtures.bearer(this.realtorA));
		this.callers.put("loneRealtor", this.fixtures.bearer(this.loneRealtor));
		this.callers.put("headA", this.fixtures.bearer(this.headA));
		this.callers.put("headB", this.fixtures.bearer(this.headB));
		this.callers.put("superuser", this.fixtures.bearer(this.superuser));
	}

	private long listingWithCodes(CatalogFixtures catalog, long owner, String secret) {
		long id = catalog.listing().owner(owner).create();
		this.codes.store(id, new AccessCodeSet(secret, secret + "-flat", null), this.fixtures.currentUser(owner));
		return id;
	}

	@Test
	void accessCodesAreRevealedOnlyToStaffWhoseScopeCoversTheListing() {
		// caller → listing → expected status
		expect("guest", this.listingA, 401);
		expect("user", this.listingA, 403);
		expect("realtorA", this.listingA, 200);
		expect("realtorA", this.listingB, 404);
		expect("realtorA", this.listingHeadA, 404);
		expect("loneRealtor", this.listingLone, 200);
		expect("loneRealtor", this.listingA, 404);
		expect("headA", this.listingA, 200);
		expect("headA", this.listingHeadA, 200);
		expect("headA", this.listingB, 404);
		expect("headA", this.listingLone, 404);
		expect("headB", this.listingA, 404);
		expect("headB", this.listingB, 200);
		expect("superuser", this.listingA, 200);
		expect("superuser", this.listingLone, 200);
		assertThat(this.api.get("/api/v1/access-codes/999999", "Authorization", this.callers.get("superuser")).status())
			.isEqualTo(404);
	}

	@Test
	void accessCodesCanBeChangedOnlyWithinScope() {
		Map<String, String> body = Map.of("intercom", "9999", "flat", "8888");
		assertThat(status("PUT", "/api/v1/access-codes/" + this.listingA, "realtorB-none", body)).isEqualTo(401);
		assertThat(status("PUT", "/api/v1/access-codes/" + this.listingA, "user", body)).isEqualTo(403);
		assertThat(status("PUT", "/api/v1/access-codes/" + this.listingA, "loneRealtor", body)).isEqualTo(404);
		assertThat(status("PUT", "/api/v1/access-codes/" + this.listingA, "headB", body)).isEqualTo(404);
		assertThat(
				this.codes.revealToGuest(this.listingA, UUID.randomUUID(), this.user, "test").orElseThrow().intercom())
			.isEqualTo("A-SECRET");
		assertThat(status("PUT", "/api/v1/access-codes/" + this.listingA, "headA", body)).isEqualTo(204);
		assertThat(
				this.codes.revealToGuest(this.listingA, UUID.randomUUID(), this.user, "test").orElseThrow().intercom())
			.isEqualTo("9999");
	}

	@Test
	void adminEndpointsAreForTheSuperuserOnly() {
		String[] paths = { "/api/v1/admin/users", "/api/v1/admin/users/" + this.user, "/api/v1/admin/agencies",
				"/api/v1/admin/audit", "/api/v1/admin/code-reveals", "/api/v1/admin/occupancy/check" };
		for (String path : paths) {
			for (Map.Entry<String, String> caller : this.callers.entrySet()) {
				int expected = switch (caller.getKey()) {
					case "guest" -> 401;
					case "superuser" -> 200;
					default -> 403;
				};
				Api.Response response = get(path, caller.getKey());
				assertThat(response.status()).as(caller.getKey() + " GET " + path).isEqualTo(expected);
				if (expected != 200) {
					assertThat(response.body()).doesNotContain("user@test.kz");
				}
			}
		}
		for (String caller : new String[] { "user", "realtorA", "headA" }) {
			assertThat(status("POST", "/api/v1/admin/users/" + this.user + "/block", caller, "{}")).isEqualTo(403);
			assertThat(status("PUT", "/api/v1/admin/users/" + this.user + "/roles", caller,
					Map.of("roles", new String[] { "SUPERUSER" })))
				.isEqualTo(403);
			assertThat(status("POST", "/api/v1/admin/agencies", caller, Map.of("name", "Захват"))).isEqualTo(403);
			assertThat(status("POST", "/api/v1/admin/occupancy/repair", caller, "{}")).isEqualTo(403);
		}
		assertThat(status("POST", "/api/v1/admin/occupancy/repair", "superuser", "{}")).isEqualTo(200);
	}

	@Test
	void paymentQueueEndpointsAreForTheSuperuserOnly() {
		String unknown = UUID.randomUUID().toString();
		for (Map.Entry<String, String> caller : this.callers.entrySet()) {
			int expected = switch (caller.getKey()) {
				case "guest" -> 401;
				case "superuser" -> 200;
				default -> 403;
			};
			assertThat(get("/api/v1/admin/payments/queue", caller.getKey()).status()).as(caller.getKey())
				.isEqualTo(expected);
			int action = expected == 200 ? 404 : expected;
			assertThat(status("POST", "/api/v1/admin/payments/refunds/" + unknown + "/refunded-by-hand",
					caller.getKey(), Map.of("reference", "x")))
				.as(caller.getKey())
				.isEqualTo(action);
			assertThat(status("POST", "/api/v1/admin/payments/" + unknown + "/check", caller.getKey(), "{}"))
				.as(caller.getKey())
				.isEqualTo(action);
			assertThat(status("POST", "/api/v1/admin/payments/" + unknown + "/resolve", caller.getKey(), "{}"))
				.as(caller.getKey())
				.isEqualTo(action);
			assertThat(status("POST", "/api/v1/admin/payments/differences/999999/resolve", caller.getKey(), "{}"))
				.as(caller.getKey())
				.isEqualTo(action);
			assertThat(status("POST", "/api/v1/admin/payments/reconciliations", caller.getKey(), "{}"))
				.as(caller.getKey())
				.isEqualTo(expected == 200 ? 400 : expected);
		}
	}

	@Test
	void aGuestRenewsTheQrOnlyOfOwnBooking() {
		UUID booking = new kz.zhilyego.booking.BookingFixtures(
				this.context.getBean(kz.zhilyego.booking.PlaceHold.class))
			.hold(this.listingA, java.time.LocalDate.of(2026, 12, 10), java.time.LocalDate.of(2026, 12, 12), this.user)
			.id();
		assertThat(status("POST", "/api/v1/bookings/" + booking + "/payments/renew", "guest", "")).isEqualTo(401);
		assertThat(this.api
			.post("/api/v1/bookings/" + booking + "/payments/renew", "", "Authorization", this.callers.get("realtorA"),
					"Idempotency-Key", "k1")
			.status()).isEqualTo(404);
		assertThat(this.api
			.post("/api/v1/bookings/" + booking + "/payments/renew", "", "Authorization", this.callers.get("headA"),
					"Idempotency-Key", "k2")
			.status()).isEqualTo(404);
		assertThat(this.api
			.post("/api/v1/bookings/" + booking + "/payments/renew", "", "Authorization", this.callers.get("user"),
					"Idempotency-Key", "k3")
			.status()).as("the owner: a new payment (no QR in flight)").isEqualTo(201);
	}

	@Test
	void superAdminsManageOnlyTheRealtorsOfTheirOwnAgency() {
		assertThat(get("/api/v1/agency/realtors", "headA").body()).contains("realtor-a@test.kz")
			.doesNotContain("realtor-b@test.kz")
			.doesNotContain("lone@test.kz");
		for (String caller : new String[] { "user", "realtorA", "loneRealtor", "superuser" }) {
			assertThat(get("/api/v1/agency/realtors", caller).status()).as(caller).isEqualTo(403);
		}
		assertThat(get("/api/v1/agency/realtors", "guest").status()).isEqualTo(401);

		assertThat(status("POST", "/api/v1/agency/realtors/" + this.realtorB + "/deactivate", "headA", "{}"))
			.isEqualTo(404);
		assertThat(status("POST", "/api/v1/agency/realtors/" + this.loneRealtor + "/deactivate", "headA", "{}"))
			.isEqualTo(404);
		assertThat(status("POST", "/api/v1/agency/realtors/" + this.headB + "/deactivate", "headA", "{}"))
			.isEqualTo(404);
		assertThat(get("/api/v1/me", "realtorB-none").status()).isEqualTo(401);

		assertThat(status("POST", "/api/v1/agency/realtors/" + this.realtorA + "/deactivate", "headA", "{}"))
			.isEqualTo(200);
		// a deactivated realtor can no longer sign in, and leaves the head's scope
		assertThat(get("/api/v1/me", "realtorA").status()).isEqualTo(401);
		expect("headA", this.listingA, 404);
	}

	@Test
	void aSuperAdminCannotPullAnotherAgencysRealtorIntoTheTeam() {
		String phoneB = this.fixtures.phone(this.realtorB);
		Api.Response response = this.api.post("/api/v1/agency/realtors",
				Map.of("name", "Чужой", "phone", phoneB, "email", "realtor-b@test.kz"), "Authorization",
				this.callers.get("headA"));

		// an invitation goes out (the answer is the same for any address); nobody joins
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.body()).doesNotContain("realtor-b", phoneB);
		assertThat(this.jdbc.sql("select agency_id from users where id = :id")
			.param("id", this.realtorB)
			.query(Long.class)
			.single()).isNotEqualTo(this.agencyA);
	}

	@Test
	void agencyInvitationsAreForTheHeadsOwnAgencyAndTheInvitedAccount() {
		Map<String, String> invitation = Map.of("email", "invitee@test.kz");
		for (Map.Entry<String, String> caller : this.callers.entrySet()) {
			int invite = switch (caller.getKey()) {
				case "guest" -> 401;
				case "headA", "headB" -> 202;
				default -> 403;
			};
			assertThat(status("POST", "/api/v1/agency/realtors", caller.getKey(), invitation))
				.as(caller.getKey() + " invites")
				.isEqualTo(invite);
			assertThat(get("/api/v1/agency/invitations", caller.getKey()).status()).as(caller.getKey() + " lists")
				.isEqualTo(invite == 202 ? 200 : invite);
		}
		long ofHeadA = this.jdbc.sql("""
				select i.id from agency_invitations i
				where i.agency_id = :agency and i.status = 'PENDING'
				""").param("agency", this.agencyA).query(Long.class).single();
		String revoke = "/api/v1/agency/invitations/" + ofHeadA + "/revoke";
		assertThat(get("/api/v1/agency/invitations", "headB").body()).doesNotContain("\"id\":" + ofHeadA + ",");
		assertThat(status("POST", revoke, "guest", "{}")).isEqualTo(401);
		for (String caller : new String[] { "user", "realtorA", "loneRealtor", "superuser" }) {
			assertThat(status("POST", revoke, caller, "{}")).as(caller + " revokes").isEqualTo(403);
		}
		assertThat(status("POST", revoke, "headB", "{}")).as("another agency's head").isEqualTo(404);
		assertThat(status("POST", revoke, "headA", "{}")).isEqualTo(204);

		// the invitee's side: signed in, and only the addressed account (unknown token:
		// 404)
		for (String path : new String[] { "/api/v1/invitations/accept", "/api/v1/invitations/decline" }) {
			assertThat(status("POST", path, "guest", Map.of("token", "any"))).as("guest " + path).isEqualTo(401);
			for (String caller : new String[] { "user", "realtorA", "headA", "superuser" }) {
				assertThat(status("POST", path, caller, Map.of("token", "unknown-token"))).as(caller + " " + path)
					.isEqualTo(404);
			}
		}
		// the web page behind the link is public; its forms need a signed-in visitor
		Visitor visitor = new Visitor(this.port, "127.0.0.12");
		assertThat(visitor.get("/invitations/unknown-token").statusCode()).isEqualTo(404);
		assertThat(visitor.postRaw("/invitations/unknown-token/accept", "").statusCode()).isEqualTo(403);
		visitor.get("/login");
		assertThat(Visitor.location(visitor.post("/invitations/unknown-token/accept", ""))).endsWith("/login");
		assertThat(Visitor.location(visitor.post("/invitations/unknown-token/decline", ""))).endsWith("/login");
		assertThat(this.jdbc.sql("select count(*) from users where agency_id is not null").query(Long.class).single())
			.as("nobody joined")
			.isEqualTo(4);
	}

	@Test
	void theTeamPageInvitesAndRevokesOnlyForTheHeadsOwnAgency() {
		assertThat(status("POST", "/api/v1/agency/realtors", "headA", Map.of("email", "page-invitee@test.kz")))
			.isEqualTo(202);
		long ofHeadA = this.jdbc.sql("select id from agency_invitations where email = 'page-invitee@test.kz'")
			.query(Long.class)
			.single();
		String revoke = "/realtor/team/invitations/" + ofHeadA + "/revoke";

		Visitor guest = new Visitor(this.port, "127.0.0.12");
		guest.get("/login");
		assertThat(Visitor.location(guest.post("/realtor/team/invite", "email=guest-pick%40test.kz")))
			.endsWith("/login");
		assertThat(Visitor.location(guest.post(revoke, ""))).endsWith("/login");
		for (String login : new String[] { "user@test.kz", "realtor-a@test.kz", "lone@test.kz" }) {
			Visitor web = new Visitor(this.port, "127.0.0.12");
			web.signIn(login, IdentityFixtures.PASSWORD);
			web.get("/account/password");
			assertThat(web.post("/realtor/team/invite", "email=pick%40test.kz").statusCode()).as(login + " invites")
				.isEqualTo(403);
			assertThat(web.post(revoke, "").statusCode()).as(login + " revokes").isEqualTo(403);
		}
		Visitor headB = new Visitor(this.port, "127.0.0.12");
		headB.signIn("head-b@test.kz", IdentityFixtures.PASSWORD);
		headB.get("/realtor/team");
		assertThat(headB.post(revoke, "").statusCode()).as("another agency's head").isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from agency_invitations where email like '%pick@test.kz'")
			.query(Long.class)
			.single()).as("no invitation from anyone but heads").isZero();
		assertThat(this.jdbc.sql("select status from agency_invitations where id = :id")
			.param("id", ofHeadA)
			.query(String.class)
			.single()).isEqualTo("PENDING");

		Visitor headA = new Visitor(this.port, "127.0.0.12");
		headA.signIn("head-a@test.kz", IdentityFixtures.PASSWORD);
		headA.get("/realtor/team");
		assertThat(Visitor.location(headA.post(revoke, ""))).contains("done=revoked");
	}

	@Test
	void listingSuggestionsShowOnlyListingsInTheCallersScope() {
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		catalog.listing().owner(this.realtorA).title("Подсказка Альфа").create();
		catalog.listing().owner(this.realtorB).title("Подсказка Бета").create();
		catalog.listing().owner(this.loneRealtor).title("Подсказка Одиночка").create();
		String path = "/realtor/listings/suggest?q="
				+ java.net.URLEncoder.encode("Подсказка", java.nio.charset.StandardCharsets.UTF_8);

		Visitor guest = new Visitor(this.port, "127.0.0.12");
		assertThat(Visitor.location(guest.get(path))).endsWith("/login");
		Map<String, String[]> sees = new LinkedHashMap<>();
		sees.put("realtor-a@test.kz", new String[] { "Альфа" });
		sees.put("head-a@test.kz", new String[] { "Альфа" });
		sees.put("head-b@test.kz", new String[] { "Бета" });
		sees.put("lone@test.kz", new String[] { "Одиночка" });
		sees.put("root@test.kz", new String[] { "Альфа", "Бета", "Одиночка" });
		for (Map.Entry<String, String[]> caller : sees.entrySet()) {
			Visitor web = new Visitor(this.port, "127.0.0.12");
			web.signIn(caller.getKey(), IdentityFixtures.PASSWORD);
			var page = web.get(path);
			assertThat(page.statusCode()).as(caller.getKey()).isEqualTo(200);
			java.util.List<String> shown = java.util.regex.Pattern.compile("Подсказка (\\S+)\"")
				.matcher(page.body())
				.results()
				.map(m -> m.group(1))
				.toList();
			assertThat(shown).as(caller.getKey()).containsExactlyInAnyOrder(caller.getValue());
		}
		Visitor user = new Visitor(this.port, "127.0.0.12");
		user.signIn("user@test.kz", IdentityFixtures.PASSWORD);
		var forbidden = user.get(path);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).doesNotContain("Подсказка");
	}

	@Test
	void theTeamPageWithoutAnAgencyListsAgenciesOnlyForTheSuperuser() {
		Visitor root = new Visitor(this.port, "127.0.0.12");
		root.signIn("root@test.kz", IdentityFixtures.PASSWORD);
		var choose = root.get("/realtor/team");
		assertThat(choose.statusCode()).isEqualTo(200);
		assertThat(choose.body()).contains("Агентство А", "Агентство Б", "/realtor/team?agencyId=" + this.agencyA);
		var team = root.get("/realtor/team?agencyId=" + this.agencyA);
		assertThat(team.statusCode()).isEqualTo(200);
		assertThat(team.body()).contains("realtor-a@test.kz").doesNotContain("realtor-b@test.kz");

		Visitor headA = new Visitor(this.port, "127.0.0.12");
		headA.signIn("head-a@test.kz", IdentityFixtures.PASSWORD);
		var own = headA.get("/realtor/team");
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("realtor-a@test.kz").doesNotContain("Агентство Б");
		for (String login : new String[] { "user@test.kz", "realtor-a@test.kz", "lone@test.kz" }) {
			Visitor web = new Visitor(this.port, "127.0.0.12");
			web.signIn(login, IdentityFixtures.PASSWORD);
			var page = web.get("/realtor/team");
			assertThat(page.statusCode()).as(login).isEqualTo(403);
			assertThat(page.body()).as(login).doesNotContain("Агентство А").doesNotContain("Агентство Б");
		}
	}

	@Test
	void apiKeysAreForStaffAndTheOwnProfileForEveryoneSignedIn() {
		for (Map.Entry<String, String> caller : this.callers.entrySet()) {
			int keys = switch (caller.getKey()) {
				case "guest" -> 401;
				case "user" -> 403;
				default -> 200;
			};
			assertThat(get("/api/v1/api-keys", caller.getKey()).status()).as(caller.getKey()).isEqualTo(keys);
			assertThat(get("/api/v1/me", caller.getKey()).status()).as(caller.getKey())
				.isEqualTo(caller.getValue() == null ? 401 : 200);
		}
	}

	@Test
	void passwordResetIsOpenToEveryoneAndNeverSaysWhoExists() {
		for (Map.Entry<String, String> caller : this.callers.entrySet()) {
			String[] headers = caller.getValue() == null ? new String[0]
					: new String[] { "Authorization", caller.getValue() };
			assertThat(this.api.post("/api/v1/auth/password-reset", "{\"login\":\"user@test.kz\"}", headers).status())
				.as(caller.getKey() + " asks for a link")
				.isEqualTo(202);
			Api.Response confirm = this.api.post("/api/v1/auth/password-reset/confirm",
					"{\"token\":\"not-a-token\",\"password\":\"whatever-123\"}", headers);
			assertThat(confirm.status()).as(caller.getKey() + " with a wrong token").isEqualTo(400);
			assertThat(confirm.body()).doesNotContain("user@test.kz");
		}
		Visitor visitor = new Visitor(this.port, "127.0.8.1");
		Visitor signedIn = new Visitor(this.port, "127.0.8.2");
		signedIn.signIn("user@test.kz", IdentityFixtures.PASSWORD);
		for (Visitor web : List.of(visitor, signedIn)) {
			assertThat(web.get("/password/forgot").statusCode()).isEqualTo(200);
			assertThat(web.get("/password/reset?token=not-a-token").body()).contains("id=\"reset-invalid\"");
			assertThat(web.postRaw("/password/reset", "token=x&password=whatever-123").statusCode()).as("no CSRF token")
				.isEqualTo(403);
			assertThat(web.postRaw("/password/forgot", "login=user%40test.kz").statusCode()).as("no CSRF token")
				.isEqualTo(403);
		}
	}

	@Test
	void theTelegramWebhookTrustsOnlyTelegramsSecretWhoeverCalls() {
		String update = "{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1,"
				+ "\"chat\":{\"id\":77,\"type\":\"private\"},\"from\":{\"id\":77,\"is_bot\":false,"
				+ "\"first_name\":\"X\"},\"text\":\"/help\"}}";
		for (Map.Entry<String, String> caller : this.callers.entrySet()) {
			String[] headers = caller.getValue() == null ? new String[0]
					: new String[] { "Authorization", caller.getValue() };
			assertThat(this.api.post("/telegram/webhook", update, headers).status())
				.as(caller.getKey() + " POST /telegram/webhook without the secret")
				.isEqualTo(403);
			assertThat(this.api.get("/telegram/webhook", headers).status()).as(caller.getKey() + " GET")
				.isIn(403, 404, 405);
		}
		assertThat(this.jdbc.sql("select count(*) from telegram_updates").query(Long.class).single()).isZero();
		assertThat(this.api.post("/telegram/webhook", update, "X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret")
			.status()).isEqualTo(200);
	}

	@Test
	void theTelegramChatSimulatorExistsOnlyInTheDevProfile() {
		for (Map.Entry<String, String> caller : this.callers.entrySet()) {
			Api.Response page = get("/dev/telegram", caller.getKey());
			assertThat(page.status()).as(caller.getKey() + " GET /dev/telegram").isNotEqualTo(200);
			assertThat(page.body()).doesNotContain("sim-contact");
		}
	}

	private void expect(String caller, long listing, int status) {
		Api.Response response = get("/api/v1/access-codes/" + listing, caller);
		assertThat(response.status()).as(caller + " → listing " + listing).isEqualTo(status);
		if (status != 200) {
			assertThat(response.body()).doesNotContain("SECRET");
		}
	}

	private Api.Response get(String path, String caller) {
		String auth = this.callers.get(caller);
		return auth == null ? this.api.get(path) : this.api.get(path, "Authorization", auth);
	}

	private int status(String method, String path, String caller, Object body) {
		String auth = this.callers.get(caller);
		String[] headers = auth == null ? new String[0] : new String[] { "Authorization", auth };
		return switch (method) {
			case "PUT" -> this.api.put(path, body, headers).status();
			default -> this.api.post(path, body, headers).status();
		};
	}

}
