package kz.zhilyego.common;

import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON value that does not fit its field (hardening finding 14) is a 400 validation
 * problem naming the field by its JSON path; an unknown enum value lists the allowed
 * values, in the caller's language. Checked on several endpoints and enums.
 */
@IntegrationTest
class JsonFieldErrorsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	Api guest;

	Api realtor;

	Api admin;

	long listing;

	long user;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		this.user = identity.user("enum-guest@test.kz");
		long realtorId = identity.realtor("enum-realtor@test.kz", null);
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(realtorId).create();
		Api api = new Api(this.port);
		this.guest = api.with("Authorization", identity.bearer(this.user));
		this.realtor = api.with("Authorization", identity.bearer(realtorId));
		this.admin = api.with("Authorization", identity.bearer(identity.superuser("enum-admin@test.kz")));
	}

	@Test
	void anUnknownCancellationReasonNamesTheFieldAndListsTheReasons() {
		Api.Response response = this.guest.post("/api/v1/bookings/" + UUID.randomUUID() + "/cancel",
				"{\"reason\": \"NUKE\", \"note\": \"x\"}", "Accept-Language", "en");
		JsonNode problem = validationProblem(response);
		assertThat(problem.get("errors").get("reason").asString())
			.isEqualTo("Unknown value. Allowed values: CHANGE_OF_PLANS, FOUND_ANOTHER_PLACE, BOOKED_BY_MISTAKE, "
					+ "LISTING_UNAVAILABLE, MAINTENANCE, GUEST_REQUEST, OTHER.");
		assertThat(response.body()).doesNotContain("NUKE", "Exception", "kz.zhilyego");
	}

	@Test
	void aRealtorsBlockReasonIsExplainedInKazakh() {
		Api.Response response = this.realtor.post("/api/v1/realtor/listings/" + this.listing + "/blocks",
				"{\"from\": \"2026-12-10\", \"to\": \"2026-12-12\", \"reason\": \"HOLIDAY\"}", "Accept-Language", "kk");
		JsonNode problem = validationProblem(response);
		assertThat(problem.get("errors").get("reason").asString())
			.isEqualTo("Жарамсыз мән. Рұқсат етілген мәндер: MAINTENANCE, REPAIR, PERSONAL_USE, OTHER.");
		assertThat(this.jdbc.sql("select count(*) from listing_blocks").query(Long.class).single()).isZero();
	}

	@Test
	void anEnumInsideAnArrayIsNamedWithItsIndexInRussianByDefault() {
		Api.Response response = this.admin.put("/api/v1/admin/users/" + this.user + "/roles",
				"{\"roles\": [\"USER\", \"KING\"]}");
		JsonNode problem = validationProblem(response);
		assertThat(problem.get("errors").get("roles[1]").asString()).startsWith("Недопустимое значение.")
			.contains("USER", "REALTOR", "SUPER_ADMIN", "SUPERUSER");
		assertThat(this.jdbc.sql("select count(*) from user_roles where user_id = :id")
			.param("id", this.user)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anObjectWhereAnEnumBelongsIsAFieldErrorToo() {
		Api.Response response = this.realtor.post("/api/v1/realtor/bookings/" + UUID.randomUUID() + "/cancel",
				"{\"reason\": {\"nested\": 1}}", "Accept-Language", "en");
		JsonNode problem = validationProblem(response);
		assertThat(problem.get("errors").get("reason").asString()).startsWith("Unknown value. Allowed values:")
			.contains("CHANGE_OF_PLANS");
	}

	@Test
	void aWordWhereANumberBelongsNamesTheField() {
		Api.Response response = this.guest.post("/api/v1/bookings",
				"{\"listingId\": " + this.listing + ", \"checkIn\": \"2026-12-10\", \"checkOut\": \"2026-12-12\","
						+ " \"guests\": \"many\", \"rulesAccepted\": true}",
				"Accept-Language", "en");
		JsonNode problem = validationProblem(response);
		assertThat(problem.get("errors").get("guests").asString()).isEqualTo("The value has the wrong format.");
		assertThat(this.jdbc.sql("select count(*) from bookings").query(Long.class).single()).isZero();
	}

	@Test
	void brokenJsonIsStillAMalformedRequest() {
		Api.Response response = this.guest.post("/api/v1/bookings/" + UUID.randomUUID() + "/cancel", "{\"reason\": ",
				"Accept-Language", "en");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).endsWith("/malformed-request");
		assertThat(response.json().has("errors")).isFalse();
	}

	private static JsonNode validationProblem(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).endsWith("/validation");
		return problem;
	}

}
