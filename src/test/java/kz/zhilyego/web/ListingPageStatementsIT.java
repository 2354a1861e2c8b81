package kz.zhilyego.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.SqlStatements;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Slugs;
import kz.zhilyego.identity.IdentityFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a first render of the listing page costs in SQL statements (issue 19): a visitor's
 * page that no cache answers is read in a fixed, small number of statements, however many
 * photos, amenities, reviews and occupied nights the listing has, so the count cannot
 * creep back up unnoticed.
 */
@IntegrationTest
class ListingPageStatementsIT {

	/**
	 * The page's version for the ETag (the shared cache's filter), the card with photos,
	 * amenities and occupied nights, the first reviews, and the host card: the owner's
	 * listings and rating, their name with the agency's, how fast they answer reviews.
	 */
	static final int FIRST_RENDER = 6;

	/**
	 * The same with chosen dates: no page version (a URL with a query is never cached),
	 * and the quote of the stay on top (the listing's terms, its nightly prices, the
	 * occupancy test).
	 */
	static final int FIRST_RENDER_WITH_DATES = FIRST_RENDER - 1 + 3;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	final HttpClient http = HttpClient.newHttpClient();

	long listing;

	String path;

	@BeforeEach
	void listing() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		long realtor = identity.realtor("statements@test.kz", identity.agency("Степь"));
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.listing = catalog.listing()
			.owner(realtor)
			.title("Студия на счёт")
			.district("esil")
			.price(20000)
			.amenities("wifi", "parking")
			.rating("5.00", 2)
			.create();
		catalog.listing().owner(realtor).title("Вторая").create();
		for (int i = 0; i < 3; i++) {
			this.jdbc.sql("""
					insert into listing_photos (listing_id, storage_key, content_type, position, main)
					values (:listing, :key, 'image/webp', :position, :main)
					""")
				.param("listing", this.listing)
				.param("key", "listings/" + this.listing + "/photo-" + i + ".webp")
				.param("position", i)
				.param("main", i == 0)
				.update();
		}
		catalog.occupyByBlock(this.listing, LocalDate.parse("2026-12-20"), LocalDate.parse("2026-12-24"));
		for (int i = 0; i < 2; i++) {
			UUID booking = catalog.occupyByBooking(this.listing, LocalDate.parse("2026-06-01").plusDays(i * 3L),
					LocalDate.parse("2026-06-03").plusDays(i * 3L));
			long guest = identity.user("guest" + i + "@test.kz");
			this.jdbc.sql("""
					insert into reviews (booking_id, listing_id, author_id, rating, status, created_at, reply,
					    replied_at, replied_by)
					values (:booking, :listing, :author, 5, 'PUBLISHED', :written, 'Спасибо!', :answered, :realtor)
					""")
				.param("booking", booking)
				.param("listing", this.listing)
				.param("author", guest)
				.param("realtor", realtor)
				.param("written", Timestamp.from(Instant.parse("2026-07-01T10:00:00Z")))
				.param("answered", Timestamp.from(Instant.parse("2026-07-01T13:00:00Z")))
				.update();
		}
		this.path = "/astana/esil/kvartira-" + Slugs.of("Студия на счёт") + "-" + this.listing;
	}

	@Test
	void aVisitorsFirstRenderRunsAFixedNumberOfStatements() throws Exception {
		String recording = UUID.randomUUID().toString();
		HttpResponse<String> response = get(this.path, recording);

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Студия на счёт");
		assertThat(page.select(".zg-review")).hasSize(2);
		assertThat(page.selectFirst("#host-agency").text()).contains("Степь");
		assertThat(page.select("#calendar td.zg-busy")).isNotEmpty();
		List<String> statements = SqlStatements.of(recording);
		assertThat(statements).as(String.join("\n", statements)).hasSize(FIRST_RENDER);
	}

	@Test
	void chosenDatesAddTheQuoteOnly() throws Exception {
		String recording = UUID.randomUUID().toString();
		HttpResponse<String> response = get(this.path + "?checkIn=2026-12-10&checkOut=2026-12-13&guests=2", recording);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(response.body()).selectFirst("#quote-total")).isNotNull();
		List<String> statements = SqlStatements.of(recording);
		assertThat(statements).as(String.join("\n", statements)).hasSize(FIRST_RENDER_WITH_DATES);
	}

	private HttpResponse<String> get(String pathAndQuery, String recording) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.header(SqlStatements.HEADER, recording)
			.header("Accept-Language", "ru")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
