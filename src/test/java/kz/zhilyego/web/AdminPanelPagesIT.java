package kz.zhilyego.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform owner's panel pages and the agency head's team pages over a real session:
 * every page renders for the one it is for (in Russian, Kazakh and English), a realtor
 * and an agency head get 403 on the superuser's pages, a signed-out visitor is sent to
 * sign in, and a head sees only the own team.
 */
@IntegrationTest
class AdminPanelPagesIT {

	/** How Thymeleaf shows a message key missing from the bundles: {@code ??key_ru??}. */
	private static final String UNRESOLVED_MESSAGE = "\\?\\?[\\w.-]+_[a-z]{2}(_[A-Z]{2})?\\?\\?";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long agencyA;

	long agencyB;

	long headA;

	long realtorA;

	long realtorB;

	long guest;

	long pending;

	List<String> superuserPages;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		identity.superuser("panel-root@test.kz");
		this.agencyA = identity.agency("Альфа");
		this.agencyB = identity.agency("Бета");
		this.headA = identity.superAdmin("panel-head-a@test.kz", this.agencyA);
		identity.superAdmin("panel-head-b@test.kz", this.agencyB);
		this.realtorA = identity.realtor("panel-realtor-a@test.kz", this.agencyA);
		this.realtorB = identity.realtor("panel-realtor-b@test.kz", this.agencyB);
		this.guest = identity.user("panel-guest@test.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc, this.clock);
		long studio = catalog.listing().owner(this.realtorA).title("Студия у Байтерека").create();
		catalog.listing().owner(this.realtorB).title("Дом с садом").create();
		this.pending = catalog.listing().owner(this.realtorA).title("Лофт на проверке").create();
		this.jdbc.sql("update listings set status = 'PENDING', approved_at = null where id = :id")
			.param("id", this.pending)
			.update();
		catalog.occupyByBooking(studio, LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-06"));
		this.superuserPages = List.of("/admin/analytics", "/admin/analytics?preset=day", "/admin/analytics?preset=week",
				"/admin/analytics?preset=year", "/admin/analytics?from=2026-11-01&to=2026-12-31",
				"/admin/analytics/agencies/" + this.agencyA,
				"/admin/analytics/compare?ids=" + this.agencyA + "&ids=" + this.agencyB, "/admin/reports",
				"/admin/settings", "/admin/dictionaries", "/admin/dictionaries?kind=districts&q=Есиль",
				"/admin/dictionaries?kind=classes", "/admin/dictionaries?kind=types",
				"/admin/dictionaries?kind=amenities", "/admin/dictionaries/cities/new",
				"/admin/dictionaries/districts/new", "/admin/dictionaries/types/new",
				"/admin/dictionaries/cities/astana/edit", "/admin/moderation", "/admin/problems", "/admin/agencies",
				"/admin/audit", "/admin/audit?action=login.*&from=2026-11-01", "/admin/code-reveals",
				"/admin/code-reveals?audience=GUEST", "/admin/users/" + this.realtorA);
	}

	private SiteSession signIn(String email) {
		return new SiteSession(this.port).signIn(email, IdentityFixtures.PASSWORD);
	}

	@Test
	void everyPanelPageRendersForTheSuperuserInEveryLanguage() {
		SiteSession site = signIn("panel-root@test.kz");
		for (String language : List.of("ru", "kk", "en")) {
			site.get("/?lang=" + language);
			for (String path : this.superuserPages) {
				SiteSession.Page page = site.get(path);
				assertThat(page.status()).as(language + " " + path).isEqualTo(200);
				Document html = page.html();
				assertThat(html.selectFirst("main h1")).as(language + " " + path).isNotNull();
				assertThat(html.selectFirst("main h1").text()).as(language + " " + path).isNotBlank();
				assertThat(page.body()).as(language + " " + path)
					.doesNotContainPattern(UNRESOLVED_MESSAGE)
					.doesNotContain("#{");
			}
		}
	}

	@Test
	void thePagesShowTheirData() {
		SiteSession site = signIn("panel-root@test.kz");
		Document analytics = site.get("/admin/analytics?from=2026-12-01&to=2026-12-31").html();
		assertThat(analytics.selectFirst("#agency-" + this.agencyA).text()).contains("Альфа");
		assertThat(analytics.selectFirst("#agency-" + this.agencyB).text()).contains("Бета");
		assertThat(analytics.selectFirst("#analytics-data").data()).contains("topAgencies", "trends");
		assertThat(analytics.select("#export-pdf").attr("href")).contains("from=2026-12-01", "to=2026-12-31");

		assertThat(site.get("/admin/moderation").html().selectFirst("#pending-" + this.pending).text())
			.contains("Лофт на проверке");
		assertThat(site.get("/admin/agencies").html().selectFirst("#agency-" + this.agencyA).text()).contains("Альфа",
				"№ " + this.headA);
		assertThat(site.get("/admin/dictionaries").html().selectFirst("#entry-astana").text()).contains("Астана");
		assertThat(site.get("/admin/users/" + this.realtorA).html().selectFirst("#user-agency").text())
			.contains("Альфа");
		assertThat(site.get("/admin/settings").html().selectFirst("#holdMinutes")).isNotNull();

		// the filter form (fragments/filters) keeps the filter it was sent, field by
		// field
		Document audit = site.get("/admin/audit?action=login.*&from=2026-11-01&actor=7").html();
		assertThat(audit.selectFirst("#audit-filter").attr("method")).isEqualTo("get");
		assertThat(audit.selectFirst("label[for=f-action]").text()).isNotBlank();
		assertThat(audit.selectFirst("#f-action").attributes().asList())
			.extracting(a -> a.getKey() + "=" + a.getValue())
			.contains("name=action", "value=login.*", "maxlength=100", "placeholder=login.*");
		assertThat(audit.selectFirst("#f-actor").attributes().asList()).extracting(a -> a.getKey() + "=" + a.getValue())
			.contains("name=actor", "value=7", "inputmode=numeric")
			.noneMatch(a -> a.startsWith("maxlength") || a.startsWith("placeholder"));
		assertThat(audit.selectFirst("#f-from").attributes().asList()).extracting(a -> a.getKey() + "=" + a.getValue())
			.contains("name=from", "type=date", "value=2026-11-01");
		assertThat(audit.selectFirst("#f-to").attr("value")).isEmpty();
		assertThat(audit.selectFirst("#audit-csv").attr("href")).contains("action=login.*", "from=2026-11-01");
	}

	@Test
	void aMissingAgencyOrUserIsTheStyledNotFoundPageNeverJson() {
		SiteSession site = signIn("panel-root@test.kz");
		for (String path : List.of("/admin/analytics/agencies/999999", "/admin/users/999999",
				"/admin/dictionaries/cities/nowhere/edit", "/admin/dictionaries/planets")) {
			SiteSession.Page page = site.get(path);
			assertThat(page.status()).as(path).isIn(400, 404);
			assertThat(page.body()).as(path).contains("ЖильеGO").doesNotContain("\"status\"", "Exception");
		}
		SiteSession.Page oneAgency = site.get("/admin/analytics/compare?ids=" + this.agencyA);
		assertThat(oneAgency.status()).isEqualTo(400);
		assertThat(oneAgency.html().text()).contains("Отметьте от 2 до 10 агентств");
		SiteSession.Page badDate = site.get("/admin/analytics?from=2026-13-01");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.body()).doesNotContain("\"status\"");
	}

