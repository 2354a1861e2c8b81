package kz.zhilyego.realtor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV injection (hardening finding 7): guests and realtors choose the names and titles
 * the exports carry. A cell a spreadsheet would run as a formula ({@code =}, {@code +},
 * {@code -}, {@code @}, tab, CR first) gets a leading quote in CSV and Excel's quote
 * prefix in XLSX; plain numbers (a phone in E.164, amounts) stay as they are.
 */
@IntegrationTest
class ExportFormulaInjectionIT {

	private static final String PERIOD = "from=2026-12-01&to=2026-12-31";

	private static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";

	private static final String AT_SUM = "@SUM(1)";

	private static final String DDE = "+cmd|' /C calc'!A0";

	private static final String SUM_WITH_MINUS = "-2+3";

	private static final String TAB = "\t=1+1";

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

	long head;

	@BeforeEach
	void fixture() {
		TestDatabase.reset(this.jdbc);
		this.identity = new IdentityFixtures(this.context);
		long agency = this.identity.agency("@Агентство");
		this.head = this.identity.superAdmin("inj-head@test.kz", agency);
		this.realtor = this.identity.realtor("inj-realtor@test.kz", agency);
		this.jdbc.sql("update users set name = :name where id = :id")
			.param("name", HYPERLINK)
			.param("id", this.realtor)
			.update();
		long guest = this.identity.user("inj-guest@test.kz");
		long listing = new CatalogFixtures(this.jdbc, this.clock).listing().owner(this.realtor).title(DDE).create();
		RealtorFixtures f = new RealtorFixtures(this.jdbc, this.clock);
		f.booking(listing, guest, HYPERLINK, "2026-12-05", "2026-12-07", "CONFIRMED", 40_000, true, null, null);
		f.booking(listing, guest, AT_SUM, "2026-12-10", "2026-12-12", "CONFIRMED", 40_000, true, null, null);
		f.booking(listing, guest, SUM_WITH_MINUS, "2026-12-14", "2026-12-15", "CONFIRMED", 20_000, true, null, null);
		f.booking(listing, guest, TAB, "2026-12-16", "2026-12-17", "CONFIRMED", 20_000, true, null, null);
		f.booking(listing, guest, "-1500", "2026-12-18", "2026-12-19", "CONFIRMED", 20_000, true, null, null);
	}

	@Test
	void theBookingsCsvQuotesEveryFormulaAndKeepsNumbersReadable() throws IOException, InterruptedException {
		List<CSVRecord> rows = csv("/api/v1/realtor/reports/bookings.csv?" + PERIOD, this.realtor);
		assertThat(rows).hasSize(5);
		assertThat(rows).extracting(r -> r.get("Гость"))
			.containsExactly("'" + HYPERLINK, "'" + AT_SUM, "'" + SUM_WITH_MINUS, "'" + TAB, "-1500");
		assertThat(rows).extracting(r -> r.get("Объект")).containsOnly("'" + DDE);
		assertThat(rows).extracting(r -> r.get("Телефон гостя")).containsOnly("+77017654321");
		assertThat(rows).extracting(r -> r.get("Сумма"))
			.containsExactly("40000,00", "40000,00", "20000,00", "20000,00", "20000,00");
		assertNoCellRunsAsAFormula(rows);
	}

	@Test
	void theTeamCsvQuotesARealtorsFormulaName() throws IOException, InterruptedException {
		List<CSVRecord> rows = csv("/api/v1/realtor/reports/team.csv?" + PERIOD, this.head);
		assertThat(rows).extracting(r -> r.get("Имя")).contains("'" + HYPERLINK);
		assertThat(rows).extracting(r -> r.get("Телефон")).allMatch(phone -> phone.startsWith("+7"));
		assertNoCellRunsAsAFormula(rows);
	}

	@Test
	void xlsxCellsAreTextWithTheQuotePrefixNeverFormulas() throws IOException, InterruptedException {
		try (XSSFWorkbook workbook = xlsx("/api/v1/realtor/reports/bookings.xlsx?" + PERIOD, this.realtor)) {
			Sheet bookings = workbook.getSheet("Bookings");
			List<String> guests = new ArrayList<>();
			for (int i = 1; i <= bookings.getLastRowNum(); i++) {
				Cell guest = bookings.getRow(i).getCell(3);
				assertThat(guest.getCellType()).isEqualTo(CellType.STRING);
				guests.add(guest.getStringCellValue());
				assertThat(guest.getCellStyle().getQuotePrefixed()).as(guest.getStringCellValue())
					.isEqualTo(!guest.getStringCellValue().equals("-1500"));
				assertThat(bookings.getRow(i).getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
			}
			assertThat(guests).as("shown unchanged").containsExactly(HYPERLINK, AT_SUM, SUM_WITH_MINUS, TAB, "-1500");
			assertNoFormulas(workbook);
		}
		try (XSSFWorkbook workbook = xlsx("/api/v1/realtor/reports/team.xlsx?" + PERIOD, this.head)) {
			Cell agency = workbook.getSheet("Team").getRow(0).getCell(1);
			assertThat(agency.getStringCellValue()).isEqualTo("@Агентство");
			assertThat(agency.getCellStyle().getQuotePrefixed()).isTrue();
			Sheet realtors = workbook.getSheet("Realtors");
			boolean found = false;
			for (int i = 1; i <= realtors.getLastRowNum(); i++) {
				Cell name = realtors.getRow(i).getCell(1);
				if (name.getStringCellValue().equals(HYPERLINK)) {
					found = true;
					assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
				}
			}
			assertThat(found).isTrue();
			assertNoFormulas(workbook);
		}
	}

	private static void assertNoCellRunsAsAFormula(List<CSVRecord> rows) {
		for (CSVRecord row : rows) {
			for (String cell : row) {
				assertThat(cell).as("row %d", row.getRecordNumber())
					.matches("(?s)([^=+\\-@\t\r].*)?|[+-]?\\d+([.,]\\d+)?");
			}
		}
	}

	private static void assertNoFormulas(XSSFWorkbook workbook) {
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
				}
			}
		}
	}

	private List<CSVRecord> csv(String path, long userId) throws IOException, InterruptedException {
		byte[] bytes = download(path, userId);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		// Russian by default: Excel's list separator there is ';' and the headers are
		// words
		return CSVFormat.EXCEL.builder()
			.setDelimiter(';')
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))
			.getRecords();
	}

	private XSSFWorkbook xlsx(String path, long userId) throws IOException, InterruptedException {
		return new XSSFWorkbook(new ByteArrayInputStream(download(path, userId)));
	}

	private byte[] download(String path, long userId) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", this.identity.bearer(userId))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
