package kz.zhilyego.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import kz.zhilyego.IntegrationTest;
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

@IntegrationTest
class SitePagesIT {

	private static final LocalDate CHECK_IN = LocalDate.parse("2026-12-10");

	private static final LocalDate CHECK_OUT = LocalDate.parse("2026-12-13");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStorage storage;

	long listing;

	long rated;

	long inactive;

	String path;

	@BeforeEach
	void listings() {
		TestDatabase.reset(this.jdbc);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.listing = catalog.listing().title("Уютная студия у Байтерека").district("esil").price(20000).create();
		this.rated = catalog.listing()
			.title("Просторная двушка")
			.district("almaty")
			.price(30000)
			.rating("4.80", 12)
			.create();
		this.inactive = catalog.listing().title("Снятая с публикации").inactive().create();
		SiteFixtures site = new SiteFixtures(this.jdbc, this.storage);
		site.photos(this.listing, 3);
		site.details(this.listing, "Светлая студия.", "Не курить. Тишина после 23:00.");
		this.path = this.jdbc.sql("select '/astana/esil/kvartira-' || :slug || '-' || :id")
			.param("slug", kz.zhilyego.common.Slugs.of("Уютная студия у Байтерека"))
			.param("id", this.listing)
			.query(String.class)
			.single();
	}

	@Test
	void everyPublicPageIsValidLookingHtmlWithTitleDescriptionAndCanonicalLink() {
		SiteSession site = new SiteSession(this.port);
		for (String page : List.of("/", "/search",
				"/search?city=astana&checkIn=" + CHECK_IN + "&checkOut=" + CHECK_OUT + "&guests=2&sort=rating",
				this.path, "/login", "/register")) {
			SiteSession.Page response = site.get(page);
			assertThat(response.status()).as(page).isEqualTo(200);
			Document html = response.html();
			assertThat(html.selectFirst("html").attr("lang")).as(page).isEqualTo("ru");
			assertThat(html.title()).as(page).endsWith("ЖильеGO").hasSizeGreaterThan(10);
			assertThat(html.select("meta[name=description]").attr("content")).as(page).isNotBlank();
			assertThat(html.select("link[rel=canonical]").attr("href")).as(page).isNotBlank();
			assertThat(html.select("meta[property=og:title]").attr("content")).as(page).isNotBlank();
			assertThat(html.select("h1")).as(page).hasSize(1);
			assertAccessibleForms(page, html);
		}
	}

	@Test
	void theListingPageShowsDetailsCalendarLivePriceAndStructuredData() {
		new CatalogFixtures(this.jdbc).occupyByBlock(this.listing, LocalDate.parse("2026-12-20"),
				LocalDate.parse("2026-12-22"));
		SiteSession site = new SiteSession(this.port);
		Document html = site.get(this.path + "?checkIn=" + CHECK_IN + "&checkOut=" + CHECK_OUT).html();
		assertThat(html.select("link[rel=canonical]").attr("href")).endsWith(this.path);
		assertThat(html.select(".zg-thumbs img")).hasSize(3).allMatch(img -> img.attr("loading").equals("lazy"));
		assertThat(html.select("td[data-date=2026-12-20]").hasClass("zg-busy")).isTrue();
		assertThat(html.select("td[data-date=2026-12-22]").hasClass("zg-free")).isTrue();
		assertThat(html.selectFirst("#quote-total").text().replace('\u00a0', ' ')).isEqualTo("60 000 ₸");
		assertThat(html.select("#geo-link").attr("href")).isEqualTo("geo:51.128207,71.430411");
		assertThat(html.select("#sign-in-to-book")).hasSize(1);
		String ld = html.selectFirst("script[type=application/ld+json]").data();
		assertThat(ld).contains("\"LodgingBusiness\"", "\"Offer\"", "\"priceCurrency\":\"KZT\"")
			.doesNotContain("AggregateRating");
		SiteSession.Page fragment = site
			.get("/listings/" + this.listing + "/price?checkIn=" + CHECK_IN + "&checkOut=2026-12-11");
		assertThat(fragment.body()).contains("20\u00a0000\u00a0₸").doesNotContain("<html");
		assertThat(site.get("/listings/" + this.listing + "/price?checkIn=2026-12-20&checkOut=2026-12-10").body())
			.contains("role=\"alert\"");

		String rated = site.get("/listings/" + this.rated).location();
		assertThat(site.get(rated).html().selectFirst("script[type=application/ld+json]").data())
			.contains("\"AggregateRating\"", "\"reviewCount\":12");
	}