	@Test
	void aRealtorAndAnAgencyHeadGetForbiddenOnEveryPanelPageAndAction() {
		for (String email : List.of("panel-realtor-a@test.kz", "panel-head-a@test.kz", "panel-guest@test.kz")) {
			SiteSession site = signIn(email);
			for (String path : this.superuserPages) {
				SiteSession.Page page = site.get(path);
				assertThat(page.status()).as(email + " " + path).isEqualTo(403);
				assertThat(page.body()).as(email + " " + path).doesNotContain("Альфа", "Лофт на проверке");
			}
			SiteSession.Page home = site.get("/");
			assertThat(site.post(home, "/admin/moderation/" + this.pending + "/approve", Map.of()).status()).as(email)
				.isEqualTo(403);
			assertThat(site.post(home, "/admin/settings", Map.of("holdMinutes", "30")).status()).as(email)
				.isEqualTo(403);
			assertThat(site.post(home, "/admin/agencies", Map.of("name", "Чужое")).status()).as(email).isEqualTo(403);
		}
		assertThat(this.jdbc.sql("select status from listings where id = :id")
			.param("id", this.pending)
			.query(String.class)
			.single()).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("select count(*) from agencies").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aSignedOutVisitorIsSentToSignInFromEveryPanelAndTeamPage() {
		SiteSession site = new SiteSession(this.port);
		for (String path : concat(this.superuserPages, teamPages())) {
			SiteSession.Page page = site.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).endsWith("/login");
		}
	}

	private List<String> teamPages() {
		return List.of("/realtor/team/realtors/" + this.realtorA, "/realtor/team/heat-map",
				"/realtor/team/heat-map?preset=custom&from=2026-12-01&to=2026-12-31", "/realtor/team/compare",
				"/realtor/team/reports");
	}

	@Test
	void theHeadSeesTheOwnTeamPagesAndNotAnotherAgency() {
		SiteSession head = signIn("panel-head-a@test.kz");
		for (String language : List.of("ru", "kk", "en")) {
			head.get("/?lang=" + language);
			for (String path : teamPages()) {
				SiteSession.Page page = head.get(path);
				assertThat(page.status()).as(language + " " + path).isEqualTo(200);
				assertThat(page.html().selectFirst("main h1").text()).as(language + " " + path).isNotBlank();
			}
		}
		head.get("/?lang=ru");
		SiteSession.Page realtor = head.get("/realtor/team/realtors/" + this.realtorA);
		assertThat(realtor.html().selectFirst("#realtor-name").text()).isNotBlank();
		assertThat(head.get("/realtor/team/heat-map").html().selectFirst("#heat-" + this.realtorA)).isNotNull();
		assertThat(head.get("/realtor/team").html().selectFirst("#team-heat-map")).isNotNull();

		SiteSession.Page foreign = head.get("/realtor/team/realtors/" + this.realtorB);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body()).doesNotContain("panel-realtor-b@test.kz");
		assertThat(head.get("/realtor/team/realtors/" + this.realtorB + "/report.csv").status()).isEqualTo(404);

		SiteSession realtor0 = signIn("panel-realtor-a@test.kz");
		for (String path : List.of("/realtor/team/heat-map", "/realtor/team/compare", "/realtor/team/reports",
				"/realtor/team/realtors/" + this.realtorA)) {
			assertThat(realtor0.get(path).status()).as(path).isEqualTo(403);
		}
	}

	@Test
	void theSuperuserLooksAtAnyTeamReadOnly() {
		SiteSession site = signIn("panel-root@test.kz");
		SiteSession.Page page = site.get("/realtor/team/realtors/" + this.realtorB + "?agencyId=" + this.agencyB);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().selectFirst("#profile-form")).isNull();
		assertThat(site.get("/realtor/team/heat-map?agencyId=" + this.agencyB).status()).isEqualTo(200);
		assertThat(site.get("/realtor/team/compare?agencyId=" + this.agencyB).status()).isEqualTo(200);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

}
