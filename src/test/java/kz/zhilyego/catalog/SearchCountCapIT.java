package kz.zhilyego.catalog;

import java.util.List;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0004: the search count stops at the cap (1,000) and says so. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCountCapIT {

	private static final int LISTINGS = 1_050;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogGenerator generator;

	Api api;

	@BeforeAll
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.api = new Api(this.port);
		long owner = new CatalogFixtures(this.jdbc).defaultOwner();
		this.generator.generate(LISTINGS, List.of(owner), List.of(), 42);
	}

	@Test
	void moreMatchesThanTheCapGiveTheCapAsALowerBound() {
		JsonNode page = search("city=astana&checkIn=2026-12-10&checkOut=2026-12-12");

		assertThat(page.get("total").asLong()).isEqualTo(1_000);
		assertThat(page.get("totalExact").asBoolean()).isFalse();
		assertThat(page.get("items").size()).isEqualTo(20);
	}

	@Test
	void fewerMatchesThanTheCapAreCountedExactly() {
		long expected = this.jdbc
			.sql("select count(*) from listings where status = 'ACTIVE' and class_code = 'premium'")
			.query(Long.class)
			.single();

		JsonNode page = search("city=astana&class=premium&size=5");

		assertThat(expected).isBetween(6L, 999L);
		assertThat(page.get("total").asLong()).isEqualTo(expected);
		assertThat(page.get("totalExact").asBoolean()).isTrue();
	}

	@Test
	void theLastPageGivesAnExactTotalWithoutCounting() {
		long premium = this.jdbc.sql("select count(*) from listings where status = 'ACTIVE' and class_code = 'premium'")
			.query(Long.class)
			.single();
		int size = 100;
		int lastPage = (int) ((premium - 1) / size);

		JsonNode page = search("city=astana&class=premium&size=" + size + "&page=" + lastPage);

		assertThat(page.get("total").asLong()).isEqualTo(premium);
		assertThat(page.get("totalExact").asBoolean()).isTrue();
		assertThat(page.get("items").size()).isEqualTo((int) (premium - (long) lastPage * size));
	}

	@Test
	void aPageBeyondACappedTotalStillReturnsItsRows() {
		JsonNode page = search("city=astana&size=20&page=51");

		assertThat(page.get("items").size()).isEqualTo(20);
		assertThat(page.get("totalExact").asBoolean()).isFalse();
	}

	private JsonNode search(String query) {
		Api.Response response = this.api.get("/api/v1/listings?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
