package kz.zhilyego.identity;

import java.util.Map;

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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiKeyIT {

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

	long realtor;

	long otherRealtor;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.fixtures = new IdentityFixtures(this.context);
		this.realtor = this.fixtures.realtor("realtor@test.kz", null);
		this.otherRealtor = this.fixtures.realtor("other@test.kz", null);
	}

	@Test
	void aKeyIsShownOnceStoredHashedAndActsAsItsCreator() {
		Api.Response created = this.api.post("/api/v1/api-keys", Map.of("name", "Партнёр"), "Authorization",
				this.fixtures.bearer(this.realtor));
		assertThat(created.status()).isEqualTo(201);
		String key = created.json().get("key").asString();
		assertThat(key).startsWith(created.json().get("prefix").asString() + "_");

		Api.Response list = this.api.get("/api/v1/api-keys", "Authorization", this.fixtures.bearer(this.realtor));
		assertThat(list.body()).doesNotContain(key).contains(created.json().get("prefix").asString());
		assertThat(this.jdbc.sql("select count(*) from api_keys where key_hash = :k")
			.param("k", key)
			.query(Long.class)
			.single()).isZero();

		JsonNode me = this.api.get("/api/v1/me", "X-Api-Key", key).json();
		assertThat(me.get("id").asLong()).isEqualTo(this.realtor);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'api-key.created'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aKeyIsScopedToItsCreatorsListings() {
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		long own = catalog.listing().owner(this.realtor).create();
		long foreign = catalog.listing().owner(this.otherRealtor).create();
		this.codes.store(own, new AccessCodeSet("11", "22", "33"), this.fixtures.currentUser(this.realtor));
		// codes that a random request id (hex) in the answer can never contain
		this.codes.store(foreign, new AccessCodeSet("FOREIGN-INTERCOM", "FOREIGN-FLAT", "FOREIGN-SAFE"),
				this.fixtures.currentUser(this.otherRealtor));
		String key = this.api
			.post("/api/v1/api-keys", Map.of("name", "crm"), "Authorization", this.fixtures.bearer(this.realtor))
			.json()
			.get("key")
			.asString();

		assertThat(this.api.get("/api/v1/access-codes/" + own, "X-Api-Key", key).json().get("flat").asString())
			.isEqualTo("22");
		Api.Response other = this.api.get("/api/v1/access-codes/" + foreign, "X-Api-Key", key);
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.body()).doesNotContain("FOREIGN");
		assertThat(this.api.get("/api/v1/admin/users", "X-Api-Key", key).status()).isEqualTo(403);
	}

	@Test
	void aRevokedKeyNoLongerWorksAndOnlyItsOwnerCanRevokeIt() {
		JsonNode created = this.api
			.post("/api/v1/api-keys", Map.of("name", "crm"), "Authorization", this.fixtures.bearer(this.realtor))
			.json();
		String key = created.get("key").asString();
		long id = created.get("id").asLong();

		assertThat(this.api.delete("/api/v1/api-keys/" + id, "Authorization", this.fixtures.bearer(this.otherRealtor))
			.status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/me", "X-Api-Key", key).status()).isEqualTo(200);

		assertThat(
				this.api.delete("/api/v1/api-keys/" + id, "Authorization", this.fixtures.bearer(this.realtor)).status())
			.isEqualTo(204);

		Api.Response revoked = this.api.get("/api/v1/me", "X-Api-Key", key);
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.json().get("type").asString()).endsWith("/invalid-api-key");
		assertThat(this.api.get("/api/v1/me", "X-Api-Key", "zgo_made_up").status()).isEqualTo(401);
	}

	@Test
	void aGuestUserMayNotCreateKeys() {
		long user = this.fixtures.user("guest@test.kz");

		assertThat(this.api.post("/api/v1/api-keys", Map.of("name", "x"), "Authorization", this.fixtures.bearer(user))
			.status()).isEqualTo(403);
	}

}
