package kz.zhilyego.events;

import java.time.LocalDate;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.web.SiteSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform record: one row per domain change (a repeated idempotent hold, a recorded
 * key recorded again), none for a rolled-back change, rows never changed afterwards; the
 * admin API's filters and errors, the admin page and a booking's timeline.
 */
@IntegrationTest
class PlatformEventsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	PlatformEvents events;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	CancelBooking cancelBooking;

	@Autowired
	TransactionTemplate transactions;

	IdentityFixtures identity;

	long guest;

	long realtor;

	long listing;

	String root;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.identity = new IdentityFixtures(this.context);
		this.guest = this.identity.user("ev-guest@test.kz");
		this.realtor = this.identity.realtor("ev-realtor@test.kz", null);
		this.root = this.identity.bearer(this.identity.superuser("ev-root@test.kz"));
		this.listing = new CatalogFixtures(this.jdbc, this.clock).listing().owner(this.realtor).create();
	}

	@Test
	void aRepeatedIdempotentHoldIsOneEventWithItsGuestAsTheActor() {
		Api api = new Api(this.port).with("Authorization", this.identity.bearer(this.guest));
		Map<String, Object> body = Map.of("listingId", this.listing, "checkIn", "2026-12-10", "checkOut", "2026-12-13",
				"guests", 2, "rulesAccepted", true);
		for (int i = 0; i < 3; i++) {
			assertThat(api.post("/api/v1/bookings", body, "Idempotency-Key", "events-1").status()).isEqualTo(201);
		}

		assertThat(this.jdbc.sql("select count(*) from platform_events where type = 'booking.held'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select actor_id from platform_events where type = 'booking.held'")
			.query(Long.class)
			.single()).isEqualTo(this.guest);
	}

	@Test
	void aRolledBackChangeRecordsNothing() {
		this.transactions.executeWithoutResult(status -> {
			hold();
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.sql("select count(*) from bookings").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from platform_events").query(Long.class).single()).isZero();
	}

	@Test
	void aFailedCancellationRecordsNothingAndASuccessfulOneOnce() {
		BookingDetails hold = hold();
		this.cancelBooking.cancel(hold.id(), CancellationReason.OTHER, "first", BookingFixtures.guest(this.guest));
		assertThatThrownBy(() -> this.cancelBooking.cancel(hold.id(), CancellationReason.OTHER, "again",
				BookingFixtures.guest(this.guest)))
			.isInstanceOf(RuntimeException.class);

		assertThat(this.events.timeline("booking", hold.id().toString())).extracting(RecordedEvent::type)
			.containsExactly("booking.held", "booking.cancelled");
		assertThat(this.events.timeline("booking", hold.id().toString()).get(1).payload()).containsEntry("reason",
				"OTHER");
	}

	@Test
	void aKeyIsRecordedOnceAndARepeatableEventOncePerTransaction() {
		PlatformEvent once = PlatformEvent.once("test.happened", "thing", 7, Map.of("n", 1));
		assertThat(this.events.record(once)).isPresent();
		assertThat(this.events.record(once)).isEmpty();
		PlatformEvent again = PlatformEvent.repeatable("test.repeated", "thing", 7, Map.of());
		this.transactions.executeWithoutResult(status -> {
			assertThat(this.events.record(again)).isPresent();
			assertThat(this.events.record(again)).isEmpty();
		});
		this.transactions.executeWithoutResult(status -> assertThat(this.events.record(again)).isPresent());

		assertThat(this.events.timeline("thing", "7")).extracting(RecordedEvent::type)
			.containsExactly("test.happened", "test.repeated", "test.repeated");
		assertThat(this.events.timeline("thing", "7").get(0).occurredAt()).isEqualTo(this.clock.instant());
	}

	@Test
	void storedEventsCannotBeChangedOrDeleted() {
		hold();

		assertThatThrownBy(() -> this.jdbc.sql("update platform_events set type = 'x.y'").update()).rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from platform_events").update()).rootCause()
			.hasMessageContaining("append-only");
		assertThat(this.jdbc.sql("select count(*) from platform_events").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void blockingAUserIsRecordedWithTheSuperuserAsTheActor() {
		Api admin = new Api(this.port).with("Authorization", this.root);
		assertThat(admin.post("/api/v1/admin/users/" + this.guest + "/block", Map.of("reason", "spam")).status())
			.isEqualTo(200);
		assertThat(admin.post("/api/v1/admin/users/" + this.guest + "/unblock", Map.of()).status()).isEqualTo(200);

		assertThat(this.events.timeline("user", String.valueOf(this.guest))).extracting(RecordedEvent::type)
			.containsExactly("user.blocked", "user.unblocked");
		assertThat(this.events.timeline("user", String.valueOf(this.guest)).get(0).payload()).containsEntry("reason",
				"spam");
	}

	@Test
	void aListingSwitchedOffByItsRealtorIsAChange() {
		Api realtorApi = new Api(this.port).with("Authorization", this.identity.bearer(this.realtor));
		assertThat(realtorApi.post("/api/v1/realtor/listings/" + this.listing + "/deactivate", Map.of()).status())
			.isEqualTo(200);

		assertThat(this.events.timeline("listing", String.valueOf(this.listing))).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo("listing.changed");
			assertThat(e.actorId()).isEqualTo(this.realtor);
		});
	}

	@Test
	void theAdminApiFiltersByTypeSubjectAndTime() {
		BookingDetails hold = hold();
		this.cancelBooking.cancel(hold.id(), CancellationReason.OTHER, "plans", BookingFixtures.guest(this.guest));
		Api admin = new Api(this.port).with("Authorization", this.root);

		Api.Response all = admin.get("/api/v1/admin/events?subject=booking:" + hold.id());
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().get("total").asLong()).isEqualTo(2);
		assertThat(all.json().get("items").get(0).get("type").asString()).isEqualTo("booking.cancelled");
		Api.Response prefix = admin.get("/api/v1/admin/events?type=booking.&from=2026-01-01&to=2099-12-31");
		assertThat(prefix.json().get("total").asLong()).isEqualTo(2);
		assertThat(admin.get("/api/v1/admin/events?type=booking.held").json().get("total").asLong()).isEqualTo(1);
		assertThat(admin.get("/api/v1/admin/events?from=2099-01-01").json().get("total").asLong()).isZero();
	}

	@Test
	void badParametersAre400ProblemsNamingTheField() {
		Api admin = new Api(this.port).with("Authorization", this.root);
		Map<String, String> cases = Map.of("type=DROP%20TABLE", "type", "subject=booking:'x'", "subject",
				"from=yesterday", "from", "to=2026-13-40", "to", "from=2026-12-10&to=2026-12-01", "to", "size=0",
				"size", "size=100000", "size", "page=-1", "page", "page=abc", "page");
		cases.forEach((query, field) -> {
			Api.Response response = admin.get("/api/v1/admin/events?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
			assertThat(response.json().path("errors").has(field) || response.body().contains("\"" + field + "\""))
				.as(query + " " + response.body())
				.isTrue();
		});
	}

	@Test
	void theAdminPageAndTheBookingTimelineShowTheEvents() {
		BookingDetails hold = hold();
		this.cancelBooking.cancel(hold.id(), CancellationReason.OTHER, "plans", BookingFixtures.guest(this.guest));

		SiteSession root = new SiteSession(this.port).signIn("ev-root@test.kz", IdentityFixtures.PASSWORD);
		Document page = root.get("/admin/events?type=booking.&lang=en").html();
		assertThat(page.select("tr.zg-event")).hasSize(2);
		assertThat(page.select("tr.zg-event").first().text()).contains("Booking cancelled");
		Document bad = root.get("/admin/events?from=yesterday&lang=en").html();
		assertThat(bad.selectFirst("#flash-error")).isNotNull();
		assertThat(bad.select("tr.zg-event")).isEmpty();

		SiteSession realtor = new SiteSession(this.port).signIn("ev-realtor@test.kz", IdentityFixtures.PASSWORD);
		Document booking = realtor.get("/realtor/bookings/" + hold.id() + "?lang=ru").html();
		assertThat(booking.select("#booking-timeline li.zg-timeline-event")).extracting(e -> e.attr("data-type"))
			.containsExactly("booking.held", "booking.cancelled");
		assertThat(booking.selectFirst("#booking-timeline").text()).contains("Бронь отменена", "— Другое");
	}

	private BookingDetails hold() {
		return new BookingFixtures(this.placeHold).hold(this.listing, LocalDate.of(2026, 12, 10),
				LocalDate.of(2026, 12, 13), this.guest);
	}

}
