package kz.zhilyego.realtor;

import java.net.http.HttpResponse;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team page over a real session with CSRF: it renders for the agency head with the
 * realtors' numbers, deactivate and activate work from it, a realtor is invited from it
 * (and the invitation revoked), and a plain realtor neither sees the navigation link nor
 * opens the page.
 */
@IntegrationTest
class TeamPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	IdentityFixtures identity;

	long agency;

	long head;

	long realtor;

	long stranger;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.identity = new IdentityFixtures(this.jdbc);
		this.agency = this.identity.agency("Агентство Страница");
		long other = this.identity.agency("Чужое агентство");
		this.head = this.identity.superAdmin("tp-head@test.kz", this.agency);
		this.realtor = this.identity.realtor("tp-realtor@test.kz", this.agency);
		this.stranger = this.identity.realtor("tp-stranger@test.kz", other);
		long guest = this.identity.user("tp-guest@test.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc, this.clock);
		long mine = catalog.listing().owner(this.realtor).title("Квартира команды").create();
		long theirs = catalog.listing().owner(this.stranger).title("Чужая квартира").create();
		RealtorFixtures f = new RealtorFixtures(this.jdbc, this.clock);
		f.booking(mine, guest, "Гость Команды", "2026-12-10", "2026-12-12", "CONFIRMED", 45_000, true, null, null);
		f.booking(theirs, guest, "Чужой Гость", "2026-12-10", "2026-12-12", "CONFIRMED", 777_000, true, null, null);
	}

	@Test
	void theTeamPageRendersForTheHeadWithTheRealtorsNumbers() {
		WebSession web = new WebSession(this.port).signIn("tp-head@test.kz", IdentityFixtures.PASSWORD);
		HttpResponse<String> page = web.get("/realtor/team");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("ЖильеGO", "Команда", "Агентство Страница", "Test tp-realtor", "tp-realtor@test.kz",
					this.identity.phone(this.realtor), "45\u00a0000\u00a0₸", "Доход за месяц", "id=\"nav-team\"",
					"chart-top-revenue", "chart-months", "/realtor/reports/team.xlsx",
					"/realtor/team/" + this.realtor + "/deactivate")
			.doesNotContain("Чужая квартира", "tp-stranger", "777000");
		assertThat(web.get("/realtor/team?preset=year").statusCode()).isEqualTo(200);
		assertThat(web.get("/realtor/team?preset=custom&from=2026-12-01&to=2026-12-31").body())
			.contains("45\u00a0000\u00a0₸");
		HttpResponse<String> xlsx = web.get("/realtor/reports/team.xlsx?from=2026-12-01&to=2026-12-31");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(web.get("/realtor/listings?realtorId=" + this.realtor).body()).contains("Квартира команды");
		assertThat(web.get("/realtor/listings?realtorId=" + this.stranger).statusCode()).isEqualTo(404);
	}

	@Test
	void deactivateAndActivateFromThePageWork() {
		WebSession web = new WebSession(this.port).signIn("tp-head@test.kz", IdentityFixtures.PASSWORD);
		web.get("/realtor/team");
		HttpResponse<String> done = web.post("/realtor/team/" + this.realtor + "/deactivate", "");
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElse("")).contains("/realtor/team?done=deactivate");
		assertThat(status(this.realtor)).isNotEqualTo("ACTIVE");
		HttpResponse<String> page = web.get("/realtor/team?done=deactivate");
		assertThat(page.body()).contains("Риелтор деактивирован.", "Деактивирован",
				"/realtor/team/" + this.realtor + "/activate");
		assertThat(web.post("/realtor/team/" + this.realtor + "/activate", "").statusCode()).isEqualTo(302);
		assertThat(status(this.realtor)).isEqualTo("ACTIVE");
		web.get("/realtor/team");
		assertThat(web.post("/realtor/team/" + this.stranger + "/deactivate", "").statusCode()).isEqualTo(404);
		assertThat(status(this.stranger)).isEqualTo("ACTIVE");
	}

	@Test
	void theHeadInvitesFromThePageListsThePendingInvitationAndRevokesIt() {
		long user = this.identity.user("tp-newcomer@test.kz");
		WebSession web = new WebSession(this.port).signIn("tp-head@test.kz", IdentityFixtures.PASSWORD);
		assertThat(web.get("/realtor/team").body()).contains("id=\"team-invite\"", "id=\"team-no-invitations\"");
		HttpResponse<String> missing = web.post("/realtor/team/invite", "email=&name=");
		assertThat(missing.statusCode()).isEqualTo(200);
		assertThat(missing.body()).contains("is-invalid");
		HttpResponse<String> invited = web.post("/realtor/team/invite",
				"email=tp-newcomer%40test.kz&name=" + WebSession.encode("Новый Риелтор"));
		assertThat(invited.statusCode()).isEqualTo(302);
		assertThat(invited.headers().firstValue("Location").orElse("")).contains("done=invited");
		assertThat(this.jdbc.sql("select agency_id from users where id = :id")
			.param("id", user)
			.query(Long.class)
			.optional()).as("nobody joins without accepting").isEmpty();
		HttpResponse<String> page = web.get("/realtor/team?done=invited");
		assertThat(page.body()).contains("Приглашение отправлено", "tp-newcomer@test.kz", "Новый Риелтор",
				"Ожидают ответа");
		long invitation = this.jdbc.sql("select id from agency_invitations where email = 'tp-newcomer@test.kz'")
			.query(Long.class)
			.single();
		HttpResponse<String> revoked = web.post("/realtor/team/invitations/" + invitation + "/revoke", "");
		assertThat(revoked.headers().firstValue("Location").orElse("")).contains("done=revoked");
		assertThat(web.get("/realtor/team?done=revoked").body()).contains("Приглашение отозвано.")
			.doesNotContain("tp-newcomer@test.kz");
		assertThat(web.post("/realtor/team/invitations/" + invitation + "/revoke", "").statusCode()).isEqualTo(404);
	}

	@Test
	void aPlainRealtorSeesNoTeamLinkAndCannotOpenThePage() {
		WebSession web = new WebSession(this.port).signIn("tp-realtor@test.kz", IdentityFixtures.PASSWORD);
		HttpResponse<String> dashboard = web.get("/realtor");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).doesNotContain("id=\"nav-team\"", "/realtor/team");
		HttpResponse<String> team = web.get("/realtor/team");
		assertThat(team.statusCode()).isEqualTo(403);
		assertThat(team.body()).contains("руководителю агентства").doesNotContain("45000");
		web.get("/realtor");
		assertThat(web.post("/realtor/team/" + this.realtor + "/deactivate", "").statusCode()).isEqualTo(403);
		assertThat(web.get("/realtor/reports/team.csv?from=2026-12-01&to=2026-12-31").statusCode()).isEqualTo(403);
		assertThat(status(this.realtor)).isEqualTo("ACTIVE");
	}

	private String status(long userId) {
		return this.jdbc.sql("select status from users where id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
	}

}