	@Test
	void aWrongSlugRedirectsPermanentlyToTheCanonicalPathAndAnUnknownListingIsAStyled404() {
		SiteSession site = new SiteSession(this.port);
		SiteSession.Page moved = site.get("/astana/almaty/old-title-" + this.listing + "?checkIn=" + CHECK_IN);
		assertThat(moved.status()).isEqualTo(301);
		assertThat(moved.location()).endsWith(this.path + "?checkIn=" + CHECK_IN);

		for (String missing : List.of("/astana/esil/kvartira-nothing-999999", "/astana/esil/no-id-here",
				"/astana/esil/kvartira-" + this.inactive, "/listings/999999")) {
			SiteSession.Page page = site.get(missing);
			assertThat(page.status()).as(missing).isEqualTo(404);
			assertThat(page.html().select("main[data-error=404]")).as(missing).hasSize(1);
			assertThat(page.html().title()).as(missing).contains("Страница не найдена");
		}
		kz.zhilyego.Api.Response api = new kz.zhilyego.Api(this.port).get("/api/v1/listings/999999");
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.header("Content-Type")).contains("application/problem+json");
	}

	@Test
	void theSitemapListsActiveListingsOnlyAndRobotsPointsToIt() {
		SiteSession site = new SiteSession(this.port);
		SiteSession.Page sitemap = site.get("/sitemap.xml");
		assertThat(sitemap.status()).isEqualTo(200);
		assertThat(sitemap.body()).startsWith("<?xml")
			.contains("<loc>http://127.0.0.1:" + this.port + this.path + "</loc>")
			.contains("-" + this.rated + "</loc>")
			.contains("<loc>http://127.0.0.1:" + this.port + "/search</loc>")
			.doesNotContain("-" + this.inactive + "</loc>");
		String robots = site.get("/robots.txt").body();
		assertThat(robots).contains("Sitemap: http://127.0.0.1:" + this.port + "/sitemap.xml", "Disallow: /account/");
	}

	@Test
	void searchKeepsEveryFilterInTheUrlAndSuggestsWhatToDropWhenNothingIsFound() {
		SiteSession site = new SiteSession(this.port);
		Document found = site
			.get("/search?city=astana&class=&type=&minPrice=&district=esil&checkIn=" + CHECK_IN + "&checkOut="
					+ CHECK_OUT)
			.html();
		assertThat(found.selectFirst("#result-count").text()).contains("1");
		assertThat(found.select("#results article")).hasSize(1);
		assertThat(found.selectFirst("#results .zg-total").text().replace('\u00a0', ' ')).contains("60 000");
		assertThat(found.selectFirst("#results a.zg-card-link").attr("href"))
			.isEqualTo(this.path + "?checkIn=" + CHECK_IN + "&checkOut=" + CHECK_OUT);
		assertThat(found.select("#f-district-esil").hasAttr("checked")).isTrue();

		Document nothing = site.get("/search?city=astana&minPrice=90000&checkIn=" + CHECK_IN + "&checkOut=" + CHECK_OUT)
			.html();
		assertThat(nothing.select("#nothing-found")).hasSize(1);
		assertThat(nothing.select("#nothing-found a").eachAttr("href")).contains("/search?city=astana&minPrice=90000",
				"/search?city=astana&checkIn=" + CHECK_IN + "&checkOut=" + CHECK_OUT);

		Document invalid = site.get("/search?checkIn=" + CHECK_OUT + "&checkOut=" + CHECK_IN).html();
		assertThat(invalid.selectFirst("#e-checkOut").text()).isNotBlank();
		assertThat(invalid.select("#results")).isEmpty();
		// what was typed into a number field stays there (a number that does not convert
		// is bound as nothing), with the error next to it
		Document typo = site.get("/search?city=astana&guests=2.5&maxPrice=99999999999999999999").html();
		assertThat(typo.selectFirst("#f-guests").val()).isEqualTo("2.5");
		assertThat(typo.selectFirst("#f-guests").hasClass("is-invalid")).isTrue();
		assertThat(typo.selectFirst("#f-maxPrice").val()).isEqualTo("99999999999999999999");
		// a value that does not convert leaves the other fields as they were chosen, and
		// their own errors are shown as well
		Document mixed = site
			.get("/search?city=astana&checkIn=" + CHECK_IN + "&checkOut=" + CHECK_OUT
					+ "&type=apartment&guests=2.5&minPrice=abc&maxPrice=500000000&sort=rating")
			.html();
		assertThat(mixed.selectFirst("#f-checkIn").val()).isEqualTo(CHECK_IN.toString());
		assertThat(mixed.selectFirst("#f-checkOut").val()).isEqualTo(CHECK_OUT.toString());
		assertThat(mixed.select("input[type=hidden][name=sort]").val()).isEqualTo("rating");
		assertThat(mixed.select("#f-type option[selected]").val()).isEqualTo("apartment");
		assertThat(mixed.select("#f-guests.is-invalid, #f-minPrice.is-invalid, #f-maxPrice.is-invalid")).hasSize(3);
		assertThat(mixed.selectFirst("#f-guests").val()).isEqualTo("2.5");
		assertThat(mixed.select("#results")).isEmpty();
	}

	@Test
	void theWizardRefusesAHoldWithoutAcceptedRulesWithTheErrorNextToTheField() {
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		identity.user("wizard@test.zhilyego.kz");
		SiteSession site = new SiteSession(this.port).signIn("wizard@test.zhilyego.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page form = site
			.get("/book/" + this.listing + "?checkIn=" + CHECK_IN + "&checkOut=" + CHECK_OUT + "&guests=2");
		assertThat(form.status()).isEqualTo(200);
		Document html = form.html();
		assertThat(html.select("#w-guestPhone").val()).startsWith("+7");
		String token = html.select("input[name=token]").val();
		Map<String, String> fields = Map.of("checkIn", CHECK_IN.toString(), "checkOut", CHECK_OUT.toString(), "guests",
				"2", "guestName", "Айгерим", "guestPhone", "+7 701 555 44 33", "token", token);

		SiteSession.Page preview = site.post(form, "/book/" + this.listing + "/preview", fields);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.html().selectFirst("#e-rulesAccepted").text()).isNotBlank();
		assertThat(preview.html().select("#w-rulesAccepted").hasClass("is-invalid")).isTrue();

		SiteSession.Page hold = site.post(form, "/book/" + this.listing, fields);
		assertThat(hold.status()).isEqualTo(200);
		assertThat(hold.html().selectFirst("#e-rulesAccepted").text()).isNotBlank();
		assertThat(this.jdbc.sql("select count(*) from bookings").query(Long.class).single()).isZero();

		site.get("/?lang=en");
		SiteSession.Page english = site.post(form, "/book/" + this.listing + "/preview", fields);
		assertThat(english.html().selectFirst("#e-rulesAccepted").text()).containsIgnoringCase("rules");
	}

	@Test
	void aDoubleSubmittedHoldPlacesOneBookingAndAGuestIsSentToSignIn() {
		SiteSession guest = new SiteSession(this.port);
		SiteSession.Page redirect = guest.get("/book/" + this.listing + "?checkIn=" + CHECK_IN);
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.location()).endsWith("/login");

		new IdentityFixtures(this.jdbc).user("twice@test.zhilyego.kz");
		SiteSession site = new SiteSession(this.port).signIn("twice@test.zhilyego.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page form = site.get("/book/" + this.listing);
		Map<String, String> fields = Map.of("checkIn", CHECK_IN.toString(), "checkOut", CHECK_OUT.toString(), "guests",
				"1", "guestName", "Ерлан", "guestPhone", "+7 701 555 44 34", "rulesAccepted", "true", "token",
				form.html().select("input[name=token]").val());
		SiteSession.Page preview = site.post(form, "/book/" + this.listing + "/preview", fields);
		assertThat(preview.html().selectFirst("#preview-total").text().replace('\u00a0', ' ')).isEqualTo("60 000 ₸");
		SiteSession.Page first = site.post(preview, "/book/" + this.listing, fields);
		SiteSession.Page second = site.post(preview, "/book/" + this.listing, fields);
		assertThat(first.status()).isEqualTo(302);
		assertThat(second.location()).isEqualTo(first.location());
		assertThat(this.jdbc.sql("select count(*) from bookings").query(Long.class).single()).isOne();
		Document hold = site.get(first.location().replaceFirst("^https?://[^/]+", "")).html();
		assertThat(hold.select("#countdown").attr("data-countdown")).isEqualTo("900");
		assertThat(hold.select("#pay-button")).hasSize(1);
	}

	private static void assertAccessibleForms(String page, Document html) {
		for (Element input : html.select("input:not([type=hidden]), select, textarea")) {
			String id = input.id();
			boolean labelled = (!id.isEmpty() && !html.select("label[for=" + id + "]").isEmpty())
					|| input.hasAttr("aria-label") || input.hasAttr("aria-labelledby");
			assertThat(labelled).as(page + ": label for " + input).isTrue();
		}
		for (Element img : html.select("img")) {
			assertThat(img.hasAttr("alt")).as(page + ": alt of " + img).isTrue();
		}
	}

}
