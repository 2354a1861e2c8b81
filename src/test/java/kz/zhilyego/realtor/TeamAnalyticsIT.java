package kz.zhilyego.realtor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency head's team analytics on a small fixture computed by hand: two realtors of
 * one agency (and its head, who owns nothing) and a realtor of another agency whose data
 * must never appear. December 2026.
 * <ul>
 * <li>first realtor: listings a1, a2 active and a3 inactive; a1 COMPLETED 5–8 Dec 60 000,
 * CONFIRMED 10–12 Dec 40 000, a block 14–16 Dec; a2 paid CANCELLED 20–25 Dec 100 000 with
 * 50 000 refunded, CONFIRMED 28 Dec–3 Jan 90 000. Revenue 240 000, 3 bookings, 1
 * cancellation, booked nights 3 + 2 + 4 = 9, available 2 × 31 − 2 = 60, occupancy 15.0
 * %.</li>
 * <li>second realtor: listing b1; CHECKED_IN 3–4 Dec 25 000, unpaid CANCELLED 15–16 Dec,
 * CONFIRMED 28 Nov–2 Dec 80 000 (November check-in: not December revenue, but 1 night of
 * December). Revenue 25 000, 1 booking, 1 cancellation, booked 2 of 31 nights = 6.5
 * %.</li>
 * <li>team: revenue 265 000, 4 bookings, 2 cancellations, 11 / 91 nights = 12.1 %.</li>
 * </ul>
 */
@IntegrationTest
class TeamAnalyticsIT {

	private static final String PERIOD = "from=2026-12-01&to=2026-12-31";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	IdentityFixtures identity;

	long agency;

	long otherAgency;

	long head;

	long first;

	long second;

	long stranger;

	long otherHead;

	long admin;

	long a1;

	long b1;

	long c1;

	@BeforeEach
	void fixture() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.identity = new IdentityFixtures(this.context);
		this.agency = this.identity.agency("Агентство Команда");
		this.otherAgency = this.identity.agency("Другое агентство");
		this.head = this.identity.superAdmin("tm-a-head@test.kz", this.agency);
		this.first = this.identity.realtor("tm-b-first@test.kz", this.agency);
		this.second = this.identity.realtor("tm-c-second@test.kz", this.agency);
		this.otherHead = this.identity.superAdmin("tm-other-head@test.kz", this.otherAgency);
		this.stranger = this.identity.realtor("tm-stranger@test.kz", this.otherAgency);
		this.admin = this.identity.superuser("tm-admin@test.kz");
		long guest = this.identity.user("tm-guest@test.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc, this.clock);
		this.a1 = catalog.listing().owner(this.first).title("Первая А1").create();
		long a2 = catalog.listing().owner(this.first).title("Первая А2").create();
		catalog.listing().owner(this.first).title("Первая снятая").inactive().create();
		this.b1 = catalog.listing().owner(this.second).title("Вторая Б1").create();
		this.c1 = catalog.listing().owner(this.stranger).title("Чужая В1").create();
		RealtorFixtures f = new RealtorFixtures(this.jdbc, this.clock);
		f.booking(this.a1, guest, "Гость", "2026-12-05", "2026-12-08", "COMPLETED", 60_000, true, null, null);
		f.booking(this.a1, guest, "Гость", "2026-12-10", "2026-12-12", "CONFIRMED", 40_000, true, null, null);
		f.block(this.a1, "2026-12-14", "2026-12-16", false);
		f.booking(a2, guest, "Гость", "2026-12-20", "2026-12-25", "CANCELLED", 100_000, true, 50_000L,
				"CHANGE_OF_PLANS");
		f.booking(a2, guest, "Гость", "2026-12-28", "2027-01-03", "CONFIRMED", 90_000, true, null, null);
		f.booking(this.b1, guest, "Гость", "2026-12-03", "2026-12-04", "CHECKED_IN", 25_000, true, null, null);
		f.booking(this.b1, guest, "Гость", "2026-12-15", "2026-12-16", "CANCELLED", 30_000, false, 0L,
				"BOOKED_BY_MISTAKE");
		f.booking(this.b1, guest, "Гость", "2026-11-28", "2026-12-02", "CONFIRMED", 80_000, true, null, null);
		f.booking(this.c1, guest, "Чужой гость", "2026-12-06", "2026-12-07", "COMPLETED", 999_999, true, null, null);
	}

