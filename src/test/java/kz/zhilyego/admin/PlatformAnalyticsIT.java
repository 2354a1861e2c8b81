package kz.zhilyego.admin;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CancellationReason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
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
import static org.awaitility.Awaitility.await;

/**
 * The platform's analytics against numbers computed by hand, and the reconciliation: the
 * agencies plus the independent realtors add up to the platform, and the platform to the
 * ledger. December 2026, commission 10 %, provider fee 2.5 %:
 *
 * <pre>
 * booking  listing (owner)          guest  stay         gross   paid     notes
 * b0       Студия (realtor A)       g1     25–26 Dec    20 000  20 Nov   paid in November: not December money
 * b1       Студия (realtor A)       g1     10–13 Dec    60 000  1 Dec
 * b2       Лофт (head A)            g2     10–12 Dec    20 000  1 Dec
 * b3       Дом (realtor B)          g1     15–17 Dec    30 000  1 Dec
 * b4       Коттедж (independent)    g2     20–21 Dec    30 000  1 Dec
 * b5       Дом (realtor B)          g2     20–22 Dec    30 000  1 Dec   cancelled by the guest: 100 % back
 * h6       Коттедж (independent)    g1     27–28 Dec    hold, never paid
 *
 *                 revenue  refunds  commission  fees    payouts  paid bookings
 * Альфа            80 000        0       8 000  2 000    72 000  2
 * Бета             60 000   30 000       3 000    750    27 000  2
 * independents     30 000        0       3 000    750    27 000  1
 * platform        170 000   30 000      14 000  3 500   126 000  5
 * </pre>
 *
 * Occupancy: 4 listings live all December = 124 listing-nights; booked nights 3 + 2 + 2 +
 * 1 + 1 (b0's night in December) = 9 → 7.3 %. Bookings made in December: 6, paid 5 (83.3
 * %), of which cancelled 1 (20.0 %).
 */
@IntegrationTest
class PlatformAnalyticsIT {

	private static final String DECEMBER = "from=2026-12-01&to=2026-12-31";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CancelBooking cancelBooking;

	Api api;

	AdminFixtures f;

	long studio;

	long loft;

	long house;

