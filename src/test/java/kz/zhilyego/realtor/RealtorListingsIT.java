package kz.zhilyego.realtor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Listings through the realtor API: validation, create and edit with history and
 * optimistic locking, activation, codes, and the scope matrix (own / other realtor /
 * agency head / superuser / plain user) for listings, bookings, guest contacts, codes.
 */
@IntegrationTest
class RealtorListingsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	IdentityFixtures identity;

	long realtor;

	long other;

	long head;

	long admin;

	long user;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.identity = new IdentityFixtures(this.context);
		long agency = this.identity.agency("Агентство Листинги");
		this.realtor = this.identity.realtor("li-realtor@test.kz", agency);
		this.head = this.identity.superAdmin("li-head@test.kz", agency);
		this.other = this.identity.realtor("li-other@test.kz", null);
		this.admin = this.identity.superuser("li-admin@test.kz");
		this.user = this.identity.user("li-user@test.kz");
	}

	static Map<String, Object> form() {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", "Светлая квартира у Байтерека");
		form.put("city", "astana");
		form.put("district", "esil");
		form.put("housingClass", "business");
		form.put("type", "apartment");
		form.put("rooms", 2);
		form.put("street", "пр. Мангилик Ел");
		form.put("house", "12");
		form.put("block", "Б");
		form.put("entrance", "3");
		form.put("floor", 7);
		form.put("floorsTotal", 16);
		form.put("areaM2", 64.5);
		form.put("sleepingPlaces", 4);
		form.put("description", "Тихо и светло");
		form.put("amenities", List.of("wifi", "parking"));
		form.put("houseRules", "Не курить");
		form.put("pricePerNight", 25000);
		form.put("checkInTime", "14:00");
		form.put("checkOutTime", "12:00");
		form.put("latitude", 51.128);
		form.put("longitude", 71.43);
		form.put("accessCodes", Map.of("intercom", "1234", "flat", "5678#"));
		return form;
	}

	@Test
	void aRealtorCreatesAListingThatIsActiveAtOnceWithTheProfilePhoneAndEncryptedCodes() {
		Api.Response created = api(this.realtor).post("/api/v1/realtor/listings", form());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode listing = created.json();
		long id = listing.get("id").asLong();
		assertThat(listing.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(listing.get("realtorPhone").asString()).isEqualTo(this.identity.phone(this.realtor));
		assertThat(listing.get("hasAccessCodes").asBoolean()).isTrue();
		assertThat(listing.get("amenities").toString()).contains("wifi", "parking");
		assertThat(listing.toString()).doesNotContain("5678#");
		String stored = this.jdbc.sql("select flat from listing_access_codes where listing_id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored).isNotEqualTo("5678#");
		assertThat(new Api(this.port).get("/api/v1/listings/" + id).status()).isEqualTo(200);
		JsonNode codes = api(this.realtor).get("/api/v1/access-codes/" + id).json();
		assertThat(codes.get("flat").asString()).isEqualTo("5678#");
		assertThat(this.jdbc.sql("select count(*) from access_code_reveals where listing_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void everyInvalidFieldIsReportedAtOnceInTheRequestLanguage() {
		Map<String, Object> form = form();
		form.put("title", "");
		form.put("district", "atlantis");
		form.put("floor", 20);
		form.put("pricePerNight", -5);
		form.put("realtorPhone", "12");
		form.put("latitude", null);
		Api.Response response = api(this.realtor).post("/api/v1/realtor/listings", form, "Accept-Language", "en");
		assertThat(response.status()).isEqualTo(400);
		JsonNode errors = response.json().get("errors");
		assertThat(errors.get("title").asString()).isEqualTo("This field is required.");
		assertThat(errors.get("district").asString()).isEqualTo("Unknown value.");
		assertThat(errors.get("floor").asString()).contains("number of floors");
		assertThat(errors.get("pricePerNight").asString()).contains("out of range");
		assertThat(errors.get("realtorPhone").asString()).isEqualTo("Invalid phone number.");
		assertThat(errors.get("latitude")).isNotNull();
		Api.Response russian = api(this.realtor).post("/api/v1/realtor/listings", form);
		assertThat(russian.json().get("errors").get("title").asString()).isEqualTo("Заполните поле.");
		assertThat(this.jdbc.sql("select count(*) from listings").query(Long.class).single()).isZero();
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() {
		long id = api(this.realtor).post("/api/v1/realtor/listings", form()).json().get("id").asLong();
		Map<String, Object> first = form();
		first.put("pricePerNight", 30000);
		first.remove("accessCodes");
		Api.Response saved = api(this.head).put("/api/v1/realtor/listings/" + id,
				Map.of("version", 0, "listing", first));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("version").asInt()).isEqualTo(1);
		Map<String, Object> second = form();
		second.put("title", "Другое название");
		Api.Response stale = api(this.realtor).put("/api/v1/realtor/listings/" + id,
				Map.of("version", 0, "listing", second), "Accept-Language", "en");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("type").asString()).endsWith("/listing-version-conflict");
		assertThat(stale.json().get("detail").asString()).contains("Someone else has changed this listing");
		JsonNode now = api(this.realtor).get("/api/v1/realtor/listings/" + id).json();
		assertThat(now.get("title").asString()).isEqualTo("Светлая квартира у Байтерека");
		assertThat(now.get("pricePerNight").decimalValue()).isEqualByComparingTo("30000");
		JsonNode history = api(this.realtor).get("/api/v1/realtor/listings/" + id + "/history").json();
		assertThat(history.get(0).get("action").asString()).isEqualTo("UPDATED");
		assertThat(history.get(0).get("changedBy").asLong()).isEqualTo(this.head);
		assertThat(history.get(0).get("fields").get("pricePerNight").get("oldValue").decimalValue())
			.isEqualByComparingTo("25000");
		assertThat(history.get(0).get("fields").get("pricePerNight").get("newValue").decimalValue())
			.isEqualByComparingTo("30000");
		assertThat(history.get(0).get("fields").has("title")).isFalse();
		assertThat(history.get(1).get("action").asString()).isEqualTo("CREATED");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'listing.updated'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from listing_price_history where listing_id = :id and night is null")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aDeactivatedListingLeavesThePublicCatalogAndComesBack() {
		long id = api(this.realtor).post("/api/v1/realtor/listings", form()).json().get("id").asLong();
		assertThat(api(this.realtor).post("/api/v1/realtor/listings/" + id + "/deactivate", "")
			.json()
			.get("status")
			.asString()).isEqualTo("INACTIVE");
		assertThat(new Api(this.port).get("/api/v1/listings/" + id).status()).isEqualTo(404);
		assertThat(api(this.realtor).get("/api/v1/realtor/listings?status=inactive").json().get("total").asLong())
			.isEqualTo(1);
		api(this.realtor).post("/api/v1/realtor/listings/" + id + "/activate", "");
		assertThat(new Api(this.port).get("/api/v1/listings/" + id).status()).isEqualTo(200);
	}

	@Test
	void theListFiltersAndSorts() {
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc, this.clock);
		long cheap = catalog.listing().owner(this.realtor).price(10_000).district("esil").create();
		long dear = catalog.listing().owner(this.realtor).price(50_000).district("almaty").type("house").create();
		catalog.occupyByBooking(dear, java.time.LocalDate.parse("2026-12-02"), java.time.LocalDate.parse("2026-12-12"));
		catalog.listing().owner(this.other).price(1_000).create();
		JsonNode byPrice = api(this.realtor).get("/api/v1/realtor/listings?sort=price").json();
		assertThat(byPrice.get("total").asLong()).isEqualTo(2);
		assertThat(byPrice.get("items").get(0).get("id").asLong()).isEqualTo(cheap);
		JsonNode byOccupancy = api(this.realtor).get("/api/v1/realtor/listings?sort=occupancy").json();
		assertThat(byOccupancy.get("items").get(0).get("id").asLong()).isEqualTo(dear);
		assertThat(byOccupancy.get("items").get(0).get("occupancyPercent").decimalValue()).isEqualByComparingTo("33.3");
		assertThat(api(this.realtor).get("/api/v1/realtor/listings?type=house").json().get("total").asLong())
			.isEqualTo(1);
		assertThat(api(this.realtor).get("/api/v1/realtor/listings?district=esil")
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong()).isEqualTo(cheap);
		assertThat(api(this.realtor).get("/api/v1/realtor/listings?sort=nonsense").status()).isEqualTo(400);
	}

	@Test
	void aRealtorNeverSeesOrChangesAnotherRealtorsListingBookingGuestOrCodes() {
		long mine = api(this.realtor).post("/api/v1/realtor/listings", form()).json().get("id").asLong();
		long theirs = api(this.other).post("/api/v1/realtor/listings", form()).json().get("id").asLong();
		long guest = this.identity.user("li-guest@test.kz");
		UUID theirBooking = new RealtorFixtures(this.jdbc, this.clock).booking(theirs, guest, "Чужой Гость",
				"2026-12-10", "2026-12-12", "CONFIRMED", 50_000, true, null, null);
		UUID myBooking = new RealtorFixtures(this.jdbc, this.clock).booking(mine, guest, "Мой Гость", "2026-12-10",
				"2026-12-12", "CONFIRMED", 50_000, true, null, null);
		Api me = api(this.realtor);
		String base = "/api/v1/realtor/listings/" + theirs;
		assertThat(me.get(base).status()).isEqualTo(404);
		assertThat(me.put(base, Map.of("version", 0, "listing", form())).status()).isEqualTo(404);
		assertThat(me.post(base + "/deactivate", "").status()).isEqualTo(404);
		assertThat(me.get(base + "/history").status()).isEqualTo(404);
		assertThat(me.get("/api/v1/access-codes/" + theirs).status()).isEqualTo(404);
		assertThat(me.get(base + "/calendar?from=2026-12-01&to=2026-12-31").status()).isEqualTo(404);
		assertThat(me.put(base + "/prices", Map.of("from", "2026-12-20", "to", "2026-12-21", "price", 1)).status())
			.isEqualTo(404);
		assertThat(me.get("/api/v1/realtor/bookings/" + theirBooking).status()).isEqualTo(404);
		assertThat(me.post("/api/v1/realtor/bookings/" + theirBooking + "/cancel", Map.of("reason", "MAINTENANCE"))
			.status()).isEqualTo(404);
		assertThat(me.post("/api/v1/realtor/bookings/" + theirBooking + "/check-in", "").status()).isEqualTo(404);
		JsonNode list = me.get("/api/v1/realtor/listings").json();
		assertThat(list.get("total").asLong()).isEqualTo(1);
		assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(mine);
		JsonNode bookings = me.get("/api/v1/realtor/bookings").json();
		assertThat(bookings.get("total").asLong()).isEqualTo(1);
		assertThat(bookings.toString()).contains("Мой Гость").doesNotContain("Чужой Гость");
		assertThat(me.get("/api/v1/realtor/bookings?listingId=" + theirs).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select status from listings where id = :id")
			.param("id", theirs)
			.query(String.class)
			.single()).isEqualTo("ACTIVE");
		assertThat(this.jdbc.sql("select count(*) from access_code_reveals").query(Long.class).single()).isZero();
		// the guest contacts of an own booking are there for the realtor
		JsonNode own = me.get("/api/v1/realtor/bookings/" + myBooking).json();
		assertThat(own.get("guestPhone").asString()).isEqualTo("+77017654321");
		assertThat(own.get("guestEmail").asString()).isEqualTo("guest@example.kz");
	}

	@Test
	void theAgencyHeadSeesTheAgencysListingsAndTheSuperuserSeesAll() {
		long mine = api(this.realtor).post("/api/v1/realtor/listings", form()).json().get("id").asLong();
		long theirs = api(this.other).post("/api/v1/realtor/listings", form()).json().get("id").asLong();
		Api head = api(this.head);
		assertThat(head.get("/api/v1/realtor/listings/" + mine).status()).isEqualTo(200);
		assertThat(head.get("/api/v1/access-codes/" + mine).status()).isEqualTo(200);
		assertThat(head.get("/api/v1/realtor/listings/" + theirs).status()).isEqualTo(404);
		assertThat(head.get("/api/v1/realtor/listings").json().get("total").asLong()).isEqualTo(1);
		Api admin = api(this.admin);
		assertThat(admin.get("/api/v1/realtor/listings").json().get("total").asLong()).isEqualTo(2);
		assertThat(admin.post("/api/v1/realtor/listings/" + theirs + "/deactivate", "").status()).isEqualTo(200);
		Map<String, Object> forRealtor = form();
		forRealtor.put("ownerId", this.realtor);
		assertThat(head.post("/api/v1/realtor/listings", forRealtor).json().get("ownerId").asLong())
			.isEqualTo(this.realtor);
		forRealtor.put("ownerId", this.other);
		assertThat(head.post("/api/v1/realtor/listings", forRealtor).status()).isEqualTo(400);
		assertThat(api(this.user).get("/api/v1/realtor/listings").status()).isEqualTo(403);
		assertThat(api(this.user).post("/api/v1/realtor/listings", form()).status()).isEqualTo(403);
		assertThat(new Api(this.port).get("/api/v1/realtor/listings").status()).isEqualTo(401);
	}

	@Test
	void calendarShowsBookingsBlocksAndPricesAndPriceChangesAreKept() {
		long id = api(this.realtor).post("/api/v1/realtor/listings", form()).json().get("id").asLong();
		long guest = this.identity.user("li-cal@test.kz");
		new RealtorFixtures(this.jdbc, this.clock).booking(id, guest, "Гость Календаря", "2026-12-10", "2026-12-12",
				"CONFIRMED", 50_000, true, null, null);
		Api me = api(this.realtor);
		assertThat(me
			.post("/api/v1/realtor/listings/" + id + "/blocks",
					Map.of("from", "2026-12-20", "to", "2026-12-23", "reason", "REPAIR", "note", "Ремонт ванной"))
			.status()).isEqualTo(201);
		assertThat(me
			.post("/api/v1/realtor/listings/" + id + "/blocks",
					Map.of("from", "2026-12-11", "to", "2026-12-13", "reason", "REPAIR"))
			.status()).isEqualTo(409);
		assertThat(me
			.put("/api/v1/realtor/listings/" + id + "/prices",
					Map.of("from", "2026-12-30", "to", "2027-01-02", "price", 40000))
			.status()).isEqualTo(204);
		assertThat(me
			.put("/api/v1/realtor/listings/" + id + "/prices",
					Map.of("from", "2026-12-31", "to", "2027-01-01", "price", 45000))
			.status()).isEqualTo(204);
		JsonNode cal = me.get("/api/v1/realtor/listings/" + id + "/calendar?from=2026-12-01&to=2027-01-05").json();
		assertThat(cal.get("bookings").get(0).get("guestName").asString()).isEqualTo("Гость Календаря");
		assertThat(cal.get("bookings").get(0).get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(cal.get("blocks").get(0).get("reason").asString()).isEqualTo("REPAIR");
		assertThat(cal.get("blocks").get(0).get("note").asString()).isEqualTo("Ремонт ванной");
		JsonNode prices = cal.get("prices");
		assertThat(prices.get(0).get("price").decimalValue()).isEqualByComparingTo("25000");
		assertThat(prices.get(0).get("override").asBoolean()).isFalse();
		assertThat(prices.get(29).get("price").decimalValue()).isEqualByComparingTo("40000");
		assertThat(prices.get(30).get("price").decimalValue()).isEqualByComparingTo("45000");
		JsonNode quote = new Api(this.port)
			.get("/api/v1/listings/" + id + "/quote?checkIn=2026-12-30&checkOut=2027-01-01")
			.json();
		assertThat(quote.get("subtotal").decimalValue()).isEqualByComparingTo("85000");
		assertThat(me.delete("/api/v1/realtor/listings/" + id + "/prices?from=2026-12-01&to=2027-02-01").status())
			.isEqualTo(204);
		assertThat(this.jdbc.sql("select count(*) from listing_night_prices").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from listing_price_history where listing_id = :id and night = '2026-12-31'
				""").param("id", id).query(Long.class).single()).as("set, changed, removed").isEqualTo(3);
	}

	private Api api(long userId) {
		return new Api(this.port).with("Authorization", this.identity.bearer(userId));
	}

	@Test
	void theFormOffersOnlyDistrictsThatSavingAccepts() {
		java.time.LocalDate today = java.time.LocalDate.now(this.clock.withZone(kz.zhilyego.common.Zones.KAZAKHSTAN));
		this.jdbc
			.sql("""
					insert into districts (city_id, slug, name_ru, name_kk, name_en, valid_from, position)
					select id, 'future-district', 'Будущий', 'Болашақ', 'Future', :from, 99 from cities where slug = 'astana'
					""")
			.param("from", today.plusDays(1))
			.update();
		try {
			assertThat(this.context.getBean(ListingOptions.class).all(kz.zhilyego.common.Language.RU).districts())
				.extracting(ListingOptions.District::code)
				.contains("esil")
				.doesNotContain("future-district");
		}
		finally {
			this.jdbc.sql("delete from districts where slug = 'future-district'").update();
		}
	}

}
