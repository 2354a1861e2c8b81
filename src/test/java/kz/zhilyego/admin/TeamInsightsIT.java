package kz.zhilyego.admin;

import java.util.ArrayList;
import java.util.List;

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
 * The agency head's team view against numbers computed by hand: the occupancy heat map
 * (realtor × day) and the realtors compared month by month. Team Альфа is its head (who
 * is a realtor too) and realtor A; Бета's realtor has a stay on the same days that must
 * not show. Every stay is a hold paid through the sandbox (made on 1 Dec).
 *
 * <pre>
 * listing              owner      per night  live from           stays (check-in – check-out)
 * Студия               realtor A  10 000     June                g1 10–12 Dec, g2 5–8 Jan
 * Лофт                 realtor A  20 000     June                g2 11–14 Dec
 * Дом                  head A     30 000     12 Dec 09:00 Astana g1 13–14 Dec, g2 10–11 Jan,
 *                                                                g1 20–22 Jan a hold never paid
 * Коттедж (Бета)       realtor B  15 000     June                g2 10–14 Dec
 * </pre>
 */
@IntegrationTest
class TeamInsightsIT {

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
		long studio = this.f.listing(this.f.realtorA, "Студия", 10_000);
		long loft = this.f.listing(this.f.realtorA, "Лофт", 20_000);
		long house = this.f.catalog.listing()
			.owner(this.f.headA)
			.title("Дом")
			.price(30_000)
			.createdAt("2026-12-12T04:00:00Z")
			.create();
		long cottage = this.f.listing(this.f.realtorB, "Коттедж", 15_000);
		this.f.paid(studio, this.f.guest1, "2026-12-10", "2026-12-12");
		this.f.paid(loft, this.f.guest2, "2026-12-11", "2026-12-14");
		this.f.paid(house, this.f.guest1, "2026-12-13", "2026-12-14");
		this.f.paid(cottage, this.f.guest2, "2026-12-10", "2026-12-14");
		this.f.paid(studio, this.f.guest2, "2027-01-05", "2027-01-08");
		this.f.paid(house, this.f.guest2, "2027-01-10", "2027-01-11");
		this.f.hold(house, this.f.guest1, "2027-01-20", "2027-01-22");
	}

	private JsonNode get(String path) {
		Api.Response response = this.api.get(path, "Authorization", this.f.bearer(this.f.headA));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode row(JsonNode rows, long realtor) {
		for (JsonNode row : rows) {
			if (row.get("realtorId").asLong() == realtor) {
				return row;
			}
		}
		throw new AssertionError("no row for realtor " + realtor + " in " + rows);
	}

	private static List<String> values(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.isNull() ? "-" : v.asString()));
		return values;
	}

	@Test
	void theHeatMapIsBookedOverLiveListingsPerRealtorAndDay() {
		JsonNode map = get("/api/v1/agency/analytics/heat-map?from=2026-12-10&to=2026-12-14");

		assertThat(map.get("agencyId").asLong()).isEqualTo(this.f.agencyA);
		assertThat(values(map.get("days"))).containsExactly("2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13",
				"2026-12-14");
		List<Long> realtors = new ArrayList<>();
		map.get("rows").forEach(r -> realtors.add(r.get("realtorId").asLong()));
		assertThat(realtors).as("the team only: Бета's realtor is not in it")
			.containsExactlyInAnyOrder(this.f.headA, this.f.realtorA);
		// realtor A, two listings live every day; nights booked:
		// 10 Dec Студия 1/2 = 50; 11 Dec Студия + Лофт 2/2 = 100; 12 Dec Лофт 1/2 = 50;
		// 13 Dec Лофт 1/2 = 50; 14 Dec none 0/2 = 0
		assertThat(values(row(map.get("rows"), this.f.realtorA).get("cells"))).containsExactly("50", "100", "50", "50",
				"0");
		// head A, Дом live from 12 Dec: nothing live on 10 and 11 Dec (no figure, not 0);
		// 12 Dec 0/1 = 0; 13 Dec 1/1 = 100; 14 Dec 0/1 = 0
		assertThat(values(row(map.get("rows"), this.f.headA).get("cells"))).containsExactly("-", "-", "0", "100", "0");
	}

	@Test
	void theMonthComparisonHasEachRealtorsRevenueAndPaidStaysByMonthOfCheckIn() {
		JsonNode months = get("/api/v1/agency/analytics/months?from=2026-12-01&to=2027-01-31");

		assertThat(values(months.get("months"))).containsExactly("2026-12-01", "2027-01-01");
		assertThat(months.get("rows")).hasSize(2);
		JsonNode realtor = row(months.get("rows"), this.f.realtorA);
		// December: Студия 2 × 10 000 + Лофт 3 × 20 000 = 20 000 + 60 000 = 80 000, 2
		// stays
		// January: Студия 3 × 10 000 = 30 000, 1 stay
		assertThat(realtor.get("revenue").get(0).decimalValue()).isEqualByComparingTo("80000");
		assertThat(realtor.get("revenue").get(1).decimalValue()).isEqualByComparingTo("30000");
		assertThat(values(realtor.get("bookings"))).containsExactly("2", "1");
		JsonNode head = row(months.get("rows"), this.f.headA);
		// December: Дом 1 × 30 000 = 30 000, 1 stay; January: Дом 1 × 30 000, 1 stay (the
		// unpaid hold of 20–22 Jan counts neither in revenue nor in stays)
		assertThat(head.get("revenue").get(0).decimalValue()).isEqualByComparingTo("30000");
		assertThat(head.get("revenue").get(1).decimalValue()).isEqualByComparingTo("30000");
		assertThat(values(head.get("bookings"))).containsExactly("1", "1");
	}

	@Test
	void anotherAgencysHeadSeesOnlyTheirOwnTeam() {
		Api.Response response = this.api.get("/api/v1/agency/analytics/heat-map?from=2026-12-10&to=2026-12-14",
				"Authorization", this.f.bearer(this.f.headB));
		assertThat(response.status()).isEqualTo(200);
		JsonNode rows = response.json().get("rows");
		List<Long> realtors = new ArrayList<>();
		rows.forEach(r -> realtors.add(r.get("realtorId").asLong()));
		assertThat(realtors).containsExactlyInAnyOrder(this.f.headB, this.f.realtorB);
		// Коттедж, 10–14 Dec: booked the nights of 10, 11, 12 and 13 Dec, not 14 Dec
		assertThat(values(row(rows, this.f.realtorB).get("cells"))).containsExactly("100", "100", "100", "100", "0");
		// head B has no listing: no figure on any day
		assertThat(values(row(rows, this.f.headB).get("cells"))).containsExactly("-", "-", "-", "-", "-");
		assertThat(this.api
			.get("/api/v1/agency/analytics/months?from=2027-01-31&to=2026-12-01", "Authorization",
					this.f.bearer(this.f.headA))
			.status()).as("a period in the wrong order").isEqualTo(400);
	}

}
