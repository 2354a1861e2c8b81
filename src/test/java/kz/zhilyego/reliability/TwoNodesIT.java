package kz.zhilyego.reliability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes on one database: the shared test context and a second application started
 * here on the same JDBC URL. Bookings race through both, both expire holds at once, both
 * dispatch one outbox at once.
 */
@IntegrationTest
class TwoNodesIT {

	private static final int LISTINGS = 4;

	private static final int GUESTS = 6;

	private static final int MESSAGES = 40;

	static ConfigurableApplicationContext second;

	@Autowired
	ConfigurableApplicationContext first;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	HikariDataSource dataSource;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		if (second == null) {
			second = TestApps.start(
					Map.of("spring.profiles.active", "test", "server.port", 0, "spring.datasource.url",
							this.dataSource.getJdbcUrl(), "spring.datasource.username", "postgres",
							"spring.datasource.hikari.maximum-pool-size", 10, "spring.flyway.enabled", false),
					TestClockConfig.class);
		}
		second.getBean(MutableClock.class).reset();
	}

	@AfterAll
	static void stopSecondNode() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void twoNodesBookingTheSameListingsGiveOneWinnerEachExpireEveryHoldOnceAndSendEveryMessageOnce() throws Exception {
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		List<Long> listings = new ArrayList<>();
		for (int i = 0; i < LISTINGS; i++) {
			listings.add(catalog.listing().create());
		}
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		List<Long> guests = new ArrayList<>();
		for (int i = 0; i < GUESTS; i++) {
			guests.add(identity.user("node-guest" + i + "@test.kz"));
		}
		MutableClock secondClock = second.getBean(MutableClock.class);

		TwoNodes.Report report = new TwoNodes(this.first, second).run(listings, guests, LocalDate.of(2026, 12, 10),
				() -> {
					this.clock.advance(Duration.ofMinutes(16));
					secondClock.advance(Duration.ofMinutes(16));
				}, MESSAGES);

		assertThat(report.holdAnswers()).containsOnlyKeys(201, 409)
			.containsEntry(201, (long) LISTINGS)
			.containsEntry(409, (long) LISTINGS * (GUESTS - 1));
		assertThat(report.overlaps()).isZero();
		assertThat(report.expiredOnce()).isEqualTo(LISTINGS);
		assertThat(report.expiredMoreThanOnce()).isZero();
		assertThat(report.notExpired()).isZero();
		assertThat(report.delivered()).isEqualTo(MESSAGES);
		assertThat(report.sentMessages()).isEqualTo(MESSAGES);
		assertThat(report.attempts()).as("one delivery attempt per message across both nodes").isEqualTo(MESSAGES);
		assertThat(this.jdbc.sql("select count(*) from bookings where status = 'EXPIRED'").query(Long.class).single())
			.isEqualTo(LISTINGS);
	}

}
