package kz.zhilyego.realtor;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reason stored for a cancellation is the one chosen on the form, on the realtor's
 * and on the guest's: never a default in its place, and a refused form comes back with
 * the choice and the note as they were.
 */
@IntegrationTest
class CancellationReasonsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long listing;

	long guest;

	RealtorFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		long realtor = identity.realtor("cr-realtor@test.kz", null);
		this.guest = identity.user("cr-guest@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(realtor).title("Квартира для отмен").create();
		this.fixtures = new RealtorFixtures(this.jdbc, this.clock);
	}

	private UUID confirmed(int day) {
		String in = "2026-12-%02d".formatted(day);
		String out = "2026-12-%02d".formatted(day + 1);
		return this.fixtures.booking(this.listing, this.guest, "Гость Отмены", in, out, "CONFIRMED", 30_000, true, null,
				null);
	}

	private String stored(UUID booking) {
		return this.jdbc.sql("select coalesce(cancel_reason, status) from bookings where id = :id")
			.param("id", booking)
			.query(String.class)
			.single();
	}

	@Test
	void theRealtorsFormStoresEveryReasonAsChosenAndShowsIt() {
		WebSession web = new WebSession(this.port).signIn("cr-realtor@test.kz", IdentityFixtures.PASSWORD);
		int day = 10;
		for (CancellationReason reason : CancellationReason.values()) {
			UUID booking = confirmed(day);
			day += 2;
			web.get("/realtor/bookings/" + booking);
			String note = reason == CancellationReason.OTHER ? "&note=" + WebSession.encode("Протечка у соседей") : "";
			HttpResponse<String> done = web.post("/realtor/bookings/" + booking + "/cancel",
					"reason=" + reason.name() + note);
			assertThat(done.statusCode()).as(reason.name()).isEqualTo(302);
			assertThat(stored(booking)).isEqualTo(reason.name());
			HttpResponse<String> page = web.get("/realtor/bookings/" + booking + "?done=cancel");
			assertThat(page.body()).contains("data-reason=\"" + reason.name() + "\"")
				.contains("Бронирование отменено.");
		}
		assertThat(stored(confirmed(30))).as("untouched").isEqualTo("CONFIRMED");
	}

	@Test
	void aRefusedRealtorFormKeepsTheChosenReasonAndNoteAndStoresNothing() {
		UUID booking = confirmed(10);
		WebSession web = new WebSession(this.port).signIn("cr-realtor@test.kz", IdentityFixtures.PASSWORD);
		web.get("/realtor/bookings/" + booking);

		HttpResponse<String> other = web.post("/realtor/bookings/" + booking + "/cancel", "reason=OTHER&note=");
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).contains("<option value=\"OTHER\" selected=\"selected\">")
			.doesNotContain("<option value=\"CHANGE_OF_PLANS\" selected")
			.contains("id=\"note-error\"")
			.contains("Опишите причину отмены.");
		assertThat(stored(booking)).isEqualTo("CONFIRMED");

		String tooLong = "x".repeat(1001);
		HttpResponse<String> unavailable = web.post("/realtor/bookings/" + booking + "/cancel",
				"reason=LISTING_UNAVAILABLE&note=" + tooLong);
		assertThat(unavailable.body()).contains("<option value=\"LISTING_UNAVAILABLE\" selected=\"selected\">")
			.contains(tooLong);
		assertThat(stored(booking)).isEqualTo("CONFIRMED");

		for (String missing : List.of("", "reason=", "reason=NO_SUCH_REASON")) {
			HttpResponse<String> none = web.post("/realtor/bookings/" + booking + "/cancel", missing);
			assertThat(none.statusCode()).as(missing).isEqualTo(200);
			assertThat(none.body()).as(missing)
				.contains("id=\"reason-error\"")
				.contains("Выберите причину отмены.")
				.contains("<option value=\"\" selected=\"selected\">");
			assertThat(stored(booking)).isEqualTo("CONFIRMED");
		}

		web.post("/realtor/bookings/" + booking + "/cancel",
				"reason=LISTING_UNAVAILABLE&note=" + WebSession.encode("Отключили воду"));
		assertThat(stored(booking)).isEqualTo("LISTING_UNAVAILABLE");
		assertThat(this.jdbc
			.sql("select reason from booking_transitions where booking_id = :id and to_status = 'CANCELLED'")
			.param("id", booking)
			.query(String.class)
			.single()).isEqualTo("LISTING_UNAVAILABLE");
	}

	@Test
	void theGuestsFormStoresTheChosenReasonAndNeverADefault() {
		WebSession web = new WebSession(this.port).signIn("cr-guest@test.kz", IdentityFixtures.PASSWORD);
		int day = 10;
		for (String reason : List.of("CHANGE_OF_PLANS", "FOUND_ANOTHER_PLACE", "BOOKED_BY_MISTAKE", "OTHER")) {
			UUID booking = confirmed(day);
			day += 2;
			web.get("/account/bookings/" + booking + "/cancel");
			String note = reason.equals("OTHER") ? "&note=" + WebSession.encode("Заболел") : "";
			HttpResponse<String> done = web.post("/account/bookings/" + booking + "/cancel", "reason=" + reason + note);
			assertThat(done.statusCode()).as(reason).isEqualTo(302);
			assertThat(stored(booking)).isEqualTo(reason);
			assertThat(web.get("/account/bookings/" + booking).body()).contains("data-reason=\"" + reason + "\"");
		}

		UUID booking = confirmed(30);
		web.get("/account/bookings/" + booking + "/cancel");
		HttpResponse<String> other = web.post("/account/bookings/" + booking + "/cancel", "reason=OTHER&note=");
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).contains("<option value=\"OTHER\" selected=\"selected\">")
			.doesNotContain("<option value=\"CHANGE_OF_PLANS\" selected");
		for (String missing : List.of("", "reason=", "reason=LISTING_UNAVAILABLE")) {
			HttpResponse<String> none = web.post("/account/bookings/" + booking + "/cancel", missing);
			assertThat(none.statusCode()).as(missing).isEqualTo(200);
			assertThat(none.body()).as(missing).contains("Выберите причину отмены.");
		}
		assertThat(stored(booking)).as("no default reason was stored").isEqualTo("CONFIRMED");
	}

}
