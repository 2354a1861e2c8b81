package kz.zhilyego.realtor;

import java.net.http.HttpResponse;
import java.util.UUID;

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
 * The realtor pages over a real session with CSRF: each page renders for its realtor, and
 * another realtor's listing, booking, guest contacts and codes stay invisible and
 * unchangeable through the pages too.
 */
@IntegrationTest
class RealtorPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long mine;

	long theirs;

	UUID theirBooking;

	UUID myBooking;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		long realtor = identity.realtor("pg-realtor@test.kz", null);
		long other = identity.realtor("pg-other@test.kz", null);
		identity.user("pg-user@test.kz");
		long guest = identity.user("pg-guest@test.kz");
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc, this.clock);
		this.mine = catalog.listing().owner(realtor).title("Моя квартира на Есиле").create();
		this.theirs = catalog.listing().owner(other).title("Чужая квартира на Нуре").create();
		RealtorFixtures fixtures = new RealtorFixtures(this.jdbc, this.clock);
		this.myBooking = fixtures.booking(this.mine, guest, "Мой Гость", "2026-12-10", "2026-12-12", "CONFIRMED",
				40_000, true, null, null);
		this.theirBooking = fixtures.booking(this.theirs, guest, "Чужой Гость", "2026-12-10", "2026-12-12", "CONFIRMED",
				40_000, true, null, null);
	}

	private WebSession realtor() {
		return new WebSession(this.port).signIn("pg-realtor@test.kz", IdentityFixtures.PASSWORD);
	}

	@Test
	void everyWorkspacePageRendersForTheRealtor() {
		WebSession web = realtor();
		for (String path : new String[] { "/realtor", "/realtor/listings", "/realtor/listings/new",
				"/realtor/listings/" + this.mine + "/edit", "/realtor/listings/" + this.mine + "/calendar",
				"/realtor/bookings", "/realtor/bookings/" + this.myBooking, "/realtor/analytics?preset=year",
				"/realtor/analytics?preset=custom&from=2026-12-01&to=2026-12-31" }) {
			HttpResponse<String> page = web.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).contains("ЖильеGO").doesNotContain("Чужая квартира", "Чужой Гость");
		}
		assertThat(web.get("/realtor/bookings/" + this.myBooking).body()).contains("+77017654321");
		assertThat(
				web.get("/realtor/listings/" + this.mine + "/calendar/events?start=2026-12-01&end=2027-01-01").body())
			.contains("Мой Гость");
	}

	@Test
	void anotherRealtorsListingAndBookingAreNotFoundOnThePages() {
		WebSession web = realtor();
		HttpResponse<String> edit = web.get("/realtor/listings/" + this.theirs + "/edit");
		assertThat(edit.statusCode()).isEqualTo(404);
		assertThat(edit.body()).doesNotContain("Чужая квартира");
		assertThat(web.get("/realtor/listings/" + this.theirs + "/calendar").statusCode()).isEqualTo(404);
		assertThat(web.get("/realtor/listings/" + this.theirs + "/calendar/events?start=2026-12-01&end=2027-01-01")
			.statusCode()).isEqualTo(404);
		HttpResponse<String> booking = web.get("/realtor/bookings/" + this.theirBooking);
		assertThat(booking.statusCode()).isEqualTo(404);
		assertThat(booking.body()).doesNotContain("Чужой Гость").doesNotContain("+77017654321");
		web.get("/realtor/listings");
		assertThat(web.post("/realtor/listings/" + this.theirs + "/deactivate", "").statusCode()).isEqualTo(404);
		assertThat(web.post("/realtor/listings/" + this.theirs + "/codes/reveal", "").statusCode()).isEqualTo(404);
		assertThat(web.post("/realtor/bookings/" + this.theirBooking + "/cancel", "reason=MAINTENANCE").statusCode())
			.isEqualTo(404);
		assertThat(
				web.post("/realtor/listings/" + this.theirs + "/blocks", "from=2026-12-20&to=2026-12-22&reason=REPAIR")
					.statusCode())
			.isEqualTo(404);
		assertThat(this.jdbc.sql("select status from listings where id = :id")
			.param("id", this.theirs)
			.query(String.class)
			.single()).isEqualTo("ACTIVE");
		assertThat(this.jdbc.sql("select status from bookings where id = :id")
			.param("id", this.theirBooking)
			.query(String.class)
			.single()).isEqualTo("CONFIRMED");
		assertThat(this.jdbc.sql("select count(*) from listing_blocks").query(Long.class).single()).isZero();
	}

	@Test
	void aPlainUserGetsStaffOnly() {
		WebSession web = new WebSession(this.port).signIn("pg-user@test.kz", IdentityFixtures.PASSWORD);
		HttpResponse<String> page = web.get("/realtor/listings");
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("только риелторам");
	}

	@Test
	void theFormShowsErrorsNextToTheFieldsAndSavesAValidListing() {
		WebSession web = realtor();
		web.get("/realtor/listings/new");
		HttpResponse<String> invalid = web.post("/realtor/listings",
				"title=&city=astana&district=esil&housingClass=comfort&type=apartment&rooms=два&street=Достык"
						+ "&house=5&areaM2=40&sleepingPlaces=2&pricePerNight=15000&checkInTime=14:00&checkOutTime=12:00");
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("id=\"title-error\"").contains("Заполните поле.");
		assertThat(invalid.body()).contains("id=\"rooms-error\"").contains("Введите число.");
		HttpResponse<String> saved = web.post("/realtor/listings",
				"title=" + WebSession.encode("Новая квартира у Хан Шатыра")
						+ "&city=astana&district=esil&housingClass=comfort&type=apartment&rooms=1&street="
						+ WebSession.encode("Достык") + "&house=5&areaM2=40,5&sleepingPlaces=2&pricePerNight=15000"
						+ "&checkInTime=14:00&checkOutTime=12:00&amenities=wifi&amenities=kitchen&intercomCode=777");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("/edit?created");
		assertThat(this.jdbc.sql("select area_m2 from listings where title = 'Новая квартира у Хан Шатыра'")
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("40.5");
	}

}
