package kz.zhilyego.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import kz.zhilyego.common.Zones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev profile's demo data set on an empty database, loaded through the owning
 * modules' services: the accounts and demo guests, the listings of the demo realtor and
 * of the team, upcoming stays and blocks, and past stays with their reviews dated after
 * the stay, every rating matching its reviews.
 */
class DemoDataIT {

	private static final int LISTINGS = 30;

	static ConfigurableApplicationContext app;

	static JdbcClient jdbc;

	@BeforeAll
	static void startDevApp() throws Exception {
		Path media = Files.createTempDirectory("zhilyego-demo-media-");
		app = TestApps.start(Map.ofEntries(Map.entry("spring.profiles.active", "dev"), Map.entry("server.port", 0),
				Map.entry("zhilyego.embedded-db.data-dir", ""), Map.entry("zhilyego.storage.local-dir", media),
				Map.entry("zhilyego.demo.listings", LISTINGS),
				Map.entry("zhilyego.crypto.key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
				Map.entry("zhilyego.notification.dispatch-interval", "1h"),
				Map.entry("zhilyego.telegram.bot-token", ""), Map.entry("zhilyego.telegram.bot-username", ""),
				Map.entry("logging.level.root", "WARN")), TestClockConfig.class);
		jdbc = app.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stopDevApp() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void theDemoRealtorAndTheTeamHaveTheirListingsAndUpcomingStays() {
		assertThat(count("""
				select count(*) from listings l join users u on u.id = l.owner_id
				where u.email = 'realtor@demo.zhilyego.kz'
				""")).isEqualTo(LISTINGS);
		assertThat(jdbc.sql("""
				select count(l.id) from users u left join listings l on l.owner_id = u.id
				where u.email in ('realtor2@demo.zhilyego.kz', 'realtor3@demo.zhilyego.kz')
				group by u.id order by u.id
				""").query(Long.class).list()).containsExactly(12L, 12L);
		assertThat(count("select count(*) from bookings where status = 'CONFIRMED'")).isPositive();
		assertThat(count("select count(*) from listing_blocks")).isPositive();
	}

	@Test
	void demoGuestsAreAccountsWithTheUserRole() {
		assertThat(jdbc.sql("""
				select u.email || ' ' || string_agg(r.role, ',' order by r.role) from users u
				join user_roles r on r.user_id = u.id
				where u.email like 'guest_@demo.zhilyego.kz'
				group by u.email order by u.email
				""").query(String.class).list()).containsExactly("guest1@demo.zhilyego.kz USER",
				"guest2@demo.zhilyego.kz USER", "guest3@demo.zhilyego.kz USER", "guest4@demo.zhilyego.kz USER",
				"guest5@demo.zhilyego.kz USER", "guest6@demo.zhilyego.kz USER");
	}

	@Test
	void pastStaysAreCompletedPricedAndReviewedTheDayAfter() {
		assertThat(count("select count(*) from bookings where status = 'COMPLETED'")).isGreaterThan(14);
		assertThat(count("""
				select count(*) from bookings b join listings l on l.id = b.listing_id
				where b.status = 'COMPLETED' and (b.owner_id <> l.owner_id
				    or b.total <> l.price_per_night * (b.check_out - b.check_in)
				    or b.platform_commission <> round(b.total * 0.10, 2)
				    or b.gateway_fee <> round(b.total * 0.025, 2)
				    or b.guest_name <> (select u.name from users u where u.id = b.guest_id))
				""")).as("past stays priced at the nightly price, the listing's owner, the guest's name").isZero();
		List<Map<String, Object>> reviewed = jdbc.sql("""
				select b.check_out, r.created_at from reviews r join bookings b on b.id = r.booking_id
				order by r.id
				""").query().listOfRows();
		assertThat(reviewed).hasSizeGreaterThanOrEqualTo(14).allSatisfy(row -> {
			LocalDate checkOut = ((java.sql.Date) row.get("check_out")).toLocalDate();
			Instant written = ((java.sql.Timestamp) row.get("created_at")).toInstant();
			assertThat(written)
				.isEqualTo(checkOut.plusDays(1).atTime(LocalTime.of(19, 0)).atZone(Zones.KAZAKHSTAN).toInstant());
			assertThat(checkOut).isBefore(LocalDate.ofInstant(kz.zhilyego.MutableClock.START, Zones.KAZAKHSTAN));
		});
		assertThat(count("select count(*) from guest_reviews")).isEqualTo(reviewed.size());
		assertThat(count("""
				select count(*) from bookings b join users u on u.id = b.guest_id
				where u.email = 'user@demo.zhilyego.kz' and b.status = 'COMPLETED'
				    and not exists (select 1 from reviews r where r.booking_id = b.id)
				""")).as("the demo user's stays still waiting for a review").isEqualTo(2);
	}

	@Test
	void everyRatingMatchesItsReviews() {
		assertThat(count("""
				select count(*) from listings l
				where l.review_count <> (select count(*) from reviews r where r.listing_id = l.id
				        and r.status = 'PUBLISHED')
				    or (l.review_count = 0 and l.rating <> 0)
				""")).isZero();
		assertThat(count("select coalesce(sum(review_count), 0) from listings")).isPositive();
		System.out.printf("Demo data: %s%n", jdbc.sql("""
				select 'listings ' || (select count(*) from listings) || ', confirmed '
				    || (select count(*) from bookings where status = 'CONFIRMED') || ', completed '
				    || (select count(*) from bookings where status = 'COMPLETED') || ', blocks '
				    || (select count(*) from listing_blocks) || ', reviews ' || (select count(*) from reviews)
				    || ', replies ' || (select count(*) from reviews where reply is not null) || ', guest reviews '
				    || (select count(*) from guest_reviews) || ', users ' || (select count(*) from users)
				    || ', roles ' || (select count(*) from user_roles) || ', completed total '
				    || (select sum(total) from bookings where status = 'COMPLETED') || ', rating sum '
				    || (select sum(rating) from listings)
				""").query(String.class).single());
	}

	private static long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