	@Test
	void theTeamSummaryEqualsTheHandComputedNumbers() {
		JsonNode s = api(this.head).get("/api/v1/realtor/analytics/team?" + PERIOD).json();
		assertThat(s.get("agencyId").asLong()).isEqualTo(this.agency);
		assertThat(s.get("revenue").decimalValue()).isEqualByComparingTo("265000");
		assertThat(s.get("bookings").asLong()).isEqualTo(4);
		assertThat(s.get("cancellations").asLong()).isEqualTo(2);
		assertThat(s.get("bookedNights").asLong()).isEqualTo(11);
		assertThat(s.get("availableNights").asLong()).isEqualTo(91);
		assertThat(s.get("occupancyPercent").decimalValue()).isEqualByComparingTo("12.1");
		assertThat(ids(s.get("topByRevenue"))).containsExactly(this.first, this.second);
		assertThat(ids(s.get("topByBookings"))).containsExactly(this.first, this.second);
		JsonNode realtors = s.get("realtors");
		assertThat(realtors.get("total").asLong()).as("the head is a realtor of the agency too").isEqualTo(3);
		assertThat(ids(realtors.get("items"))).containsExactly(this.head, this.first, this.second);
		JsonNode r1 = realtors.get("items").get(1);
		assertThat(r1.get("listings").asLong()).isEqualTo(3);
		assertThat(r1.get("activeListings").asLong()).isEqualTo(2);
		assertThat(r1.get("bookings").asLong()).isEqualTo(3);
		assertThat(r1.get("cancellations").asLong()).isEqualTo(1);
		assertThat(r1.get("grossRevenue").decimalValue()).isEqualByComparingTo("290000");
		assertThat(r1.get("refunds").decimalValue()).isEqualByComparingTo("50000");
		assertThat(r1.get("revenue").decimalValue()).isEqualByComparingTo("240000");
		assertThat(r1.get("bookedNights").asLong()).isEqualTo(9);
		assertThat(r1.get("availableNights").asLong()).isEqualTo(60);
		assertThat(r1.get("occupancyPercent").decimalValue()).isEqualByComparingTo("15.0");
		JsonNode r2 = realtors.get("items").get(2);
		assertThat(r2.get("listings").asLong()).isEqualTo(1);
		assertThat(r2.get("bookings").asLong()).isEqualTo(1);
		assertThat(r2.get("cancellations").asLong()).isEqualTo(1);
		assertThat(r2.get("revenue").decimalValue()).isEqualByComparingTo("25000");
		assertThat(r2.get("occupancyPercent").decimalValue()).isEqualByComparingTo("6.5");
		assertThat(r2.get("active").asBoolean()).isTrue();
		JsonNode h = realtors.get("items").get(0);
		assertThat(h.get("revenue").decimalValue()).isZero();
		assertThat(h.get("occupancyPercent").decimalValue()).isZero();
		assertThat(s.toString()).doesNotContain("tm-stranger", "999999");
	}

	@Test
	void theTeamNumbersUseTheSameDefinitionsAsTheRealtorsOwnAnalytics() {
		JsonNode team = api(this.head).get("/api/v1/realtor/analytics/team?" + PERIOD).json();
		JsonNode own = api(this.first).get("/api/v1/realtor/analytics/summary?" + PERIOD).json();
		JsonNode r1 = team.get("realtors").get("items").get(1);
		assertThat(r1.get("revenue").decimalValue()).isEqualByComparingTo(own.get("revenue").decimalValue());
		assertThat(r1.get("bookings").asLong()).isEqualTo(own.get("bookings").asLong());
		assertThat(r1.get("cancellations").asLong()).isEqualTo(own.get("cancellations").asLong());
		assertThat(r1.get("occupancyPercent").decimalValue())
			.isEqualByComparingTo(own.get("occupancyPercent").decimalValue());
	}