	long cottage;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.set(Instant.parse("2026-11-20T05:00:00Z"));
		this.api = new Api(this.port);
		this.f = new AdminFixtures(this.context, this.api).people();
		this.studio = this.f.listing(this.f.realtorA, "Студия у Байтерека", 20_000);
		this.loft = this.f.listing(this.f.headA, "Лофт на Есиле", 10_000);
		this.house = this.f.listing(this.f.realtorB, "Дом с садом", 15_000);
		this.cottage = this.f.listing(this.f.independent, "Коттедж", 30_000);
		this.f.paid(this.studio, this.f.guest1, "2026-12-25", "2026-12-26");
		this.clock.set(MutableClock.START);
		this.f.paid(this.studio, this.f.guest1, "2026-12-10", "2026-12-13");
		this.f.paid(this.loft, this.f.guest2, "2026-12-10", "2026-12-12");
		this.f.paid(this.house, this.f.guest1, "2026-12-15", "2026-12-17");
		this.f.paid(this.cottage, this.f.guest2, "2026-12-20", "2026-12-21");
		UUID b5 = this.f.paid(this.house, this.f.guest2, "2026-12-20", "2026-12-22");
		this.cancelBooking.cancel(b5, CancellationReason.CHANGE_OF_PLANS, null, BookingFixtures.guest(this.f.guest2));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from ledger_entries where entry_type = 'GROSS_REVERSAL'")
				.query(Long.class)
				.single() == 1);
		this.f.hold(this.cottage, this.f.guest1, "2026-12-27", "2026-12-28");
	}

	private JsonNode summary() {
		Api.Response response = this.api.get("/api/v1/admin/analytics/summary?" + DECEMBER, "Authorization",
				this.f.bearer(this.f.superuser));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	@Test
	void theSummaryHasTheHandComputedNumbers() {
		JsonNode s = summary();

		assertThat(s.get("revenue").decimalValue()).isEqualByComparingTo("170000");
		assertThat(s.get("refunds").decimalValue()).isEqualByComparingTo("30000");
		assertThat(s.get("netRevenue").decimalValue()).isEqualByComparingTo("140000");
		assertThat(s.get("commission").decimalValue()).isEqualByComparingTo("14000");
		assertThat(s.get("providerFees").decimalValue()).isEqualByComparingTo("3500");
		assertThat(s.get("platformNet").decimalValue()).isEqualByComparingTo("10500");
		assertThat(s.get("realtorPayouts").decimalValue()).isEqualByComparingTo("126000");
		assertThat(s.get("paidBookings").asLong()).isEqualTo(5);

		JsonNode counts = s.get("counts");
		assertThat(counts.get("users").asLong()).isEqualTo(8);
		assertThat(counts.get("newUsers").asLong()).as("all registered on 20 Nov").isZero();
		assertThat(counts.get("realtors").asLong()).isEqualTo(5);
		assertThat(counts.get("agencies").asLong()).isEqualTo(2);
		assertThat(counts.get("activeListings").asLong()).isEqualTo(4);
		assertThat(counts.get("bookingsByStatus").get("CONFIRMED").asLong()).isEqualTo(4);
		assertThat(counts.get("bookingsByStatus").get("CANCELLED").asLong()).isEqualTo(1);
		assertThat(counts.get("bookingsByStatus").get("HOLD").asLong()).isEqualTo(1);
		JsonNode rates = s.get("rates");
		assertThat(rates.get("conversionPercent").decimalValue()).isEqualByComparingTo("83.3");
		assertThat(rates.get("cancellationPercent").decimalValue()).isEqualByComparingTo("20.0");
		assertThat(rates.get("bookedNights").asLong()).isEqualTo(9);
		assertThat(rates.get("availableNights").asLong()).isEqualTo(124);
		assertThat(rates.get("occupancyPercent").decimalValue()).isEqualByComparingTo("7.3");

		assertThat(names(s.get("topAgencies"))).containsExactly("Альфа", "Бета");
		assertThat(s.get("topAgencies").get(0).get("revenue").decimalValue()).isEqualByComparingTo("80000");
		assertThat(names(s.get("topListingsByRevenue"))).as("ties: more bookings first")
			.containsExactly("Дом с садом", "Студия у Байтерека", "Коттедж", "Лофт на Есиле");
		assertThat(names(s.get("topUsersByRevenue"))).containsExactly("Гость Один", "Гость Два");
		assertThat(names(s.get("topUsersByBookings"))).containsExactly("Гость Два", "Гость Один");
		assertThat(s.get("topRealtorsByRevenue").get(0).get("id").asLong()).isEqualTo(this.f.realtorB);
		JsonNode december = s.get("trends").get(0);
		assertThat(december.get("month").asString()).isEqualTo("2026-12-01");
		assertThat(december.get("revenue").decimalValue()).isEqualByComparingTo("170000");
		assertThat(december.get("bookings").asLong()).isEqualTo(5);
		assertThat(december.get("newListings").asLong()).isZero();
	}

	@Test
	void agenciesPlusIndependentsMakeThePlatformAndThePlatformIsTheLedger() {
		JsonNode s = summary();
		Api.Response page = this.api.get("/api/v1/admin/analytics/agencies?" + DECEMBER + "&size=100", "Authorization",
				this.f.bearer(this.f.superuser));
		assertThat(page.status()).isEqualTo(200);
		JsonNode agencies = page.json().get("items");
		assertThat(agencies).hasSize(2);
		JsonNode alpha = agencies.get(0).get("totals");
		assertThat(agencies.get(0).get("name").asString()).isEqualTo("Альфа");
		assertThat(alpha.get("revenue").decimalValue()).isEqualByComparingTo("80000");
		assertThat(alpha.get("commission").decimalValue()).isEqualByComparingTo("8000");
		JsonNode beta = agencies.get(1).get("totals");
		assertThat(beta.get("refunds").decimalValue()).isEqualByComparingTo("30000");
		assertThat(beta.get("providerFees").decimalValue()).isEqualByComparingTo("750");
		assertThat(s.get("independents").get("revenue").decimalValue()).isEqualByComparingTo("30000");

		String[][] fields = { { "revenue", "revenue", "'GROSS'" }, { "refunds", "refunds", "'GROSS_REVERSAL'" },
				{ "commission", "commission", "'PLATFORM_COMMISSION', 'PLATFORM_COMMISSION_REVERSAL'" },
				{ "providerFees", "providerFees", "'GATEWAY_FEE', 'GATEWAY_FEE_REVERSAL'" },
				{ "realtorPayouts", "realtorPayouts", "'REALTOR_PAYOUT', 'REALTOR_PAYOUT_REVERSAL'" } };
		for (String[] field : fields) {
			BigDecimal parts = s.get("independents").get(field[1]).decimalValue();
			for (JsonNode agency : agencies) {
				parts = parts.add(agency.get("totals").get(field[1]).decimalValue());
			}
			BigDecimal platform = s.get(field[0]).decimalValue();
			BigDecimal ledger = this.jdbc
				.sql("""
						select coalesce(sum(amount), 0) from ledger_entries
						where entry_type in (%s) and created_at >= '2026-11-30T19:00:00Z' and created_at < '2026-12-31T19:00:00Z'
						"""
					.formatted(field[2]))
				.query(BigDecimal.class)
				.single();
			if (field[0].equals("refunds")) {
				ledger = ledger.negate();
			}
			assertThat(parts).as(field[0] + ": agencies + independents = platform").isEqualByComparingTo(platform);
			assertThat(platform).as(field[0] + ": platform = ledger").isEqualByComparingTo(ledger);
		}
		long paid = 0;
		for (JsonNode agency : agencies) {
			paid += agency.get("totals").get("paidBookings").asLong();
		}
		assertThat(paid + s.get("independents").get("paidBookings").asLong()).isEqualTo(s.get("paidBookings").asLong());
	}

	@Test
	void oneAgencyAndASideBySideComparison() {
		String auth = this.f.bearer(this.f.superuser);
		JsonNode one = this.api
			.get("/api/v1/admin/analytics/agencies/" + this.f.agencyB + "?" + DECEMBER, "Authorization", auth)
			.json();
		assertThat(one.get("totals").get("revenue").decimalValue()).isEqualByComparingTo("60000");
		assertThat(one.get("bookedNights").asLong()).isEqualTo(2);
		assertThat(one.get("availableNights").asLong()).isEqualTo(31);
		JsonNode both = this.api
			.get("/api/v1/admin/analytics/agencies/compare?ids=" + this.f.agencyA + "," + this.f.agencyB + "&"
					+ DECEMBER, "Authorization", auth)
			.json();
		assertThat(both.get("agencies")).hasSize(2);
		assertThat(both.get("revenueByMonth").get(String.valueOf(this.f.agencyA)).get(0).get("revenue").decimalValue())
			.isEqualByComparingTo("80000");
		assertThat(this.api
			.get("/api/v1/admin/analytics/agencies/compare?ids=" + this.f.agencyA + "&" + DECEMBER, "Authorization",
					auth)
			.status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/admin/analytics/agencies/999999?" + DECEMBER, "Authorization", auth).status())
			.isEqualTo(404);
	}

	@Test
	void badPeriodsAreFieldErrors() {
		String auth = this.f.bearer(this.f.superuser);
		Api.Response missing = this.api.get("/api/v1/admin/analytics/summary?from=2026-12-01", "Authorization", auth);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").has("to")).isTrue();
		Api.Response reversed = this.api.get("/api/v1/admin/analytics/summary?from=2026-12-31&to=2026-12-01",
				"Authorization", auth);
		assertThat(reversed.status()).isEqualTo(400);
		Api.Response tooLong = this.api.get("/api/v1/admin/analytics/summary?from=2025-01-01&to=2026-12-31",
				"Authorization", auth);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/admin/analytics/summary?from=yesterday&to=2026-12-01", "Authorization", auth)
			.status()).isEqualTo(400);
	}

	@Test
	void thePdfOpensWithPdfBoxWithTheCyrillicTitleTheTotalsEmbeddedFontsAndCharts() throws Exception {
		byte[] pdf = download("/api/v1/admin/reports/platform.pdf?" + DECEMBER, "ru", "application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Отчёт платформы ЖильеGO")
				.contains("01.12.2026")
				.contains("170 000,00")
				.contains("14 000,00")
				.contains("3 500,00")
				.contains("Альфа")
				.contains("Независимые риелторы");
			int images = 0;
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				}
				for (var name : page.getResources().getXObjectNames()) {
					if (page.getResources().getXObject(name) instanceof PDImageXObject) {
						images++;
					}
				}
			}
			assertThat(images).as("the two charts").isEqualTo(2);
		}
		String english = new PDFTextStripper().getText(
				Loader.loadPDF(download("/api/v1/admin/reports/platform.pdf?" + DECEMBER, "en", "application/pdf")));
		assertThat(english).contains("ЖильеGO platform report");
	}

	@Test
	void theCsvAndXlsxCarryTheSameTotals() throws Exception {
		String csv = new String(download("/api/v1/admin/reports/platform.csv?" + DECEMBER, "ru", "text/csv"),
				StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF").contains("170000.00").contains("Альфа");
		byte[] xlsx = download("/api/v1/admin/reports/platform.xlsx?" + DECEMBER, "ru",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet summary = book.getSheetAt(0);
			assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(170_000.0);
			Sheet agencies = book.getSheetAt(1);
			assertThat(agencies.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Альфа");
			assertThat(agencies.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(80_000.0);
		}
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'report.exported'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void agencyAndRealtorReportsForTheSuperuserAndTheHead() throws Exception {
		byte[] agency = download("/api/v1/admin/reports/agencies/" + this.f.agencyA + ".pdf?" + DECEMBER, "ru",
				"application/pdf");
		assertThat(new PDFTextStripper().getText(Loader.loadPDF(agency))).contains("Альфа");
		byte[] realtor = download("/api/v1/admin/reports/realtors/" + this.f.realtorB + ".xlsx?" + DECEMBER, "ru",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(realtor))) {
			assertThat(book.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue()).as("gross of realtor B")
				.isEqualTo(60_000.0);
		}
		String head = this.f.bearer(this.f.headA);
		Api.Response own = this.api.get("/api/v1/agency/realtors/" + this.f.realtorA + "/report.csv?" + DECEMBER,
				"Authorization", head);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains("Студия у Байтерека");
		Api.Response other = this.api.get("/api/v1/agency/realtors/" + this.f.realtorB + "/report.csv?" + DECEMBER,
				"Authorization", head);
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.body()).doesNotContain("Дом с садом");
		assertThat(this.api.get("/api/v1/agency/reports/team.pdf?" + DECEMBER, "Authorization", head).status())
			.isEqualTo(200);
	}

	private byte[] download(String path, String language, String type) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", this.f.bearer(this.f.superuser))
				.header("Accept-Language", language)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		return response.body();
	}

	private static List<String> names(JsonNode ranked) {
		return java.util.stream.StreamSupport.stream(ranked.spliterator(), false)
			.map(n -> n.get("name").asString())
			.toList();
	}

}
