package kz.zhilyego.realtor;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realtor's desk at demo scale (241 listings): arrivals nearest first with today's,
 * the bookings desk's orders (total, id last), the text search instead of a 241-option
 * list, money and times as people write them, the heat map's pages.
 */
@IntegrationTest
class RealtorDeskIT {

	private static final Pattern BOOKING_ROW = Pattern.compile("data-booking-id=\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	long realtor;

	long guest;

	long first;

	long second;

	RealtorFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		// today is 2026-12-10 in Astana
		this.clock.set(Instant.parse("2026-12-10T04:00:00Z"));
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		this.realtor = identity.realtor("desk-realtor@test.kz", null);
		this.guest = identity.user("desk-guest@test.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.first = catalog.listing().owner(this.realtor).title("Лофт на Шамши Калдаякова").price(1_161_100).create();
		this.second = catalog.listing().owner(this.realtor).title("Студия у Акорды").create();
		this.fixtures = new RealtorFixtures(this.jdbc, this.clock);
		// the demo realtor's scale: 241 listings in all
		this.fixtures.copies(this.second, 239);
	}

	private UUID booking(long listing, String name, String in, String out, String status) {
		return this.fixtures.booking(listing, this.guest, name, in, out, status, 50_000, !status.equals("HOLD"), null,
				null);
	}

	private static List<String> rows(String html) {
		return BOOKING_ROW.matcher(html).results().map(m -> m.group(1)).toList();
	}

	@Test
	void theDashboardListsArrivalsNearestFirstWithTodaysAndOverdueOnes() {
		UUID far = booking(this.first, "Далёкий", "2027-02-01", "2027-02-03", "CONFIRMED");
		UUID todayArrival = booking(this.second, "Сегодняшний", "2026-12-10", "2026-12-12", "CONFIRMED");
		UUID overdue = booking(this.first, "Опоздавший", "2026-12-09", "2026-12-11", "CONFIRMED");
		UUID tomorrowA = booking(this.first, "Завтрашний", "2026-12-11", "2026-12-13", "CONFIRMED");
		UUID tomorrowB = booking(this.second + 3, "Тоже завтра", "2026-12-11", "2026-12-14", "CONFIRMED");
		booking(this.second + 1, "Уже живёт", "2026-12-08", "2026-12-11", "CHECKED_IN");
		booking(this.first, "Прошлый", "2026-12-01", "2026-12-03", "COMPLETED");
		booking(this.first, "Отменённый", "2026-12-10", "2026-12-11", "CANCELLED");
		for (int i = 0; i < 9; i++) {
			booking(this.second, "Поздний " + i, "2027-01-%02d".formatted(10 + i * 2),
					"2027-01-%02d".formatted(11 + i * 2), "CONFIRMED");
		}
		WebSession web = new WebSession(this.port).signIn("desk-realtor@test.kz", IdentityFixtures.PASSWORD);
		String page = web.get("/realtor").body();
		List<String> shown = rows(page);
		assertThat(shown).hasSize(10);
		assertThat(shown.subList(0, 2)).containsExactly(overdue.toString(), todayArrival.toString());
		assertThat(shown.subList(2, 4)).containsExactlyInAnyOrder(tomorrowA.toString(), tomorrowB.toString());
		assertThat(shown).doesNotContain(far.toString());
		assertThat(spaced(page)).contains("Все ожидаемые заезды (14)").contains("10 дек. 2026 г.");
		assertThat(page).doesNotContain("2026-12-10 →");
	}

	@Test
	void theDeskShowsCurrentStaysNearestFirstThenPastOnesAndEveryOrderIsTotal() {
		UUID past = booking(this.first, "Прошлый", "2026-11-01", "2026-11-03", "COMPLETED");
		UUID older = booking(this.first, "Давний", "2026-10-01", "2026-10-03", "COMPLETED");
		UUID staying = booking(this.second + 1, "Живёт", "2026-12-08", "2026-12-11", "CHECKED_IN");
		UUID next = booking(this.first, "Следующий", "2026-12-12", "2026-12-14", "CONFIRMED");
		UUID far = booking(this.first, "Далёкий", "2027-03-01", "2027-03-05", "CONFIRMED");
		// three stays arriving on the same day: the id breaks the tie
		UUID same1 = booking(this.second, "Один", "2026-12-20", "2026-12-21", "CONFIRMED");
		UUID same2 = booking(this.first, "Два", "2026-12-20", "2026-12-22", "CONFIRMED");
		UUID same3 = booking(this.second + 1, "Три", "2026-12-20", "2026-12-21", "CANCELLED");
		List<String> sameDay = java.util.stream.Stream.of(same1, same2, same3).map(UUID::toString).sorted().toList();

		Api api = new Api(this.port);
		String auth = new IdentityFixtures(this.context).bearer(this.realtor);
		List<String> upcoming = ids(api.get("/api/v1/realtor/bookings", "Authorization", auth).json());
		assertThat(upcoming).containsExactly(staying.toString(), next.toString(), sameDay.get(0), sameDay.get(1),
				sameDay.get(2), far.toString(), past.toString(), older.toString());
		List<String> byCheckIn = ids(api.get("/api/v1/realtor/bookings?sort=check_in", "Authorization", auth).json());
		assertThat(byCheckIn).containsExactly(older.toString(), past.toString(), staying.toString(), next.toString(),
				sameDay.get(0), sameDay.get(1), sameDay.get(2), far.toString());
		List<String> latest = ids(api.get("/api/v1/realtor/bookings?sort=check_in_desc", "Authorization", auth).json());
		assertThat(latest).containsExactly(far.toString(), sameDay.get(0), sameDay.get(1), sameDay.get(2),
				next.toString(), staying.toString(), past.toString(), older.toString());
		// pages of two follow the same order, without gaps or repeats
		List<String> paged = new java.util.ArrayList<>();
		for (int page = 0; page < 4; page++) {
			paged.addAll(ids(api.get("/api/v1/realtor/bookings?size=2&page=" + page, "Authorization", auth).json()));
		}
		assertThat(paged).isEqualTo(upcoming);
		assertThat(api.get("/api/v1/realtor/bookings?sort=sideways", "Authorization", auth).status()).isEqualTo(400);

		WebSession web = new WebSession(this.port).signIn("desk-realtor@test.kz", IdentityFixtures.PASSWORD);
		assertThat(rows(web.get("/realtor/bookings").body())).isEqualTo(upcoming);
	}

	@Test
	void theDeskSearchesByTextInsteadOfListingEveryListing() {
		UUID loft = booking(this.first, "Айгерим Сапарова", "2026-12-12", "2026-12-14", "CONFIRMED");
		UUID studio = booking(this.second, "Ерлан Жумабеков", "2026-12-15", "2026-12-16", "CONFIRMED");
		this.jdbc.sql("update bookings set guest_phone = '+77051112233' where id = :id").param("id", studio).update();
		WebSession web = new WebSession(this.port).signIn("desk-realtor@test.kz", IdentityFixtures.PASSWORD);

		String desk = web.get("/realtor/bookings").body();
		assertThat(Pattern.compile("<option").matcher(desk).results().count()).as("no option per listing")
			.isLessThan(20);
		assertThat(desk).contains("list=\"listing-suggestions\"");
		assertThat(rows(web.get("/realtor/bookings?q=" + WebSession.encode("калдаякова")).body()))
			.containsExactly(loft.toString());
		assertThat(rows(web.get("/realtor/bookings?q=" + WebSession.encode("жумабеков")).body()))
			.containsExactly(studio.toString());
		assertThat(rows(web.get("/realtor/bookings?q=" + WebSession.encode("705 111 22")).body()))
			.containsExactly(studio.toString());
		assertThat(rows(web.get("/realtor/bookings?q=" + loft.toString().substring(0, 8).toUpperCase()).body()))
			.containsExactly(loft.toString());
		assertThat(rows(web.get("/realtor/bookings?q=" + WebSession.encode("100%_")).body())).isEmpty();
		HttpResponse<String> onlyLoft = web.get("/realtor/bookings?listingId=" + this.first);
		assertThat(rows(onlyLoft.body())).containsExactly(loft.toString());
		assertThat(onlyLoft.body()).contains("Только объект «Лофт на Шамши Калдаякова»");

		String suggestions = web.get("/realtor/listings/suggest?q=" + WebSession.encode("квартира у байтерека № 1"))
			.body();
		assertThat(Pattern.compile("<option ").matcher(suggestions).results().count()).isEqualTo(10);
		assertThat(web.get("/realtor/listings/suggest?q=" + WebSession.encode("калдаякова")).body())
			.contains("value=\"Лофт на Шамши Калдаякова\"");

		String listings = web.get("/realtor/listings?q=" + WebSession.encode("акорд")).body();
		assertThat(listings).contains("Найдено объектов: 1<").contains("Студия у Акорды");
		assertThat(web.get("/realtor/listings?q=" + WebSession.encode("№ " + this.first)).body())
			.contains("Найдено объектов: 1<")
			.contains("Лофт на Шамши Калдаякова");
		assertThat(web.get("/realtor/listings").body()).contains("Найдено объектов: 241<");
	}

	@Test
	void deactivatingAsksFirstReturnsToTheSamePageAndSaysItWorked() {
		WebSession web = new WebSession(this.port).signIn("desk-realtor@test.kz", IdentityFixtures.PASSWORD);
		String page = web.get("/realtor/listings?q=" + WebSession.encode("калдаякова") + "&sort=price").body();
		assertThat(page).contains("<details class=\"zg-confirm")
			.contains("Снять «Лофт на Шамши Калдаякова» с публикации?");
		assertThat(page).contains("1\u00a0161\u00a0100\u00a0₸");
		HttpResponse<String> done = web.post("/realtor/listings/" + this.first + "/deactivate",
				"back=" + WebSession.encode("sort=price&q=%D0%BA%D0%B0%D0%B1%D0%B0%D0%BD%D0%B1%D0%B0%D0%B9"));
		String location = done.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/realtor/listings?sort=price&q=%D0%BA").contains("done=deactivate");
		assertThat(web.get(location.replaceFirst("^https?://[^/]+", "")).body())
			.contains("Объект № " + this.first + " деактивирован");
		assertThat(this.jdbc.sql("select status from listings where id = :id")
			.param("id", this.first)
			.query(String.class)
			.single()).isEqualTo("INACTIVE");
		// a "back" that is not a query of the listings page goes to the list
		HttpResponse<String> forged = web.post("/realtor/listings/" + this.first + "/activate",
				"back=" + WebSession.encode("//evil.example/x"));
		assertThat(forged.headers().firstValue("Location").orElseThrow()).contains("/realtor/listings?done=activate")
			.doesNotContain("evil");
	}

	@Test
	void theAnalyticsWriteMoneyAndAstanaTimesAndPageTheHeatMap() {
		booking(this.first, "Гость", "2026-12-05", "2026-12-07", "COMPLETED");
		this.jdbc.sql("update bookings set total = 1161100").update();
		// 20:30 UTC on Dec 9 is 01:30 on Dec 10 in Astana
		this.jdbc.sql("""
				insert into listing_price_history (listing_id, night, old_price, new_price, changed_by, changed_at)
				values (:id, null, 20000, 25000, :by, '2026-12-09T20:30:00Z')
				""").param("id", this.first).param("by", this.realtor).update();
		WebSession web = new WebSession(this.port).signIn("desk-realtor@test.kz", IdentityFixtures.PASSWORD);
		String page = web.get("/realtor/analytics?preset=month").body();
		assertThat(page).contains("id=\"kpi-revenue\">1\u00a0161\u00a0100\u00a0₸<");
		assertThat(spaced(page)).contains("10 дек. 2026 г., 01:30").doesNotContain("2026-12-09 20:30");
		assertThat(page).contains("Объекты 1–30 из 241").contains("id=\"heat-next-listings\"");
		assertThat(Pattern.compile("<tr data-listing-id=").matcher(page).results().count()).isEqualTo(30);

		String last = web.get("/realtor/analytics?preset=month&heatPage=8").body();
		assertThat(last).contains("Объекты 241–241 из 241").doesNotContain("id=\"heat-next-listings\"");
		String found = web.get("/realtor/analytics?preset=month&heatQ=" + WebSession.encode("калдаякова")).body();
		assertThat(found).contains("Объекты 1–1 из 1").contains("data-listing-id=\"" + this.first + "\"");

		String year = web.get("/realtor/analytics?preset=year&heatQ=" + WebSession.encode("калдаякова")).body();
		assertThat(year).contains("id=\"heat-next-days\"").doesNotContain("id=\"heat-prev-days\"");
		String later = web
			.get("/realtor/analytics?preset=year&heatQ=" + WebSession.encode("калдаякова") + "&heatStart=2026-03-04")
			.body();
		assertThat(spaced(later)).contains("id=\"heat-prev-days\"").contains("4 мар. 2026 г.");
	}

	/** The text with no-break and narrow spaces as plain ones. */
	static String spaced(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new java.util.ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

}
