package kz.zhilyego.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

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
 * The host card before booking: the realtor's name and agency, listings, rating and how
 * fast they answer reviews, and "write to the host" following the contact rules of the
 * specification — no contacts for visitors, contacts for a guest once a booking of the
 * listing is paid, and for staff.
 */
@IntegrationTest
class HostCardIT {

	private static final String PHONE = "+77011234567";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long listing;

	long realtor;

	@BeforeEach
	void setUp() {
		this.clock.reset();
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		long agency = identity.agency("Степь");
		this.realtor = identity.realtor("host@test.kz", agency);
		this.jdbc.sql("update users set name = 'Дана Ахметова' where id = :id").param("id", this.realtor).update();
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.listing = catalog.listing().owner(this.realtor).title("Студия").rating("5.00", 1).create();
		long second = catalog.listing().owner(this.realtor).title("Двушка").rating("4.00", 3).create();
		catalog.listing().owner(this.realtor).title("Снята").inactive().create();
		// answers to reviews after 2 h, 3 h and 30 h: the median is 3 h
		review(catalog, this.listing, Duration.ofHours(2));
		review(catalog, second, Duration.ofHours(3));
		review(catalog, second, Duration.ofHours(30));
		identity.user("guest@test.kz");
		identity.user("paid@test.kz");
		identity.realtor("other-realtor@test.kz", null);
	}

	@Test
	void aVisitorSeesWhoHostsButNoContacts() {
		Document page = page(null);
		assertThat(page.selectFirst("#host-name").text()).isEqualTo("Дана Ахметова");
		assertThat(page.selectFirst("#host-agency").text()).isEqualTo("Агентство «Степь»");
		assertThat(page.selectFirst("#host-listings").text()).endsWith(": 2");
		// (5 × 1 + 4 × 3) / 4 reviews
		assertThat(page.selectFirst("#host-rating").text()).contains("4.3", "4");
		assertThat(page.selectFirst("#host-reply").text()).isEqualTo("Отвечает на отзывы в течение 3 ч");
		assertThat(page.selectFirst("#host-contact-why").attr("data-reason")).isEqualTo("sign-in");
		assertThat(page.select("#host-whatsapp, #host-telegram, #host-phone")).isEmpty();
		assertThat(page.html()).doesNotContain(PHONE).doesNotContain("wa.me");
	}

	@Test
	void aGuestSeesTheContactsOnlyOnceABookingOfTheListingIsPaid() {
		Document unpaid = page("guest@test.kz");
		assertThat(unpaid.selectFirst("#host-contact-why").attr("data-reason")).isEqualTo("after-payment");
		assertThat(unpaid.html()).doesNotContain(PHONE);

		long paid = this.jdbc.sql("select id from users where email = 'paid@test.kz'").query(Long.class).single();
		UUID cancelled = new CatalogFixtures(this.jdbc).occupyByBooking(this.listing, LocalDate.parse("2026-12-05"),
				LocalDate.parse("2026-12-07"));
		this.jdbc
			.sql("update bookings set guest_id = :g, status = 'CANCELLED', cancelled_at = now(),"
					+ " cancelled_by = 'GUEST' where id = :id")
			.param("g", paid)
			.param("id", cancelled)
			.update();
		assertThat(page("paid@test.kz").select("#host-whatsapp")).as("a cancelled booking opens nothing").isEmpty();

		UUID booking = new CatalogFixtures(this.jdbc).occupyByBooking(this.listing, LocalDate.parse("2026-12-10"),
				LocalDate.parse("2026-12-13"));
		this.jdbc.sql("update bookings set guest_id = :g where id = :id")
			.param("g", paid)
			.param("id", booking)
			.update();
		Document open = page("paid@test.kz");
		assertThat(open.selectFirst("#host-whatsapp").attr("href")).startsWith("https://wa.me/77011234567?text=")
			.contains("%C2%AB");
		assertThat(open.selectFirst("#host-telegram").attr("href")).isEqualTo("https://t.me/+77011234567");
		assertThat(open.selectFirst("#host-phone").attr("href")).isEqualTo("tel:" + PHONE);
	}

	@Test
	void staffSeeTheContacts() {
		assertThat(page("other-realtor@test.kz").select("#host-whatsapp")).hasSize(1);
	}

	private Document page(String email) {
		SiteSession site = new SiteSession(this.port);
		if (email != null) {
			site.signIn(email, IdentityFixtures.PASSWORD);
		}
		String path = site.get("/listings/" + this.listing + "?lang=ru").location();
		return site.get(path).html();
	}

	private void review(CatalogFixtures catalog, long listingId, Duration answeredAfter) {
		UUID booking = catalog.occupyByBooking(listingId, LocalDate.parse("2026-06-01").plusDays(nextDay++ * 3),
				LocalDate.parse("2026-06-02").plusDays((nextDay - 1) * 3));
		Instant written = Instant.parse("2026-07-01T10:00:00Z");
		this.jdbc.sql("""
				insert into reviews (booking_id, listing_id, author_id, rating, status, created_at, reply, replied_at,
				    replied_by)
				values (:booking, :listing, :author, 5, 'PUBLISHED', :written, 'Спасибо!', :answered, :author)
				""")
			.param("booking", booking)
			.param("listing", listingId)
			.param("author", this.realtor)
			.param("written", Timestamp.from(written))
			.param("answered", Timestamp.from(written.plus(answeredAfter)))
			.update();
	}

	private int nextDay = 0;

}
