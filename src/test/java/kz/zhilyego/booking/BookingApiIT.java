package kz.zhilyego.booking;

import java.util.Map;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Money;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.identity.AccessCodes;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The booking REST contract over real HTTP with real tokens. */
@IntegrationTest
class BookingApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfirmPayment confirmPayment;

	@Autowired
	AccessCodes accessCodes;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	IdentityFixtures identity;

	Api anonymous;

	Api guest;

	Api otherUser;

	Api realtor;

	Api otherRealtor;

	Api agencyHead;

	Api admin;

	long guestId;

	long realtorId;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.identity = new IdentityFixtures(this.context);
		long agency = this.identity.agency("Астана Риэлт");
		this.guestId = this.identity.user("guest@test.kz");
		this.realtorId = this.identity.realtor("realtor@test.kz", agency);
		this.anonymous = new Api(this.port);
		this.guest = as(this.guestId);
		this.otherUser = as(this.identity.user("other@test.kz"));
		this.realtor = as(this.realtorId);
		this.otherRealtor = as(this.identity.realtor("other-realtor@test.kz", null));
		this.agencyHead = as(this.identity.superAdmin("head@test.kz", agency));
		this.admin = as(this.identity.superuser("admin@test.kz"));
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(this.realtorId).price(20_000).create();
		this.accessCodes.store(this.listing, this.realtorId, new AccessCodeSet("12#", "3456", null),
				this.identity.currentUser(this.realtorId));
	}

	@Test
	void aSignedInUserPlacesAHoldWithDefaultsFromTheProfileAndAnIdempotencyKey() {
		Map<String, Object> body = Map.of("listingId", this.listing, "checkIn", "2026-12-10", "checkOut", "2026-12-13",
				"guests", 2, "rulesAccepted", true);

		Api.Response created = this.guest.post("/api/v1/bookings", body, "Idempotency-Key", "abc-1");
		Api.Response replay = this.guest.post("/api/v1/bookings", body, "Idempotency-Key", "abc-1");
		Api.Response reused = this.guest.post("/api/v1/bookings", Map.of("listingId", this.listing, "checkIn",
				"2026-12-14", "checkOut", "2026-12-15", "guests", 1, "rulesAccepted", true), "Idempotency-Key",
				"abc-1");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode booking = created.json();
		assertThat(booking.get("status").asString()).isEqualTo("HOLD");
		assertThat(booking.get("total").decimalValue()).isEqualByComparingTo("60000");
		assertThat(booking.get("currency").asString()).isEqualTo("KZT");
		assertThat(booking.get("holdExpiresAt").asString()).isEqualTo("2026-12-01T05:15:00Z");
		assertThat(booking.get("guest").get("phone").asString()).isEqualTo(this.identity.phone(this.guestId));
		assertThat(booking.get("realtor").isNull()).isTrue();
		assertThat(booking.get("fees").isNull()).isTrue();
		assertThat(created.header("Location")).endsWith("/api/v1/bookings/" + booking.get("id").asString());
		assertThat(replay.json().get("id").asString()).isEqualTo(booking.get("id").asString());
		assertThat(reused.status()).isEqualTo(422);
	}

	@Test
	void takenDatesAnswer409AndBadInputA400ThatChangesNothing() {
		this.guest.post("/api/v1/bookings", hold("2026-12-10", "2026-12-13"));

		Api.Response taken = this.otherUser.post("/api/v1/bookings", hold("2026-12-12", "2026-12-14"));
		Api.Response noRules = this.otherUser.post("/api/v1/bookings", Map.of("listingId", this.listing, "checkIn",
				"2026-12-20", "checkOut", "2026-12-22", "guests", 1, "rulesAccepted", false));
		Api.Response malformed = this.otherUser.post("/api/v1/bookings", "{\"listingId\": \"x\"");
		Api.Response missing = this.otherUser.post("/api/v1/bookings", Map.of("listingId", this.listing));

		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("type").asString()).endsWith("/dates-unavailable");
		assertThat(noRules.status()).isEqualTo(400);
		assertThat(noRules.json().get("errors").has("rulesAccepted")).isTrue();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").has("checkIn")).isTrue();
		assertThat(this.jdbc.sql("select count(*) from bookings").query(Long.class).single()).isEqualTo(1);
		assertThat(this.anonymous.post("/api/v1/bookings", hold("2026-12-20", "2026-12-22")).status()).isEqualTo(401);
	}

	@Test
	void everyRoleSeesAndChangesOnlyWhatItsScopeAllows() {
		String id = this.guest.post("/api/v1/bookings", hold("2026-12-10", "2026-12-13")).json().get("id").asString();
		this.confirmPayment.confirm(UUID.fromString(id), "pay-1", Money.kzt(60_000));
		String path = "/api/v1/bookings/" + id;

		// who can read
		assertThat(this.guest.get(path).status()).isEqualTo(200);
		assertThat(this.realtor.get(path).status()).isEqualTo(200);
		assertThat(this.agencyHead.get(path).status()).isEqualTo(200);
		assertThat(this.admin.get(path).status()).isEqualTo(200);
		assertThat(this.otherUser.get(path).status()).isEqualTo(404);
		assertThat(this.otherRealtor.get(path).status()).isEqualTo(404);
		assertThat(this.anonymous.get(path).status()).isEqualTo(401);
		assertThat(this.otherRealtor.get(path + "/timeline").status()).isEqualTo(404);
		assertThat(this.otherRealtor.get(path + "/check-in-instructions").status()).isEqualTo(404);
		assertThat(this.otherUser.get(path + "/cancellation-quote").status()).isEqualTo(404);

		// contacts and fees
		JsonNode asGuest = this.guest.get(path).json();
		assertThat(asGuest.get("realtor").get("phone").asString()).isEqualTo("+77011234567");
		assertThat(asGuest.get("fees").isNull()).isTrue();
		assertThat(this.realtor.get(path).json().get("fees").get("platformCommission").decimalValue())
			.isEqualByComparingTo("6000");
		assertThat(this.guest.get(path + "/check-in-instructions").json().get("codes").get("flat").asString())
			.isEqualTo("3456");

		// who can act
		assertThat(this.otherRealtor.post(path + "/check-in", "{}").status()).isEqualTo(404);
		assertThat(this.guest.post(path + "/check-in", "{}").status()).isEqualTo(403);
		assertThat(this.otherRealtor.post(path + "/cancel", Map.of("reason", "OTHER", "note", "x")).status())
			.isEqualTo(404);
		assertThat(this.otherUser.post(path + "/cancel", Map.of("reason", "CHANGE_OF_PLANS")).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select status from bookings").query(String.class).single()).isEqualTo("CONFIRMED");

		Api.Response quote = this.guest.get(path + "/cancellation-quote");
		assertThat(quote.json().get("refund").decimalValue()).isEqualByComparingTo("60000");
		Api.Response cancelled = this.agencyHead.post(path + "/cancel",
				Map.of("reason", "LISTING_UNAVAILABLE", "note", "Авария"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("cancellation").get("by").asString()).isEqualTo("AGENCY");
		assertThat(cancelled.json().get("cancellation").get("refundDue").decimalValue()).isEqualByComparingTo("60000");
		JsonNode timeline = this.guest.get(path + "/timeline").json();
		assertThat(timeline.findValuesAsString("to")).containsExactly("HOLD", "CONFIRMED", "CANCELLED");
	}

	@Test
	void aGuestListsOwnBookingsByStatus() {
		this.guest.post("/api/v1/bookings", hold("2026-12-10", "2026-12-13"));
		this.otherUser.post("/api/v1/bookings", hold("2026-12-20", "2026-12-22"));

		JsonNode mine = this.guest.get("/api/v1/me/bookings?status=HOLD&status=CONFIRMED").json();
		JsonNode none = this.guest.get("/api/v1/me/bookings?status=CANCELLED").json();

		assertThat(mine.size()).isEqualTo(1);
		assertThat(mine.get(0).get("checkIn").asString()).isEqualTo("2026-12-10");
		assertThat(none.size()).isZero();
		assertThat(this.guest.get("/api/v1/me/bookings?status=NOPE").status()).isEqualTo(400);
	}

	@Test
	void realtorsBlockAndFreeTheirOwnDatesOnly() {
		Api.Response block = this.realtor.post("/api/v1/realtor/listings/" + this.listing + "/blocks",
				Map.of("from", "2026-12-10", "to", "2026-12-12", "reason", "REPAIR", "note", "Покраска"));
		Api.Response foreign = this.otherRealtor.post("/api/v1/realtor/listings/" + this.listing + "/blocks",
				Map.of("from", "2026-12-20", "to", "2026-12-22", "reason", "REPAIR"));

		assertThat(block.status()).as(block.body()).isEqualTo(201);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(this.guest.post("/api/v1/bookings", hold("2026-12-11", "2026-12-13")).status()).isEqualTo(409);
		assertThat(this.anonymous.get("/api/v1/listings?checkIn=2026-12-10&checkOut=2026-12-11")
			.json()
			.get("total")
			.asLong()).isZero();
		String blockPath = "/api/v1/realtor/blocks/" + block.json().get("id").asLong();
		assertThat(this.otherRealtor.delete(blockPath).status()).isEqualTo(404);
		assertThat(this.realtor.delete(blockPath).status()).isEqualTo(204);
		assertThat(this.guest.post("/api/v1/bookings", hold("2026-12-11", "2026-12-13")).status()).isEqualTo(201);
	}

	/**
	 * Dates years ahead are a field error, not a database error: a year-9999 hold or
	 * block once made the listing's bitmap of occupied nights too long for its index
	 * entry (500).
	 */
	@Test
	void holdsAndBlocksBeyondTheBookingHorizonAreFieldErrorsAndChangeNothing() {
		Api.Response hold = this.guest.post("/api/v1/bookings", hold("9999-01-01", "9999-01-03"));
		Api.Response block = this.realtor.post("/api/v1/realtor/listings/" + this.listing + "/blocks",
				Map.of("from", "2028-12-02", "to", "2028-12-04", "reason", "REPAIR"));

		assertThat(hold.status()).as(hold.body()).isEqualTo(400);
		assertThat(hold.json().get("errors").get("checkIn").asString())
			.isEqualTo("Даты можно выбирать не дальше чем на 730 дней вперёд.");
		assertThat(block.status()).as(block.body()).isEqualTo(400);
		assertThat(block.json().get("errors").has("from")).isTrue();
		assertThat(this.jdbc.sql("select count(*) from occupancies").query(Long.class).single()).isZero();
		assertThat(this.realtor
			.post("/api/v1/realtor/listings/" + this.listing + "/blocks",
					Map.of("from", "2028-11-28", "to", "2028-11-30", "reason", "REPAIR"))
			.status()).isEqualTo(201);
	}

	private Map<String, Object> hold(String checkIn, String checkOut) {
		return Map.of("listingId", this.listing, "checkIn", checkIn, "checkOut", checkOut, "guests", 2, "rulesAccepted",
				true);
	}

	private Api as(long userId) {
		return new Api(this.port).with("Authorization", this.identity.bearer(userId));
	}

}
