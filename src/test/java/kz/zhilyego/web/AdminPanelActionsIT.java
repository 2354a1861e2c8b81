package kz.zhilyego.web;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The superuser's forms on the panel pages over a real session with CSRF: settings with
 * inline errors, moderation, dictionaries, agencies and roles, a stuck booking resolved
 * from the problems page, and the downloads (report CSV/XLSX/PDF, audit CSV) parsed back.
 * Every change lands in the audit log.
 */
@IntegrationTest
class AdminPanelActionsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long agency;

	long realtor;

	long guest;

	long studio;

	SiteSession site;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		identity.superuser("act-root@test.kz");
		this.agency = identity.agency("Альфа");
		this.realtor = identity.realtor("act-realtor@test.kz", this.agency);
		this.guest = identity.user("act-guest@test.kz");
		this.studio = new CatalogFixtures(this.jdbc, this.clock).listing()
			.owner(this.realtor)
			.title("Студия у Байтерека")
			.create();
		this.site = new SiteSession(this.port).signIn("act-root@test.kz", IdentityFixtures.PASSWORD);
		this.site.get("/?lang=ru");
	}

	@AfterEach
	void removeTheTestsDictionaryEntries() {
		this.jdbc.sql("delete from amenities where code = 'hammam'").update();
	}

	private long audited(String action) {
		return this.jdbc.sql("select count(*) from audit_log where action = :action")
			.param("action", action)
			.query(Long.class)
			.single();
	}

	private String flash(SiteSession.Page redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		Document next = this.site.get(redirect.location().replaceFirst("^https?://[^/]+", "")).html();
		return next.selectFirst("#flash") != null ? next.selectFirst("#flash").text()
				: "error: " + next.selectFirst("#flash-error").text();
	}

	@Test
	void settingsSaveWithAFlashAndBadValuesStayOnTheFormWithInlineErrors() {
		SiteSession.Page form = this.site.get("/admin/settings");
		String version = form.html().selectFirst("input[name=version]").attr("value");
		Map<String, String> values = new java.util.LinkedHashMap<>();
		values.put("platformCommissionPercent", "12,5");
		values.put("providerFeePercent", "2.5");
		values.put("fullRefundBeforeHours", "24");
		values.put("partialRefundBeforeHours", "12");
		values.put("partialRefundPercent", "50");
		values.put("holdMinutes", "abc");
		values.put("maxPhotos", "20");
		values.put("reviewStopWords", "");
		values.put("staffIpAllowList", "");
		values.put("version", version);
		SiteSession.Page refused = this.site.post(form, "/admin/settings", values);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html().selectFirst("#holdMinutes").hasClass("is-invalid")).isTrue();
		assertThat(refused.html().selectFirst("#settings-errors")).isNotNull();
		assertThat(refused.html().selectFirst("#platformCommissionPercent").attr("value")).isEqualTo("12,5");
		assertThat(audited("settings.changed")).isZero();

		values.put("holdMinutes", "25");
		values.put("listingModeration", "on");
		assertThat(flash(this.site.post(form, "/admin/settings", values))).contains("Настройки сохранены");
		assertThat(this.jdbc.sql("""
				select platform_commission_percent || ':' || hold_minutes || ':' || listing_moderation
				from platform_settings
				""").query(String.class).single()).isEqualTo("12.50:25:true");
		assertThat(audited("settings.changed")).isEqualTo(1);
		SiteSession.Page again = this.site.get("/admin/settings");
		assertThat(again.html().selectFirst("#holdMinutes").attr("value")).isEqualTo("25");
		assertThat(again.html().selectFirst("#listingModeration").hasAttr("checked")).isTrue();
		SiteSession.Page stale = this.site.post(form, "/admin/settings", values);
		assertThat(stale.status()).as("the version the form was loaded with is gone").isEqualTo(200);
		assertThat(stale.html().selectFirst("#settings-errors").text()).contains("кто-то другой");
	}

	@Test
	void aPendingListingIsApprovedOrRejectedWithAReasonFromTheQueue() {
		this.jdbc.sql("update listings set status = 'PENDING', approved_at = null where id = :id")
			.param("id", this.studio)
			.update();
		SiteSession.Page queue = this.site.get("/admin/moderation");
		assertThat(queue.html().selectFirst("#pending-" + this.studio)).isNotNull();
		assertThat(flash(this.site.post(queue, "/admin/moderation/" + this.studio + "/reject", Map.of("reason", " "))))
			.startsWith("error:");
		assertThat(flash(this.site.post(queue, "/admin/moderation/" + this.studio + "/reject",
				Map.of("reason", "Нет фото ванной"))))
			.contains(String.valueOf(this.studio));
		assertThat(status(this.studio)).isEqualTo("REJECTED");
		assertThat(flash(this.site.post(queue, "/admin/moderation/listing",
				Map.of("id", String.valueOf(this.studio), "action", "suspend", "reason", "Жалобы"))))
			.contains("снято");
		assertThat(status(this.studio)).isEqualTo("SUSPENDED");
		assertThat(flash(this.site.post(queue, "/admin/moderation/listing",
				Map.of("id", String.valueOf(this.studio), "action", "reinstate"))))
			.contains("снова опубликовано");
		assertThat(status(this.studio)).isEqualTo("ACTIVE");
		assertThat(flash(this.site.post(queue, "/admin/moderation/listing", Map.of("id", "abc")))).startsWith("error:");
	}

	private String status(long listing) {
		return this.jdbc.sql("select status from listings where id = :id")
			.param("id", listing)
			.query(String.class)
			.single();
	}

	@Test
	void aDictionaryEntryIsCreatedFromTheFormWithInlineErrorsAndReordered() {
		SiteSession.Page form = this.site.get("/admin/dictionaries/amenities/new");
		SiteSession.Page refused = this.site.post(form, "/admin/dictionaries/amenities",
				Map.of("code", "Хаммам!", "nameRu", "Хаммам", "nameKk", "", "nameEn", "Hammam"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html().selectFirst("#form-errors")).isNotNull();
		assertThat(refused.html().selectFirst("#code").hasClass("is-invalid")).isTrue();
		assertThat(refused.html().selectFirst("#nameRu").attr("value")).isEqualTo("Хаммам");

		assertThat(flash(this.site.post(form, "/admin/dictionaries/amenities",
				Map.of("code", "hammam", "nameRu", "Хаммам", "nameKk", "Хамам", "nameEn", "Hammam"))))
			.contains("Хаммам");
		Document list = this.site.get("/admin/dictionaries?kind=amenities&q=Хамм").html();
		assertThat(list.select("#dictionary-table tbody tr")).hasSize(1);
		assertThat(list.selectFirst("#entry-hammam").text()).contains("Хаммам");
		assertThat(this.site.get("/search?lang=ru").body()).contains("Хаммам");

		SiteSession.Page page = this.site.get("/admin/dictionaries?kind=amenities");
		assertThat(flash(this.site.post(page, "/admin/dictionaries/amenities/hammam/deactivate", Map.of())))
			.contains("отключена");
		assertThat(this.site.get("/search?lang=ru").body()).doesNotContain("Хаммам");
		assertThat(flash(this.site.post(page, "/admin/dictionaries/amenities/hammam/delete", Map.of())))
			.contains("удалена");
		assertThat(audited("dictionary.deleted")).isEqualTo(1);
	}

	@Test
	void agenciesAreCreatedTheirHeadAssignedAndRolesChanged() {
		SiteSession.Page page = this.site.get("/admin/agencies");
		assertThat(flash(this.site.post(page, "/admin/agencies", Map.of("name", "Б")))).startsWith("error:");
		assertThat(flash(this.site.post(page, "/admin/agencies", Map.of("name", "Бета-Недвижимость"))))
			.contains("Бета-Недвижимость");
		long beta = this.jdbc.sql("select id from agencies where name = 'Бета-Недвижимость'")
			.query(Long.class)
			.single();
		assertThat(flash(this.site.post(page, "/admin/agencies/" + beta + "/head", Map.of("userId", "x"))))
			.startsWith("error:");
		assertThat(flash(this.site.post(page, "/admin/agencies/" + beta + "/head",
				Map.of("userId", String.valueOf(this.guest)))))
			.contains("Бета-Недвижимость");
		assertThat(this.jdbc.sql("select head_id from agencies where id = :id")
			.param("id", beta)
			.query(Long.class)
			.single()).isEqualTo(this.guest);
		assertThat(roles(this.guest)).contains("SUPER_ADMIN");

		SiteSession.Page user = this.site.get("/admin/users/" + this.realtor);
		assertThat(user.html().selectFirst("#role-REALTOR").hasAttr("checked")).isTrue();
		assertThat(flash(this.site.post(user, "/admin/users/" + this.realtor + "/roles", Map.of("role", "USER"))))
			.contains("Роли сохранены");
		assertThat(roles(this.realtor)).doesNotContain("REALTOR");
		assertThat(flash(this.site.post(user, "/admin/users/" + this.realtor + "/roles", Map.of("role", "KING"))))
			.startsWith("error:");
		assertThat(flash(this.site.post(user, "/admin/users/" + this.realtor + "/block?back=detail",
				Map.of("reason", "Мошенничество"))))
			.contains("заблокирован");
		Document blocked = this.site.get("/admin/users/" + this.realtor).html();
		assertThat(blocked.selectFirst("#blocked-reason").text()).contains("Мошенничество");
		assertThat(blocked.selectFirst("#user-events").text()).contains("user.blocked");
	}

	private String roles(long user) {
		return String.join(",",
				this.jdbc.sql("select role from user_roles where user_id = :id order by role")
					.param("id", user)
					.query(String.class)
					.list());
	}

	@Test
	void aStuckBookingIsResolvedFromTheProblemsPage() {
		UUID stuck = new CatalogFixtures(this.jdbc, this.clock).occupyByBooking(this.studio,
				LocalDate.parse("2026-11-25"), LocalDate.parse("2026-12-05"));
		SiteSession.Page page = this.site.get("/admin/problems");
		assertThat(page.html().selectFirst("#problem-" + stuck).text()).contains("Студия у Байтерека");
		assertThat(flash(this.site.post(page, "/admin/problems/bookings/" + stuck + "/cancel", Map.of())))
			.as("a cancellation needs a note")
			.startsWith("error:");
		assertThat(flash(this.site.post(page, "/admin/problems/bookings/" + stuck + "/check-in", Map.of())))
			.contains("CHECKED_IN");
		assertThat(this.jdbc.sql("select status from bookings where id = :id")
			.param("id", stuck)
			.query(String.class)
			.single()).isEqualTo("CHECKED_IN");
		assertThat(audited("problem.action")).isEqualTo(1);
		assertThat(this.site.get("/admin/problems").html().selectFirst("#problem-" + stuck)).isNull();
		assertThat(flash(this.site.post(page, "/admin/problems/bookings/" + stuck + "/check-in", Map.of())))
			.as("already resolved")
			.startsWith("error:");
		assertThat(flash(this.site.post(page, "/admin/problems/nowhere/x/y", Map.of()))).startsWith("error:");
	}

	@Test
	void aStuckBookingIsCancelledWithAReasonFromTheProblemsPageAndAudited() {
		UUID stuck = new CatalogFixtures(this.jdbc, this.clock).occupyByBooking(this.studio,
				LocalDate.parse("2026-11-25"), LocalDate.parse("2026-12-05"));
		SiteSession.Page page = this.site.get("/admin/problems");
		assertThat(page.html().selectFirst("#problem-" + stuck)).isNotNull();
		assertThat(flash(this.site.post(page, "/admin/problems/bookings/" + stuck + "/cancel",
				Map.of("note", "Гость не приехал, объект недоступен"))))
			.doesNotStartWith("error:");
		assertThat(
				this.jdbc.sql("select status || '|' || cancelled_by || '|' || cancel_note from bookings where id = :id")
					.param("id", stuck)
					.query(String.class)
					.single())
			.isEqualTo("CANCELLED|PLATFORM|Гость не приехал, объект недоступен");
		assertThat(this.jdbc.sql("""
				select details ->> 'action' || '|' || (details ->> 'note') from audit_log
				where action = 'problem.action' and subject_type = 'bookings' and subject_id = :id
				""").param("id", stuck.toString()).query(String.class).single())
			.isEqualTo("cancel|Гость не приехал, объект недоступен");
		assertThat(this.site.get("/admin/problems").html().selectFirst("#problem-" + stuck)).isNull();
		assertThat(flash(this.site.post(page, "/admin/problems/bookings/" + stuck + "/cancel", Map.of("note", "x"))))
			.as("already resolved")
			.startsWith("error:");
		assertThat(audited("problem.action")).isEqualTo(1);
	}

	@Test
	void theReportsAndTheAuditLogDownloadAndParseBack() throws Exception {
		new CatalogFixtures(this.jdbc, this.clock).occupyByBooking(this.studio, LocalDate.parse("2026-12-10"),
				LocalDate.parse("2026-12-12"));
		String period = "?from=2026-12-01&to=2026-12-31";
		SiteSession.Download csv = this.site.download("/admin/reports/platform.csv" + period);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.disposition()).contains("attachment");
		List<CSVRecord> rows = CSVFormat.DEFAULT
			.parse(new StringReader(new String(csv.bytes(), StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(rows).isNotEmpty();
		assertThat(rows.get(0).get(0)).startsWith("\uFEFF");

		SiteSession.Download xlsx = this.site.download("/admin/reports/agencies/" + this.agency + ".xlsx" + period);
		assertThat(xlsx.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			assertThat(book.getNumberOfSheets()).isPositive();
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isNotBlank();
		}
		SiteSession.Download pdf = this.site.download("/admin/reports/realtors/" + this.realtor + ".pdf" + period);
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		try (var document = Loader.loadPDF(pdf.bytes())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Отчёт риелтора");
		}
		assertThat(this.site.download("/admin/reports/platform.doc" + period).status()).isIn(400, 404);
		assertThat(this.site.download("/admin/reports/platform.csv?from=2026-12-31&to=2026-12-01").status())
			.isEqualTo(400);

		SiteSession.Download audit = this.site.download("/admin/audit.csv?action=report.exported");
		assertThat(audit.status()).isEqualTo(200);
		List<CSVRecord> entries = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(new String(audit.bytes(), StandardCharsets.UTF_8).replace("\uFEFF", "")))
			.getRecords();
		assertThat(entries).hasSize(3);
		Document filtered = this.site.get("/admin/audit?action=report.exported").html();
		assertThat(filtered.select("#audit-table tbody tr")).as("three reports and the CSV itself").hasSize(4);
	}

}
