package kz.zhilyego.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ListingSearchIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	CatalogFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.api = new Api(this.port);
		this.fixtures = new CatalogFixtures(this.jdbc);
	}

	@Test
	void excludesListingsWithAnOverlappingBookingOrBlockAndKeepsOnesFreedOnCheckInDay() {
		long free = this.fixtures.listing().title("Свободная").create();
		long booked = this.fixtures.listing().title("Занята бронью").create();
		long blocked = this.fixtures.listing().title("Заблокирована").create();
		long leavesOnCheckIn = this.fixtures.listing().title("Выезд в день заезда").create();
		long arrivesOnCheckOut = this.fixtures.listing().title("Заезд в день выезда").create();
		this.fixtures.occupyByBooking(booked, DEC_13.minusDays(1), DEC_13.plusDays(2));
		this.fixtures.occupyByBlock(blocked, DEC_10.minusDays(2), DEC_10.plusDays(1));
		this.fixtures.occupyByBooking(leavesOnCheckIn, DEC_10.minusDays(3), DEC_10);
		this.fixtures.occupyByBooking(arrivesOnCheckOut, DEC_13, DEC_13.plusDays(3));

		JsonNode page = search("city=astana&checkIn=2026-12-10&checkOut=2026-12-13");

		assertThat(ids(page)).containsExactlyInAnyOrder(free, leavesOnCheckIn, arrivesOnCheckOut);
		assertThat(page.get("total").asLong()).isEqualTo(3);
		JsonNode first = page.get("items").get(0);
		assertThat(first.get("nights").asInt()).isEqualTo(3);
		assertThat(first.get("totalPrice").decimalValue()).isEqualByComparingTo("60000");
	}

	@Test
	void withoutDatesEveryActiveListingIsFoundAndTotalsAreNull() {
		long active = this.fixtures.listing().create();
		this.fixtures.listing().inactive().create();

		JsonNode page = search("city=astana");

		assertThat(ids(page)).containsExactly(active);
		assertThat(page.get("items").get(0).get("totalPrice").isNull()).isTrue();
	}

	@Test
	void filtersByEveryCriterion() {
		long match = this.fixtures.listing()
			.district("nura")
			.housingClass("business")
			.type("apartment")
			.rooms(3)
			.sleeping(6)
			.price(30_000)
			.rating("4.8", 12)
			.amenities("wifi", "parking", "kitchen")
			.create();
		this.fixtures.listing()
			.district("esil")
			.housingClass("business")
			.rooms(3)
			.sleeping(6)
			.price(30_000)
			.rating("4.8", 12)
			.amenities("wifi", "parking", "kitchen")
			.create();
		this.fixtures.listing()
			.district("nura")
			.housingClass("premium")
			.rooms(3)
			.sleeping(6)
			.price(30_000)
			.rating("4.8", 12)
			.amenities("wifi", "parking", "kitchen")
			.create();
		this.fixtures.listing()
			.district("nura")
			.housingClass("business")
			.type("house")
			.rooms(3)
			.sleeping(6)
			.price(30_000)
			.rating("4.8", 12)
			.amenities("wifi", "parking", "kitchen")
			.create();
		this.fixtures.listing()
			.district("nura")
			.housingClass("business")
			.rooms(1)
			.sleeping(6)
			.price(30_000)
			.rating("4.8", 12)
			.amenities("wifi", "parking", "kitchen")
			.create();
		this.fixtures.listing()
			.district("nura")
			.housingClass("business")
			.rooms(3)
			.sleeping(2)
			.price(30_000)
			.rating("4.8", 12)
			.amenities("wifi", "parking", "kitchen")
			.create();
		this.fixtures.listing()
			.district("nura")
			.housingClass("business")
			.rooms(3)
			.sleeping(6)
			.price(90_000)
			.rating("4.8", 12)
			.amenities("wifi", "parking", "kitchen")
			.create();
		this.fixtures.listing()
			.district("nura")
			.housingClass("business")
			.rooms(3)
			.sleeping(6)
			.price(30_000)
			.rating("3.9", 12)
			.amenities("wifi", "parking", "kitchen")
			.create();
		this.fixtures.listing()
			.district("nura")
			.housingClass("business")
			.rooms(3)
			.sleeping(6)
			.price(30_000)
			.rating("4.8", 12)
			.amenities("wifi", "kitchen")
			.create();

		JsonNode page = search("city=astana&district=nura&class=business&type=apartment&rooms=3&guests=5"
				+ "&minPrice=25000&maxPrice=35000&minRating=4.5&amenities=wifi&amenities=parking");

		assertThat(ids(page)).containsExactly(match);
		JsonNode item = page.get("items").get(0);
		assertThat(item.get("district").asString()).isEqualTo("nura");
		assertThat(item.get("class").asString()).isEqualTo("business");
		assertThat(item.get("type").asString()).isEqualTo("apartment");
		assertThat(item.get("city").asString()).isEqualTo("astana");
	}

	@Test
	void anAmenityAddedOrRemovedCountsInTheNextSearch() {
		long listing = this.fixtures.listing().amenities("wifi").create();
		assertThat(ids(search("amenities=wifi&amenities=parking"))).isEmpty();

		this.jdbc.sql("insert into listing_amenities (listing_id, amenity_code) values (:l, 'parking')")
			.param("l", listing)
			.update();
		assertThat(ids(search("amenities=wifi&amenities=parking"))).containsExactly(listing);
		assertThat(ids(search("amenities=parking&amenities=parking"))).containsExactly(listing);
		assertThat(ids(search("amenities=parking&amenities=no_such_amenity"))).isEmpty();

		this.jdbc.sql("delete from listing_amenities where listing_id = :l and amenity_code = 'wifi'")
			.param("l", listing)
			.update();
		assertThat(ids(search("amenities=wifi"))).isEmpty();
		assertThat(ids(search("amenities=parking"))).containsExactly(listing);
		assertThat(this.jdbc.sql("""
				select a.code from listings l join amenities a on l.amenity_bits & (1::bigint << a.bit) <> 0
				where l.id = :l
				""").param("l", listing).query(String.class).list()).containsExactly("parking");
	}

	@Test
	void matchesAnyOfSeveralDistrictsAndAMinimumOfRooms() {
		long nura = this.fixtures.listing().district("nura").rooms(2).create();
		long esil = this.fixtures.listing().district("esil").rooms(4).create();
		this.fixtures.listing().district("almaty").rooms(4).create();
		this.fixtures.listing().district("esil").rooms(1).create();

		assertThat(ids(search("district=nura&district=esil&minRooms=2"))).containsExactlyInAnyOrder(nura, esil);
		assertThat(ids(search("district=nura&district=no-such-district"))).containsExactly(nura);
		assertThat(ids(search("district=no-such-district"))).isEmpty();
	}

	@Test
	void sortsByPriceRatingAndNewest() {
		long cheap = this.fixtures.listing().price(10_000).rating("4.0", 3).createdAt("2026-01-01T00:00:00Z").create();
		long dear = this.fixtures.listing().price(50_000).rating("4.5", 3).createdAt("2026-02-01T00:00:00Z").create();
		long middle = this.fixtures.listing().price(20_000).rating("5.0", 3).createdAt("2026-03-01T00:00:00Z").create();

		assertThat(ids(search("sort=price_asc"))).containsExactly(cheap, middle, dear);
		assertThat(ids(search("sort=price_desc"))).containsExactly(dear, middle, cheap);
		assertThat(ids(search("sort=rating"))).containsExactly(middle, dear, cheap);
		assertThat(ids(search("sort=newest"))).containsExactly(middle, dear, cheap);
	}

	@Test
	void pagesThroughResults() {
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(this.fixtures.listing().price(10_000 + i * 1_000).create());
		}

		JsonNode second = search("size=2&page=1");

		assertThat(second.get("total").asLong()).isEqualTo(5);
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(second.get("size").asInt()).isEqualTo(2);
		assertThat(ids(second)).containsExactly(created.get(2), created.get(3));
		assertThat(ids(search("size=2&page=9"))).isEmpty();
	}

	@Test
	void anEmptyResultIsOkWithTotalZero() {
		this.fixtures.listing().create();

		Api.Response response = this.api.get("/api/v1/listings?city=almaty-city");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("total").asLong()).isZero();
		assertThat(response.json().get("items").size()).isZero();
	}

	@Test
	void totalPriceFollowsNightPricesWeekendUpliftAndLongStayDiscount() {
		long listing = this.fixtures.listing().price(10_000).weekendUplift(20).longStay(7, 10).create();
		// 2026-12-11 is a Friday, 2026-12-12 a Saturday; 14 nights from 2026-12-07.
		this.fixtures.nightPrice(listing, LocalDate.of(2026, 12, 8), 15_000);

		JsonNode item = search("checkIn=2026-12-07&checkOut=2026-12-21").get("items").get(0);

		// 14 nights: 4 weekend nights at 12 000 + 10 others, one of them overridden to 15
		// 000:
		// 9 × 10 000 + 15 000 + 4 × 12 000 = 153 000; minus the 10 % long-stay discount =
		// 137 700.
		assertThat(item.get("nights").asInt()).isEqualTo(14);
		assertThat(item.get("totalPrice").decimalValue()).isEqualByComparingTo("137700");
	}

	private JsonNode search(String query) {
		Api.Response response = this.api.get("/api/v1/listings?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

}
