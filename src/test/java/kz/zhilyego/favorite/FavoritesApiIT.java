package kz.zhilyego.favorite;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FavoritesApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Favorites favorites;

	@Autowired
	org.springframework.context.ApplicationContext context;

	Api api;

	Api other;

	long guest;

	long listing;

	long inactive;

	@BeforeEach
	void data() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		this.guest = identity.user("fav@test.zhilyego.kz");
		long otherUser = identity.user("other-fav@test.zhilyego.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.listing = catalog.listing().title("Студия для избранного").price(18000).create();
		this.inactive = catalog.listing().title("Скрытое объявление").inactive().create();
		this.api = new Api(this.port).with("Authorization", identity.bearer(this.guest));
		this.other = new Api(this.port).with("Authorization", identity.bearer(otherUser));
	}

	@Test
	void aUserAddsListsAndRemovesFavoritesIdempotentlyAndSeesOnlyOwnOnes() {
		assertThat(this.api.put("/api/v1/me/favorites/" + this.listing, "").status()).isEqualTo(201);
		assertThat(this.api.put("/api/v1/me/favorites/" + this.listing, "").status()).isEqualTo(204);
		JsonNode list = this.api.get("/api/v1/me/favorites").json();
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("listingId").asLong()).isEqualTo(this.listing);
		assertThat(list.get(0).get("title").asString()).isEqualTo("Студия для избранного");
		assertThat(list.get(0).get("available").asBoolean()).isTrue();
		assertThat(list.get(0).get("path").asString()).endsWith("-" + this.listing);
		assertThat(this.other.get("/api/v1/me/favorites").json()).isEmpty();

		assertThat(this.api.delete("/api/v1/me/favorites/" + this.listing).status()).isEqualTo(204);
		assertThat(this.api.delete("/api/v1/me/favorites/" + this.listing).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/me/favorites").json()).isEmpty();
	}

	@Test
	void onlyActiveListingsCanBeAddedAndAnonymousCallersAreRefused() {
		Api.Response missing = this.api.put("/api/v1/me/favorites/" + this.inactive, "");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).contains("application/problem+json");
		assertThat(this.api.put("/api/v1/me/favorites/999999", "").status()).isEqualTo(404);
		assertThat(new Api(this.port).get("/api/v1/me/favorites").status()).isEqualTo(401);
		assertThat(new Api(this.port).put("/api/v1/me/favorites/" + this.listing, "").status()).isEqualTo(401);
	}

	@Test
	void aListingThatBecomesInactiveStaysInTheListAsUnavailable() {
		this.favorites.add(this.guest, this.listing);
		this.jdbc.sql("update listings set status = 'INACTIVE' where id = :id").param("id", this.listing).update();
		JsonNode list = this.api.get("/api/v1/me/favorites").json();
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("available").asBoolean()).isFalse();
		assertThat(this.favorites.among(this.guest, java.util.List.of(this.listing, this.inactive)))
			.containsExactly(this.listing);
	}

}
