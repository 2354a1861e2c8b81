package kz.zhilyego.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.storage.FileStorage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest pages as served (no JavaScript): every total comes with its night-by-night
 * breakdown (weekend rate, the realtor's price for a date, long-stay discount), the price
 * box and the booking preview never price taken dates, the calendar links each free day
 * and marks the chosen stay, and the map is there with coordinates written so they cannot
 * be misread.
 */
@IntegrationTest
class GuestPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStorage storage;

	@Autowired
	MutableClock clock;

	long listing;

	long other;

	String email;

	@BeforeEach
	void listings() {
		this.clock.reset();
		TestDatabase.reset(this.jdbc);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.listing = catalog.listing()
			.title("Студия с видом")
			.price(20000)
			.weekendUplift(20)
			.longStay(7, 10)
			.create();
		catalog.nightPrice(this.listing, LocalDate.parse("2026-12-15"), 30000);
		catalog.occupyByBlock(this.listing, LocalDate.parse("2026-12-20"), LocalDate.parse("2026-12-22"));
		SiteFixtures site = new SiteFixtures(this.jdbc, this.storage);
		site.details(this.listing, "Описание.", "Не курить.");
		this.other = catalog.listing().title("Дом у реки").price(30000).create();
		site.place(this.other, 51.1605, 71.4704);
		this.email = "pages-" + System.nanoTime() + "@test.kz";
		new IdentityFixtures(this.jdbc).user(this.email);
	}

	@Test
	void theListingsPriceBoxShowsEveryNightsPriceAndTheLongStayDiscount() {
		SiteSession site = new SiteSession(this.port);
		// Thu 10 … Wed 16: four ordinary nights, Fri and Sat at +20 %, Tue 15 at the
		// realtor's 30 000; 7 nights take 10 % off 158 000
		Document page = site.get("/listings/" + this.listing + "?checkIn=2026-12-10&checkOut=2026-12-17&lang=ru")
			.location()
			.transform(site::get)
			.html();
		Element box = page.selectFirst("#price [data-breakdown]");
		assertThat(box).isNotNull();
		assertThat(text(box)).contains("20 000 ₸ × 4 ночи", "24 000 ₸ × 2 ночи", "выходные", "30 000 ₸ × 1 ночь",
				"особая цена на дату", "Скидка за долгое проживание (10 %)", "−15 800 ₸");
		assertThat(text(page.selectFirst("#quote-total"))).isEqualTo("142 200 ₸");
		assertThat(page.select("#price [data-night]")).hasSize(7);
		assertThat(text(page.selectFirst("#weekend-price"))).contains("24 000 ₸");
		assertThat(text(page.selectFirst("#long-stay"))).contains("7", "10 %");
		assertThat(text(page.selectFirst("#book-bar"))).contains("142 200 ₸", "7 ночей");
		assertThat(page.selectFirst("#book-bar-button").attr("href"))
			.isEqualTo("/book/" + this.listing + "?checkIn=2026-12-10&checkOut=2026-12-17");
	}

	@Test
	void thePriceBoxAndThePreviewRefuseTakenDatesInsteadOfPricingThem() {
		SiteSession site = new SiteSession(this.port);
		SiteSession.Page fragment = site
			.get("/listings/" + this.listing + "/price?checkIn=2026-12-19&checkOut=2026-12-21&lang=ru");
		assertThat(fragment.status()).isEqualTo(200);
		Document html = fragment.html();
		assertThat(html.select("#quote-total")).isEmpty();
		assertThat(html.selectFirst("#quote-error").attr("data-taken")).isEqualTo("true");
		assertThat(text(html.selectFirst("#quote-error"))).contains("заняты");
		// the sticky bar follows out of band: no total, the dates to choose
		assertThat(html.selectFirst("#book-bar").attr("data-hx-swap-oob")).isEqualTo("true");
		assertThat(html.selectFirst("#book-bar-button").attr("href")).isEqualTo("#book");

		site.signIn(this.email, IdentityFixtures.PASSWORD);
		SiteSession.Page wizard = site.get("/book/" + this.listing + "?checkIn=2026-12-19&checkOut=2026-12-21");
		assertThat(text(wizard.html().selectFirst("#policy"))).contains("100 %", "50 %");
		SiteSession.Page taken = site.post(wizard, "/book/" + this.listing + "/preview",
				Map.of("checkIn", "2026-12-19", "checkOut", "2026-12-21", "guests", "1", "guestName", "Айгерим",
						"guestPhone", "+7 701 555 12 12", "rulesAccepted", "true"));
		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.html().select("#hold-button")).isEmpty();
		assertThat(text(taken.html().selectFirst("#e-checkIn"))).contains("заняты");

		SiteSession.Page preview = site.post(wizard, "/book/" + this.listing + "/preview",
				Map.of("checkIn", "2026-12-10", "checkOut", "2026-12-13", "guests", "1", "guestName", "Айгерим",
						"guestPhone", "+7 701 555 12 12", "rulesAccepted", "true", "token", "preview-token-1"));
		assertThat(text(preview.html().selectFirst("#preview-total"))).isEqualTo("68 000 ₸");
		assertThat(text(preview.html().selectFirst("[data-breakdown]"))).contains("24 000 ₸ × 2 ночи");

		// the booking keeps the breakdown it was priced with
		SiteSession.Page held = site.post(preview, "/book/" + this.listing,
				Map.of("checkIn", "2026-12-10", "checkOut", "2026-12-13", "guests", "1", "guestName", "Айгерим",
						"guestPhone", "+7 701 555 12 12", "rulesAccepted", "true", "token", "preview-token-1"));
		assertThat(held.status()).isEqualTo(302);
		Document booking = site.get(held.location().replaceFirst("^https?://[^/]+", "")).html();
		assertThat(text(booking.selectFirst("#booking-total"))).isEqualTo("68 000 ₸");
		assertThat(text(booking.selectFirst("[data-breakdown]"))).contains("20 000 ₸ × 1 ночь", "24 000 ₸ × 2 ночи",
				"выходные");
		// and the cabinet's list explains the amount in one line
		assertThat(text(site.get("/account/bookings").html().selectFirst(".zg-price-compact")))
			.isEqualTo("20 000 ₸ × 1 + 24 000 ₸ × 2 (выходные)");
	}

	@Test
	void searchCardsExplainTheirTotal() {
		Document page = new SiteSession(this.port)
			.get("/search?city=astana&checkIn=2026-12-10&checkOut=2026-12-13&lang=ru")
			.html();
		Element card = page.selectFirst("#results article[data-listing-id=" + this.listing + "]");
		assertThat(text(card.selectFirst(".zg-total"))).contains("Итого за 3 ночи", "68 000 ₸");
		assertThat(text(card.selectFirst(".zg-price-compact"))).isEqualTo("20 000 ₸ × 1 + 24 000 ₸ × 2 (выходные)");
		// one price for every night needs no explanation
		Element plain = page.selectFirst("#results article[data-listing-id=" + this.other + "]");
		assertThat(plain.select(".zg-price-compact")).isEmpty();
	}

	@Test
	void aSearchLinkWithAWrongFilterExplainsItUnderTheForm() {
		SiteSession site = new SiteSession(this.port);
		for (String query : List.of("rooms=abc", "minRating=9", "class=" + "x".repeat(60), "page=-1")) {
			SiteSession.Page page = site.get("/search?city=astana&" + query + "&lang=ru");
			assertThat(page.status()).as(query).isEqualTo(200);
			Document html = page.html();
			assertThat(html.select("[role=alert].text-danger").text()).as(query).isNotBlank();
			assertThat(html.select(".card a[href*='/astana/']")).as(query + ": no results").isEmpty();
		}
	}

	@Test
	void theCalendarLinksEachFreeDayAndMarksTheChosenStayWithoutJavaScript() {
		SiteSession site = new SiteSession(this.port);
		String path = site.get("/listings/" + this.listing).location();
		Document start = site.get(path + "?checkIn=2026-12-18").html();
		// after a check-in, the check-out may be any day up to the first taken night
		assertThat(start.selectFirst("td[data-date=2026-12-18]").hasClass("zg-start")).isTrue();
		assertThat(start.selectFirst("td[data-date=2026-12-20] a").attr("data-pick")).isEqualTo("check-out");
		assertThat(start.selectFirst("td[data-date=2026-12-20] a").attr("href"))
			.isEqualTo(path + "?checkIn=2026-12-18&checkOut=2026-12-20#book");
		assertThat(start.select("td[data-date=2026-12-21] a")).isEmpty();
		assertThat(start.selectFirst("td[data-date=2026-12-23] a").attr("data-pick")).isEqualTo("check-in");
		assertThat(start.select("td[data-date=2026-11-30] a")).as("a past day").isEmpty();

		Document chosen = site.get(path + "?checkIn=2026-12-10&checkOut=2026-12-13").html();
		assertThat(chosen.selectFirst("td[data-date=2026-12-10]").classNames()).contains("zg-start", "zg-chosen");
		assertThat(chosen.selectFirst("td[data-date=2026-12-12]").hasClass("zg-chosen")).isTrue();
		assertThat(chosen.selectFirst("td[data-date=2026-12-13]").classNames()).contains("zg-end")
			.doesNotContain("zg-chosen");
		assertThat(chosen.selectFirst("td[data-date=2026-12-05] a").attr("href"))
			.isEqualTo(path + "?checkIn=2026-12-05#availability");
		assertThat(chosen.selectFirst("td[data-date=2026-12-05] a").attr("aria-label")).contains("заезд");
	}

	@Test
	void aLinkWithAMistypedStayStillOpensTheListingWithoutTheStay() {
		SiteSession site = new SiteSession(this.port);
		String path = site.get("/listings/" + this.listing).location();
		for (String query : List.of("?checkIn=2026-13-01&checkOut=2026-12-40", "?checkIn=garbage&checkOut=x&guests=abc",
				"?checkIn=2026-12-10&checkOut=2026-12-13&guests=-1", "?guests=99999999999")) {
			SiteSession.Page page = site.get(path + query + "&lang=ru");
			assertThat(page.status()).as(query).isEqualTo(200);
			assertThat(page.html().selectFirst("h1").text()).as(query).isEqualTo("Студия с видом");
		}
		// the booking wizard too: the form without the stay, not a 400 page
		site.signIn(this.email, IdentityFixtures.PASSWORD);
		SiteSession.Page wizard = site.get("/book/" + this.listing + "?checkIn=garbage&checkOut=2026-13-45&guests=-x");
		assertThat(wizard.status()).isEqualTo(200);
		assertThat(wizard.html().selectFirst("#w-checkIn").attr("value")).isEmpty();
		assertThat(wizard.html().selectFirst("#wizard-next")).isNotNull();
		// every date picker offers today to the booking horizon (730 days ahead;
		// check-out
		// up to 90 nights later)
		for (Element checkIn : List.of(wizard.html().selectFirst("#w-checkIn"),
				site.get(path + "?lang=ru").html().selectFirst("#b-checkIn"),
				site.get("/search?city=astana").html().selectFirst("#f-checkIn"))) {
			assertThat(checkIn.attr("min")).as(checkIn.id()).isEqualTo("2026-12-01");
			assertThat(checkIn.attr("max")).as(checkIn.id()).isEqualTo("2028-11-30");
		}
		assertThat(wizard.html().selectFirst("#w-checkOut").attr("max")).isEqualTo("2029-02-28");
		// a good stay is still priced
		assertThat(site.get(path + "?checkIn=2026-12-10&checkOut=2026-12-13&guests=abc&lang=ru").html().text())
			.contains("3 ночи");
	}

	@Test
	void theMapHasTheListingsPlaceLeafletFromItsWebJarAndCoordinatesThatCannotBeMisread() {
		SiteSession site = new SiteSession(this.port);
		Document page = site.get(site.get("/listings/" + this.listing + "?lang=ru").location()).html();
		Element map = page.selectFirst("#listing-map");
		assertThat(map.attr("data-tiles")).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
		assertThat(map.attr("data-crs")).isEqualTo("EPSG3857");
		assertThat(map.attr("data-markers")).contains("\"lat\":51.128207", "\"lng\":71.430411");
		assertThat(map.hasAttr("hidden")).as("shown only once tiles load").isTrue();
		assertThat(text(page.selectFirst("#listing-address"))).contains("Астана");
		assertThat(text(page.selectFirst("#geo-link"))).isEqualTo("Координаты: 51.128207° с. ш., 71.430411° в. д.");
		// Leaflet is fetched by map.js when the map is about to be seen, not with the
		// page
		assertThat(page.select("script[src*=leaflet], link[href*=leaflet]")).isEmpty();
		assertThat(map.attr("data-leaflet-js")).matches("/webjars/leaflet/1[.0-9]+/dist/leaflet(-[0-9a-f]{32})?\\.js");
		assertThat(map.attr("data-leaflet-css"))
			.matches("/webjars/leaflet/1[.0-9]+/dist/leaflet(-[0-9a-f]{32})?\\.css");
		SiteSession.Page leaflet = site.get(map.attr("data-leaflet-js"));
		assertThat(leaflet.status()).isEqualTo(200);
		assertThat(leaflet.body()).contains("Leaflet");
		assertThat(site.get(map.attr("data-leaflet-css")).status()).isEqualTo(200);
		Document english = site.get(site.get("/listings/" + this.listing + "?lang=en").location()).html();
		assertThat(text(english.selectFirst("#geo-link"))).isEqualTo("Coordinates: 51.128207° N, 71.430411° E");

		Document search = site.get("/search?city=astana&lang=ru").html();
		String markers = search.selectFirst("#results-map").attr("data-markers");
		assertThat(markers).contains("Студия с видом", "Дом у реки", "51.1605", "/astana/esil/");
	}

	private static String text(Element element) {
		return element.text().replace('\u00a0', ' ');
	}

}