	@Test
	void revenueByMonthHasEveryMonthOfThePeriod() {
		JsonNode s = api(this.head).get("/api/v1/realtor/analytics/team?from=2026-11-01&to=2027-01-31").json();
		List<String> months = new ArrayList<>();
		s.get("revenueByMonth")
			.forEach(m -> months.add(m.get("month").asString() + "=" + m.get("revenue").decimalValue().toBigInteger()));
		assertThat(months).containsExactly("2026-11-01=80000", "2026-12-01=265000", "2027-01-01=0");
	}

	@Test
	void thePerRealtorTableIsPaged() {
		JsonNode s = api(this.head).get("/api/v1/realtor/analytics/team?" + PERIOD + "&page=1&size=2").json();
		assertThat(s.get("realtors").get("total").asLong()).isEqualTo(3);
		assertThat(ids(s.get("realtors").get("items"))).containsExactly(this.second);
		assertThat(ids(s.get("topByRevenue"))).as("the tops cover the whole team").hasSize(2);
	}

	@Test
	void aPlainRealtorOrUserGetsA403OnEveryTeamEndpoint() {
		for (long caller : new long[] { this.first, this.stranger }) {
			for (String path : new String[] { "/api/v1/realtor/analytics/team?" + PERIOD,
					"/api/v1/realtor/reports/team.csv?" + PERIOD, "/api/v1/realtor/reports/team.xlsx?" + PERIOD }) {
				Api.Response response = api(caller).get(path);
				assertThat(response.status()).as(path).isEqualTo(403);
				assertThat(response.body()).as(path).contains("forbidden").doesNotContain("265000");
			}
		}
		long guest = this.identity.user("tm-guest2@test.kz");
		assertThat(api(guest).get("/api/v1/realtor/analytics/team?" + PERIOD).status()).isEqualTo(403);
	}

	@Test
	void aHeadCannotAskForAnotherAgency() {
		assertThat(api(this.head).get("/api/v1/realtor/analytics/team?" + PERIOD + "&agencyId=" + this.otherAgency)
			.status()).isEqualTo(404);
		JsonNode other = api(this.otherHead).get("/api/v1/realtor/analytics/team?" + PERIOD).json();
		assertThat(other.get("revenue").decimalValue()).isEqualByComparingTo("999999");
		assertThat(other.toString()).doesNotContain("tm-b-first", "tm-c-second");
	}

	@Test
	void theSuperuserQueriesAGivenAgency() {
		JsonNode s = api(this.admin).get("/api/v1/realtor/analytics/team?" + PERIOD + "&agencyId=" + this.agency)
			.json();
		assertThat(s.get("revenue").decimalValue()).isEqualByComparingTo("265000");
		assertThat(ids(s.get("topByRevenue"))).containsExactly(this.first, this.second);
		JsonNode other = api(this.admin)
			.get("/api/v1/realtor/analytics/team?" + PERIOD + "&agencyId=" + this.otherAgency)
			.json();
		assertThat(ids(other.get("topByRevenue"))).containsExactly(this.stranger);
		assertThat(api(this.admin).get("/api/v1/realtor/analytics/team?" + PERIOD).status()).isEqualTo(400);
		assertThat(api(this.admin).get("/api/v1/realtor/analytics/team?" + PERIOD + "&agencyId=999999").status())
			.isEqualTo(404);
	}

