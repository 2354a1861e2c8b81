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
 * Analytics on a fixed fixture, compared with numbers computed by hand (docs/realtor.md
 * has the definitions). December 2026, three active listings of one realtor, one listing
 * of another realtor that must never count.
 */
@IntegrationTest
class RealtorAnalyticsIT {

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

	long realtor;

	long other;

	long head;

	long admin;

	long l1;

	long l2;

	long l3;

	long l4;

	long g1;

	long g2;

	long g3;

	@BeforeEach
	void fixture() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.identity = new IdentityFixtures(this.context);
		long agency = this.identity.agency("Агентство Аналитика");
		this.realtor = this.identity.realtor("an-realtor@test.kz", agency);
		this.head = this.identity.superAdmin("an-head@test.kz", agency);
		this.other = this.identity.realtor("an-other@test.kz", null);
		this.admin = this.identity.superuser("an-admin@test.kz");
		this.g1 = this.identity.user("g1@test.kz");
		this.g2 = this.identity.user("g2@test.kz");
		this.g3 = this.identity.user("g3@test.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc, this.clock);
		this.l1 = catalog.listing().owner(this.realtor).title("Квартира один").create();
		this.l2 = catalog.listing().owner(this.realtor).title("Квартира два").create();
		this.l3 = catalog.listing().owner(this.realtor).title("Квартира три").create();
		this.l4 = catalog.listing().owner(this.other).title("Чужая квартира").create();
		catalog.listing().owner(this.realtor).title("Снятая квартира").inactive().create();
		RealtorFixtures f = new RealtorFixtures(this.jdbc, this.clock);
		f.booking(this.l1, this.g1, "Гость Один", "2026-12-05", "2026-12-08", "COMPLETED", 60_000, true, null, null);
		f.booking(this.l1, this.g2, "Гость Два", "2026-12-10", "2026-12-12", "CONFIRMED", 40_000, true, null, null);
		f.booking(this.l2, this.g1, "Гость Один", "2026-12-03", "2026-12-04", "CHECKED_IN", 25_000, true, null, null);
		f.booking(this.l2, this.g3, "Гость Три", "2026-12-20", "2026-12-25", "CANCELLED", 100_000, true, 50_000L,
				"CHANGE_OF_PLANS");
		f.booking(this.l3, this.g2, "Гость Два", "2026-12-15", "2026-12-16", "CANCELLED", 30_000, false, 0L,
				"BOOKED_BY_MISTAKE");
		f.booking(this.l3, this.g3, "Гость Три", "2026-12-28", "2027-01-03", "CONFIRMED", 90_000, true, null, null);
		f.booking(this.l1, this.g1, "Гость Один", "2026-11-28", "2026-12-02", "COMPLETED", 80_000, true, null, null);
		f.booking(this.l4, this.g1, "Гость Один", "2026-12-06", "2026-12-07", "COMPLETED", 999_999, true, null, null);
		f.booking(this.l2, this.g2, "Гость Два", "2026-12-26", "2026-12-27", "CANCELLED", 20_000, true, 20_000L,
				"MAINTENANCE");
		f.booking(this.l1, this.g3, "Гость Три", "2026-12-20", "2026-12-22", "EXPIRED", 40_000, false, null, null);
		f.block(this.l3, "2026-12-10", "2026-12-13", false);
		f.block(this.l1, "2026-12-14", "2026-12-16", true);
	}

	@Test
	void theSummaryEqualsTheHandComputedNumbers() {
		JsonNode s = api(this.realtor).get("/api/v1/realtor/analytics/summary?" + PERIOD).json();
		assertThat(s.get("grossRevenue").decimalValue()).isEqualByComparingTo("335000");
		assertThat(s.get("refunds").decimalValue()).isEqualByComparingTo("70000");
		assertThat(s.get("revenue").decimalValue()).isEqualByComparingTo("265000");
		assertThat(s.get("bookings").asLong()).isEqualTo(4);
		assertThat(s.get("cancellations").asLong()).isEqualTo(3);
		assertThat(s.get("bookedNights").asLong()).isEqualTo(11);
		assertThat(s.get("availableNights").asLong()).isEqualTo(90);
		assertThat(s.get("occupancyPercent").decimalValue()).isEqualByComparingTo("12.2");
		assertThat(ids(s.get("topListingsByRevenue"), "listingId")).containsExactly(this.l1, this.l3, this.l2);
		assertThat(s.get("topListingsByRevenue").get(0).get("revenue").decimalValue()).isEqualByComparingTo("100000");
		assertThat(ids(s.get("topListingsByBookings"), "listingId")).containsExactly(this.l1, this.l3, this.l2);
		assertThat(s.get("topListingsByBookings").get(0).get("bookings").asLong()).isEqualTo(2);
		// g2 and g3 spent money but stayed nowhere yet: a top by stays never lists them
		assertThat(ids(s.get("topClientsByStays"), "guestId")).containsExactly(this.g1);
		assertThat(s.get("topClientsByStays").get(0).get("stays").asLong()).isEqualTo(2);
		assertThat(ids(s.get("topClientsBySpend"), "guestId")).containsExactly(this.g3, this.g1, this.g2);
		assertThat(s.get("topClientsBySpend").get(0).get("spend").decimalValue()).isEqualByComparingTo("140000");
		assertThat(s.get("topClientsBySpend").get(1).get("spend").decimalValue()).isEqualByComparingTo("85000");
		List<String> reasons = new ArrayList<>();
		s.get("cancellationReasons")
			.forEach(r -> reasons.add(r.get("reason").asString() + ":" + r.get("count").asLong()));
		assertThat(reasons).containsExactly("BOOKED_BY_MISTAKE:1", "CHANGE_OF_PLANS:1", "MAINTENANCE:1");
		JsonNode heat = s.get("heatMap");
		assertThat(heat.get("days").get(0).asString()).isEqualTo("2026-12-01");
		JsonNode row1 = row(heat, this.l1);
		assertThat(row1.get("cells").get(0).asInt()).isEqualTo(1);
		assertThat(row1.get("cells").get(4).asInt()).isEqualTo(1);
		assertThat(row1.get("cells").get(13).asInt()).as("removed block").isZero();
		JsonNode row3 = row(heat, this.l3);
		assertThat(row3.get("cells").get(9).asInt()).as("blocked 10 Dec").isEqualTo(2);
		assertThat(row3.get("cells").get(30).asInt()).as("booked 31 Dec").isEqualTo(1);
	}

