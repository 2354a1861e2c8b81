package kz.zhilyego.channel;

import java.util.List;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flat booked elsewhere — through a connection's webhook or an imported calendar — is
 * unavailable in search for those nights and cannot be held; a free flat next to it can.
 */
@IntegrationTest
class SearchHonoursImportsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Test
	void flatsBookedByWebhookOrCalendarAreNotFoundNorHeldOnThoseNights() throws Exception {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		Api api = new Api(this.port);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		long realtor = identity.realtor("realtor@test.kz", null);
		String bearer = identity.bearer(realtor);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		long byWebhook = catalog.listing().owner(realtor).title("Через вебхук").create();
		long byCalendar = catalog.listing().owner(realtor).title("Через календарь").create();
		long free = catalog.listing().owner(realtor).title("Свободная").create();

		ChannelFixtures.Connection connection = ChannelFixtures.connect(api, bearer, "Bukza", List.of(byWebhook),
				Map.of());
		assertThat(ChannelFixtures
			.send(api, connection,
					ChannelFixtures.booking("booking.created", "X-1", byWebhook, "2026-12-10", "2026-12-13", null,
							"+77015550011", null),
					this.clock.instant())
			.status()).isEqualTo(200);
		try (FeedServer feeds = new FeedServer()) {
			feeds.serve("/a.ics", CalendarImportIT.feed("airbnb.ics"), "\"1\"");
			long imported = api
				.post("/api/v1/realtor/listings/" + byCalendar + "/ical-imports",
						Map.of("name", "Airbnb", "url", feeds.url("/a.ics")), "Authorization", bearer)
				.json()
				.get("id")
				.asLong();
			assertThat(api
				.post("/api/v1/realtor/listings/" + byCalendar + "/ical-imports/" + imported + "/sync", "{}",
						"Authorization", bearer)
				.status()).isEqualTo(200);
		}

		Api.Response search = api.get("/api/v1/listings?city=astana&checkIn=2026-12-11&checkOut=2026-12-12");
		Api.Response later = api.get("/api/v1/listings?city=astana&checkIn=2026-12-13&checkOut=2026-12-14");

		assertThat(search.json().get("items")).extracting(node -> node.get("id").asLong()).containsExactly(free);
		assertThat(later.json().get("items")).extracting(node -> node.get("id").asLong())
			.containsExactlyInAnyOrder(free, byWebhook, byCalendar);

		Api guest = api.with("Authorization", identity.bearer(identity.user("guest@test.kz")));
		for (long listing : new long[] { byWebhook, byCalendar }) {
			Api.Response hold = guest.post("/api/v1/bookings",
					Map.of("listingId", listing, "checkIn", "2026-12-11", "checkOut", "2026-12-12", "guests", 1,
							"guestName", "Гость", "guestPhone", "+77011234567", "rulesAccepted", true));
			assertThat(hold.status()).as(hold.body()).isEqualTo(409);
			assertThat(hold.json().get("type").asString()).endsWith("/dates-unavailable");
		}
		assertThat(guest
			.post("/api/v1/bookings",
					Map.of("listingId", free, "checkIn", "2026-12-11", "checkOut", "2026-12-12", "guests", 1,
							"guestName", "Гость", "guestPhone", "+77011234567", "rulesAccepted", true))
			.status()).isEqualTo(201);
	}

}
