package kz.zhilyego.web;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.zhilyego.IntegrationTest;
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
 * Free text has limits that the forms state (maxlength and a hint the counter script
 * extends) and the server enforces with an error next to the field: a 10,800-character
 * booking comment is refused, not stored.
 */
@IntegrationTest
class FreeTextLimitsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures ids = new IdentityFixtures(this.jdbc);
		ids.user("texts@test.kz");
		long realtor = ids.realtor("texts-realtor@test.kz", null);
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(realtor).price(20_000).create();
	}

	@Test
	void theBookingFormStatesTheCommentLimitAndRefusesALongerCommentNextToTheField() {
		SiteSession site = new SiteSession(this.port).signIn("texts@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page form = site.get("/book/" + this.listing + "?checkIn=2026-12-10&checkOut=2026-12-12");
		Document html = form.html();
		assertThat(html.select("textarea#w-comment").attr("maxlength")).isEqualTo("1000");
		assertThat(text(html, "#w-comment-hint")).isEqualTo("До 1 000 символов.");
		assertThat(html.select("#w-comment-hint").attr("data-counter-for")).isEqualTo("w-comment");
		assertThat(html.select("script[src~=/js/counter(-[0-9a-f]{32})?\\.js$]")).hasSize(1);

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("checkIn", "2026-12-10");
		fields.put("checkOut", "2026-12-12");
		fields.put("guests", "1");
		fields.put("guestName", "Айгерим");
		fields.put("guestPhone", "+77011234567");
		fields.put("rulesAccepted", "true");
		fields.put("comment", "Очень длинный комментарий. ".repeat(400));
		fields.put("token", html.select("input[name=token]").attr("value"));
		SiteSession.Page preview = site.post(form, "/book/" + this.listing + "/preview", fields);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(text(preview.html(), "#e-comment")).isEqualTo("Комментарий не может быть длиннее 1 000 символов.");
		assertThat(preview.html().select("textarea#w-comment.is-invalid")).hasSize(1);

		fields.put("comment", "Очень длинный комментарий. ".repeat(400));
		SiteSession.Page placed = site.post(form, "/book/" + this.listing, fields);
		assertThat(placed.status()).as("the final step refuses it too").isEqualTo(200);
		assertThat(text(placed.html(), "#e-comment")).contains("1 000");
		assertThat(this.jdbc.sql("select count(*) from bookings").query(Long.class).single()).isZero();
	}

	@Test
	void theListingFormStatesTheLimitsOfDescriptionAndHouseRules() {
		SiteSession site = new SiteSession(this.port).signIn("texts-realtor@test.kz", IdentityFixtures.PASSWORD);
		Document html = site.get("/realtor/listings/" + this.listing + "/edit").html();
		for (String field : new String[] { "description", "houseRules" }) {
			assertThat(html.select("textarea#" + field).attr("maxlength")).as(field).isEqualTo("5000");
			assertThat(text(html, "#" + field + "-hint")).as(field).isEqualTo("До 5 000 символов.");
		}
		assertThat(html.select("label[for=files]").text()).contains("25 МБ");
	}

	/** The element's text with non-breaking spaces (digit grouping) as plain ones. */
	private static String text(Document html, String selector) {
		return html.select(selector).text().replace('\u00a0', ' ');
	}

}