	@Test
	void theXlsxOpensWithPoiAndHoldsTheSameNumbers() throws IOException, InterruptedException {
		byte[] bytes = download("/api/v1/realtor/reports/team.xlsx?" + PERIOD, this.head);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet team = workbook.getSheet("Team");
			assertThat(team.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Агентство Команда");
			assertThat(BigDecimal.valueOf(team.getRow(3).getCell(1).getNumericCellValue()))
				.isEqualByComparingTo("265000");
			assertThat(BigDecimal.valueOf(team.getRow(6).getCell(1).getNumericCellValue()))
				.isEqualByComparingTo("12.1");
			Sheet realtors = workbook.getSheet("Realtors");
			assertThat(realtors.getLastRowNum()).isEqualTo(3);
			Row r1 = realtors.getRow(2);
			assertThat((long) r1.getCell(0).getNumericCellValue()).isEqualTo(this.first);
			assertThat((long) r1.getCell(5).getNumericCellValue()).as("listings").isEqualTo(3);
			assertThat((long) r1.getCell(7).getNumericCellValue()).as("bookings").isEqualTo(3);
			assertThat((long) r1.getCell(8).getNumericCellValue()).as("cancellations").isEqualTo(1);
			assertThat(BigDecimal.valueOf(r1.getCell(11).getNumericCellValue())).isEqualByComparingTo("240000");
			assertThat(BigDecimal.valueOf(r1.getCell(14).getNumericCellValue())).isEqualByComparingTo("15.0");
			Row r2 = realtors.getRow(3);
			assertThat((long) r2.getCell(0).getNumericCellValue()).isEqualTo(this.second);
			assertThat(BigDecimal.valueOf(r2.getCell(11).getNumericCellValue())).isEqualByComparingTo("25000");
			BigDecimal sum = BigDecimal.ZERO;
			for (int i = 1; i <= realtors.getLastRowNum(); i++) {
				assertThat((long) realtors.getRow(i).getCell(0).getNumericCellValue()).isNotEqualTo(this.stranger);
				sum = sum.add(BigDecimal.valueOf(realtors.getRow(i).getCell(11).getNumericCellValue()));
			}
			assertThat(sum).isEqualByComparingTo("265000");
		}
	}

	@Test
	void theCsvHasOneLinePerRealtorOfTheAgency() throws IOException, InterruptedException {
		byte[] bytes = download("/api/v1/realtor/reports/team.csv?" + PERIOD + "&lang=en", this.head);
		assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
		String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		String[] lines = csv.strip().split("\r\n");
		assertThat(lines).hasSize(4);
		assertThat(lines[0]).startsWith("Realtor number,Name,E-mail,Phone,Status,Listings,Active listings,Bookings");
		assertThat(lines[2]).startsWith(this.first + ",Test tm-b-first,tm-b-first@test.kz,")
			.contains(",Active,3,2,3,1,290000.00,50000.00,240000.00,9,60,15.0,KZT");
		assertThat(csv).doesNotContain("tm-stranger", "999999");
	}

	@Test
	void theRealtorFilterOfListingsAndBookingsStaysInsideTheScope() {
		JsonNode listings = api(this.head).get("/api/v1/realtor/listings?realtorId=" + this.second).json();
		assertThat(listings.get("total").asLong()).isEqualTo(1);
		assertThat(listings.get("items").get(0).get("id").asLong()).isEqualTo(this.b1);
		JsonNode bookings = api(this.head).get("/api/v1/realtor/bookings?realtorId=" + this.first).json();
		assertThat(bookings.get("total").asLong()).isEqualTo(4);
		bookings.get("items").forEach(b -> assertThat(b.get("listingTitle").asString()).startsWith("Первая"));
		assertThat(api(this.head).get("/api/v1/realtor/listings?realtorId=" + this.stranger).status()).isEqualTo(404);
		assertThat(api(this.head).get("/api/v1/realtor/bookings?realtorId=" + this.stranger).status()).isEqualTo(404);
		assertThat(api(this.first).get("/api/v1/realtor/listings?realtorId=" + this.second).status()).isEqualTo(404);
		assertThat(
				api(this.admin).get("/api/v1/realtor/listings?realtorId=" + this.stranger).json().get("total").asLong())
			.isEqualTo(1);
	}

	private Api api(long userId) {
		return new Api(this.port).with("Authorization", this.identity.bearer(userId));
	}

	private byte[] download(String path, long userId) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", this.identity.bearer(userId))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static List<Long> ids(JsonNode array) {
		List<Long> ids = new ArrayList<>();
		array.forEach(n -> ids.add(n.get("realtorId").asLong()));
		return ids;
	}

}
