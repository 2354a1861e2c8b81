package kz.zhilyego.admin;

import java.time.Instant;
import java.time.LocalDate;

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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Occupancy counts the listings that were active during the period, not those active
 * today (the realtor's analytics and the platform's alike). December 2026, one realtor:
 *
 * <pre>
 * listing   live in December                          available  booked
 * always    1–31 (created in June)                    31         2 (10–12 Dec)
 * retired   1–16 (deactivated 16 Dec, 10:00 Astana)   16         3 (5–8 Dec)
 * newcomer  20–31 (created 20 Dec)                    12         0
 * total                                               59         5 → 8.5 %
 * </pre>
 *
 * Counting by today's status would drop the retired listing and its stay (2 / 43 nights).
 */
@IntegrationTest
class OccupancyHistoryIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Api api;

	AdminFixtures f;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.f = new AdminFixtures(this.context, this.api).people();
		long always = this.f.catalog.listing().owner(this.f.independent).title("Всегда в работе").create();
		long retired = this.f.catalog.listing().owner(this.f.independent).title("Снятое с публикации").create();
		this.f.catalog.occupyByBooking(always, LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-12"));
		this.f.catalog.occupyByBooking(retired, LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-08"));
		this.clock.set(Instant.parse("2026-12-16T05:00:00Z"));
		Api.Response off = this.api.post("/api/v1/realtor/listings/" + retired + "/deactivate", "{}", "Authorization",
				this.f.bearer(this.f.independent));
		assertThat(off.status()).as(off.body()).isEqualTo(200);
		this.f.catalog.listing().owner(this.f.independent).title("Новичок").createdAt("2026-12-20T04:00:00Z").create();
		this.clock.set(Instant.parse("2027-01-05T05:00:00Z"));
	}

	@Test
	void theRealtorsOccupancyCountsEachListingForTheDaysItWasLive() {
		Api.Response response = this.api.get("/api/v1/realtor/analytics/summary?from=2026-12-01&to=2026-12-31",
				"Authorization", this.f.bearer(this.f.independent));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode s = response.json();
		assertThat(s.get("availableNights").asLong()).isEqualTo(59);
		assertThat(s.get("bookedNights").asLong()).isEqualTo(5);
		assertThat(s.get("occupancyPercent").decimalValue()).isEqualByComparingTo("8.5");
	}

	@Test
	void thePlatformsOccupancyUsesTheSameHistory() {
		Api.Response response = this.api.get("/api/v1/admin/analytics/summary?from=2026-12-01&to=2026-12-31",
				"Authorization", this.f.bearer(this.f.superuser));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode rates = response.json().get("rates");
		assertThat(rates.get("availableNights").asLong()).isEqualTo(59);
		assertThat(rates.get("bookedNights").asLong()).isEqualTo(5);
		assertThat(rates.get("occupancyPercent").decimalValue()).isEqualByComparingTo("8.5");
	}

}