	@Test
	void eachRoleSeesTheAnalyticsOfItsScopeOnly() {
		assertThat(
				api(this.other).get("/api/v1/realtor/analytics/summary?" + PERIOD).json().get("revenue").decimalValue())
			.isEqualByComparingTo("999999");
		assertThat(
				api(this.head).get("/api/v1/realtor/analytics/summary?" + PERIOD).json().get("revenue").decimalValue())
			.isEqualByComparingTo("265000");
		assertThat(
				api(this.admin).get("/api/v1/realtor/analytics/summary?" + PERIOD).json().get("revenue").decimalValue())
			.isEqualByComparingTo("1264999");
		assertThat(api(this.g1).get("/api/v1/realtor/analytics/summary?" + PERIOD).status()).isEqualTo(403);
	}

	@Test
	void aBadPeriodIsAFieldError() {
		Api.Response response = api(this.realtor).get("/api/v1/realtor/analytics/summary?from=2026-12-31&to=2026-12-01",
				"Accept-Language", "en");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get("to").asString()).contains("after the start");
		assertThat(api(this.realtor).get("/api/v1/realtor/analytics/summary?from=2025-01-01&to=2026-12-31").status())
			.isEqualTo(400);
	}

	@Test
	void theXlsxOpensWithPoiAndHoldsTheSameNumbers() throws IOException, InterruptedException {
		byte[] bytes = download("/api/v1/realtor/reports/bookings.xlsx?" + PERIOD, this.realtor);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet summary = workbook.getSheet("Summary");
			assertThat(value(summary, 4)).isEqualByComparingTo("265000");
			assertThat(value(summary, 2)).isEqualByComparingTo("335000");
			assertThat(value(summary, 3)).isEqualByComparingTo("70000");
			assertThat(value(summary, 5)).isEqualByComparingTo("4");
			assertThat(value(summary, 9)).isEqualByComparingTo("12.2");
			Sheet bookings = workbook.getSheet("Bookings");
			assertThat(bookings.getLastRowNum()).as("bookings with a December check-in, every status").isEqualTo(8);
			BigDecimal revenue = BigDecimal.ZERO;
			for (int i = 1; i <= bookings.getLastRowNum(); i++) {
				Row row = bookings.getRow(i);
				assertThat((long) row.getCell(1).getNumericCellValue()).isNotEqualTo(this.l4);
				revenue = revenue.add(BigDecimal.valueOf(row.getCell(12).getNumericCellValue()));
			}
			assertThat(revenue).isEqualByComparingTo("265000");
		}
	}

	@Test
	void theCsvIsUtf8WithABomAndOneLinePerBooking() throws IOException, InterruptedException {
		byte[] bytes = download("/api/v1/realtor/reports/bookings.csv?" + PERIOD, this.realtor);
		assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
		assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
		assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		List<String> lines = text.lines().toList();
		assertThat(lines).hasSize(9);
		// Russian by default: what Excel in a Russian locale opens by double click
		assertThat(lines.get(0)).startsWith("Номер брони;Номер объекта;Объект;Гость;");
		assertThat(text).contains("Квартира один").doesNotContain("Чужая квартира");
		BigDecimal revenue = BigDecimal.ZERO;
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(";");
			revenue = revenue.add(new BigDecimal(cells[12].replace(',', '.')));
		}
		assertThat(revenue).isEqualByComparingTo("265000");
	}

	private byte[] download(String path, long userId) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", this.identity.bearer(userId))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static BigDecimal value(Sheet sheet, int row) {
		return BigDecimal.valueOf(sheet.getRow(row).getCell(1).getNumericCellValue());
	}

	private static JsonNode row(JsonNode heat, long listingId) {
		for (JsonNode row : heat.get("rows")) {
			if (row.get("listingId").asLong() == listingId) {
				return row;
			}
		}
		throw new AssertionError("no heat map row for " + listingId);
	}

	private static List<Long> ids(JsonNode array, String field) {
		List<Long> ids = new ArrayList<>();
		array.forEach(node -> ids.add(node.get(field).asLong()));
		return ids;
	}

	private Api api(long userId) {
		return new Api(this.port).with("Authorization", this.identity.bearer(userId));
	}

}
