package kz.zhilyego.review;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
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
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ReviewsIT {

	private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	IdentityFixtures identity;

	ReviewFixtures stays;

	long guest;

	long secondGuest;

	long stranger;

	long realtor;

	long agencyHead;

	long otherRealtor;

	long superuser;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.identity = new IdentityFixtures(this.context);
		this.stays = new ReviewFixtures(this.jdbc);
		this.guest = this.identity.user("guest@test.kz");
		this.jdbc.sql("update users set name = 'Айгерим Садыкова' where id = :id").param("id", this.guest).update();
		this.secondGuest = this.identity.user("second@test.kz");
		this.stranger = this.identity.user("stranger@test.kz");
		long agency = this.identity.agency("Астана Риелт");
		this.realtor = this.identity.realtor("realtor@test.kz", agency);
		this.agencyHead = this.identity.superAdmin("head@test.kz", agency);
		this.otherRealtor = this.identity.realtor("other@test.kz", null);
		this.superuser = this.identity.superuser("root@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing()
			.owner(this.realtor)
			.title("Студия у Байтерека")
			.create();
	}

	@Test
	void onlyTheGuestOfACompletedBookingReviewsItOnceWithARatingFromOneToFive() {
		UUID confirmed = this.stays.stay(this.listing, this.guest, NOV_1, NOV_1.plusDays(2), "CONFIRMED");
		UUID cancelled = this.stays.stay(this.listing, this.guest, NOV_1, NOV_1.plusDays(2), "CANCELLED");
		UUID completed = this.stays.completedStay(this.listing, this.guest, NOV_1.plusDays(5), NOV_1.plusDays(7));

		assertThat(review(this.guest, confirmed, 5, "Отлично").status()).isEqualTo(403);
		assertThat(review(this.guest, cancelled, 5, "Отлично").status()).isEqualTo(403);
		assertThat(review(this.stranger, completed, 5, "Отлично").status()).isEqualTo(404);
		assertThat(review(this.otherRealtor, completed, 5, "Отлично").status()).isEqualTo(404);
		assertThat(review(this.realtor, completed, 5, "Отлично").status()).isEqualTo(403);
		assertThat(new Api(this.port).post("/api/v1/bookings/" + completed + "/review", Map.of("rating", 5)).status())
			.isEqualTo(401);
		Api.Response zero = review(this.guest, completed, 0, "Отлично");
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.json().get("errors").has("rating")).isTrue();
		assertThat(review(this.guest, completed, 6, "Отлично").status()).isEqualTo(400);
		assertThat(review(this.guest, completed, 5, "x".repeat(2001)).json().get("errors").has("comment")).isTrue();
		assertThat(rating()).isEqualTo(new Rating("0.00", 0));

		Api.Response created = review(this.guest, completed, 4, "Чисто и тепло, хозяин встретил вовремя.");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(created.json().get("awaitingModeration").asBoolean()).isFalse();
		assertThat(rating()).isEqualTo(new Rating("4.00", 1));

		Api.Response again = review(this.guest, completed, 5, "Ещё раз");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).endsWith("/review-exists");
		assertThat(rating()).isEqualTo(new Rating("4.00", 1));
	}

	@Test
	void theAutomaticCheckHoldsProfanityAndLinksBackAndTheRatingIgnoresThem() {
		UUID first = this.stays.completedStay(this.listing, this.guest, NOV_1, NOV_1.plusDays(2));
		UUID second = this.stays.completedStay(this.listing, this.secondGuest, NOV_1.plusDays(3), NOV_1.plusDays(4));

		Api.Response spam = review(this.guest, first, 1, "Дешевле здесь: https://cheap-flats.example.kz");
		assertThat(spam.status()).isEqualTo(201);
		assertThat(spam.json().get("status").asString()).isEqualTo("HIDDEN");
		assertThat(spam.json().get("awaitingModeration").asBoolean()).isTrue();
		Api.Response rude = review(this.secondGuest, second, 2, "Хозяин — мудак");
		assertThat(rude.json().get("status").asString()).isEqualTo("HIDDEN");

		assertThat(rating()).isEqualTo(new Rating("0.00", 0));
		assertThat(this.jdbc.sql("select hidden_reason from reviews where id = :id")
			.param("id", spam.json().get("id").asLong())
			.query(String.class)
			.single()).isEqualTo("auto");
		assertThat(publicList("").get("total").asLong()).isZero();
		JsonNode queue = as(this.superuser).get("/api/v1/admin/reviews?status=HIDDEN").json();
		assertThat(queue.get("total").asLong()).isEqualTo(2);
	}

	@Test
	void theRatingAndCountFollowPublishingHidingAndRestoringAndOnlyTheSuperuserModerates() {
		long five = published(this.guest, 5, "Прекрасно");
		long four = published(this.secondGuest, 4, "Хорошо");
		assertThat(rating()).isEqualTo(new Rating("4.50", 2));

		assertThat(as(this.realtor).post("/api/v1/admin/reviews/" + four + "/hide", Map.of("reason", "x")).status())
			.isEqualTo(403);
		assertThat(as(this.guest).post("/api/v1/admin/reviews/" + four + "/restore", Map.of()).status()).isEqualTo(403);
		assertThat(as(this.superuser).post("/api/v1/admin/reviews/" + four + "/hide", Map.of()).status())
			.isEqualTo(400);

		Api.Response hidden = as(this.superuser).post("/api/v1/admin/reviews/" + four + "/hide",
				Map.of("reason", "Оскорбления"));
		assertThat(hidden.status()).isEqualTo(200);
		assertThat(hidden.json().get("status").asString()).isEqualTo("HIDDEN");
		assertThat(hidden.json().get("hiddenReason").asString()).isEqualTo("Оскорбления");
		assertThat(rating()).isEqualTo(new Rating("5.00", 1));
		assertThat(publicList("").get("items")).hasSize(1);

		as(this.superuser).post("/api/v1/admin/reviews/" + five + "/hide", Map.of("reason", "Проверка"));
		assertThat(rating()).isEqualTo(new Rating("0.00", 0));

		assertThat(as(this.superuser).post("/api/v1/admin/reviews/" + four + "/restore", Map.of()).status())
			.isEqualTo(200);
		assertThat(as(this.superuser).post("/api/v1/admin/reviews/" + five + "/restore", Map.of()).status())
			.isEqualTo(200);
		assertThat(rating()).isEqualTo(new Rating("4.50", 2));

		UUID third = this.stays.completedStay(this.listing, this.stranger, NOV_1.plusDays(9), NOV_1.plusDays(10));
		long held = review(this.stranger, third, 1, "звоните +7 701 000 00 00").json().get("id").asLong();
		assertThat(rating()).isEqualTo(new Rating("4.50", 2));
		as(this.superuser).post("/api/v1/admin/reviews/" + held + "/restore", Map.of());
		assertThat(rating()).isEqualTo(new Rating("3.33", 3));

		assertThat(this.jdbc
			.sql("""
					select count(*) from audit_log where actor_id = :actor and action in ('review.hidden', 'review.restored')
					""")
			.param("actor", this.superuser)
			.query(Long.class)
			.single()).isEqualTo(5);
		assertThat(as(this.superuser).post("/api/v1/admin/reviews/999999/hide", Map.of("reason", "x")).status())
			.isEqualTo(404);
	}

	@Test
	void onlyTheListingsRealtorOrTheAgencyHeadInScopeRepliesOnceAndMayEditIt() {
		long id = published(this.guest, 5, "Спасибо!");
		String path = "/api/v1/realtor/reviews/" + id + "/reply";

		assertThat(as(this.guest).put(path, Map.of("text", "Я гость")).status()).isEqualTo(403);
		assertThat(as(this.superuser).put(path, Map.of("text", "Я владелец платформы")).status()).isEqualTo(403);
		assertThat(as(this.otherRealtor).put(path, Map.of("text", "Чужой")).status()).isEqualTo(404);
		assertThat(as(this.realtor).put(path, Map.of("text", "  ")).status()).isEqualTo(400);

		Api.Response reply = as(this.realtor).put(path, Map.of("text", "Спасибо, приезжайте ещё!"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("reply").asString()).isEqualTo("Спасибо, приезжайте ещё!");
		Api.Response edited = as(this.agencyHead).put(path, Map.of("text", "Ждём вас снова!"));
		assertThat(edited.status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from reviews where reply is not null").query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("select replied_by from reviews where id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(this.agencyHead);

		JsonNode item = publicList("").get("items").get(0);
		assertThat(item.get("reply").asString()).isEqualTo("Ждём вас снова!");
		assertThat(item.get("repliedAt").isNull()).isFalse();

		assertThat(as(this.realtor).get("/api/v1/realtor/reviews").json().get("total").asLong()).isEqualTo(1);
		assertThat(as(this.agencyHead).get("/api/v1/realtor/reviews")
			.json()
			.get("items")
			.get(0)
			.get("listingTitle")
			.asString()).isEqualTo("Студия у Байтерека");
		assertThat(as(this.otherRealtor).get("/api/v1/realtor/reviews").json().get("total").asLong()).isZero();
		assertThat(as(this.guest).get("/api/v1/realtor/reviews").status()).isEqualTo(403);
	}

	@Test
	void anySignedInUserComplainsOnceAndTheSuperuserSeesComplainedReviews() {
		long id = published(this.guest, 2, "Было шумно");
		long other = published(this.secondGuest, 5, "Всё отлично");
		String path = "/api/v1/reviews/" + id + "/complaints";

		assertThat(new Api(this.port).post(path, Map.of("reason", "Неправда")).status()).isEqualTo(401);
		assertThat(as(this.stranger).post(path, Map.of()).status()).isEqualTo(400);
		assertThat(as(this.stranger).post(path, Map.of("reason", "Неправда")).status()).isEqualTo(201);
		Api.Response twice = as(this.stranger).post(path, Map.of("reason", "Ещё раз"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("type").asString()).endsWith("/complaint-exists");
		assertThat(as(this.realtor).post(path, Map.of("reason", "Клевета")).status()).isEqualTo(201);
		assertThat(as(this.stranger).post("/api/v1/reviews/999999/complaints", Map.of("reason", "x")).status())
			.isEqualTo(404);

		JsonNode complained = as(this.superuser).get("/api/v1/admin/reviews?complained=true").json();
		assertThat(complained.get("total").asLong()).isEqualTo(1);
		assertThat(complained.get("items").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(complained.get("items").get(0).get("complaints").asInt()).isEqualTo(2);
		assertThat(as(this.superuser).get("/api/v1/admin/reviews").json().get("total").asLong()).isEqualTo(2);
		assertThat(as(this.realtor).get("/api/v1/admin/reviews").status()).isEqualTo(403);
		assertThat(other).isPositive();
	}

	@Test
	void thePublicListShowsPublishedReviewsOnlyWithTheAuthorsFirstNameAndNoContacts() {
		published(this.guest, 3, "Нормально");
		published(this.secondGuest, 5, "Супер");
		UUID held = this.stays.completedStay(this.listing, this.stranger, NOV_1.plusDays(20), NOV_1.plusDays(21));
		review(this.stranger, held, 1, "www.spam.kz");

		Api.Response response = new Api(this.port).get("/api/v1/listings/" + this.listing + "/reviews");
		assertThat(response.status()).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.get("total").asLong()).isEqualTo(2);
		assertThat(page.get("items").get(0).get("comment").asString()).isEqualTo("Супер");
		assertThat(page.get("items").get(1).get("author").asString()).isEqualTo("Айгерим");
		assertThat(response.body()).doesNotContain("Садыкова", "guest@test.kz", "second@test.kz",
				this.identity.phone(this.guest), this.identity.phone(this.secondGuest), "spam", "authorId",
				"bookingId");

		assertThat(publicList("?sort=rating_asc").get("items").get(0).get("rating").asInt()).isEqualTo(3);
		assertThat(publicList("?sort=rating_desc&size=1").get("items")).hasSize(1);
		assertThat(publicList("?sort=rating_desc&size=1&page=1").get("items").get(0).get("rating").asInt())
			.isEqualTo(3);
		assertThat(new Api(this.port).get("/api/v1/listings/" + this.listing + "/reviews?sort=best").status())
			.isEqualTo(400);
		assertThat(new Api(this.port).get("/api/v1/listings/" + this.listing + "/reviews?size=500").status())
			.isEqualTo(400);
		assertThat(new Api(this.port).get("/api/v1/listings/999999/reviews").status()).isEqualTo(404);
	}

	@Test
	void theRealtorHearsOfEachVisibleReviewAndTheGuestOfTheFirstReplyOnly() {
		UUID stay = this.stays.completedStay(this.listing, this.guest, NOV_1, NOV_1.plusDays(2));
		long held = review(this.guest, stay, 2, "Дешевле здесь: https://cheap-flats.example.kz").json()
			.get("id")
			.asLong();
		long published = published(this.secondGuest, 5, "Отлично, всё как на фото");
		awaitModuleEvents();
		assertThat(inApp("REVIEW_RECEIVED_REALTOR", this.realtor)).as("only the visible review").isEqualTo(1);

		as(this.superuser).post("/api/v1/admin/reviews/" + held + "/restore", Map.of());
		String path = "/api/v1/realtor/reviews/" + published + "/reply";
		as(this.realtor).put(path, Map.of("text", "Спасибо!"));
		as(this.realtor).put(path, Map.of("text", "Спасибо, приезжайте ещё!"));
		awaitModuleEvents();

		assertThat(inApp("REVIEW_RECEIVED_REALTOR", this.realtor)).as("the restored one too").isEqualTo(2);
		assertThat(inApp("REVIEW_REPLY_GUEST", this.secondGuest)).as("an edited reply sends nothing").isEqualTo(1);
		assertThat(inApp("REVIEW_REPLY_GUEST", this.guest)).isZero();
		assertThat(this.jdbc.sql("""
				select params ->> 'rating' from notification_outbox
				where kind = 'REVIEW_RECEIVED_REALTOR' and channel = 'EMAIL' and dedup_key like :key
				""").param("key", "review-published:" + published + ":%").query(String.class).single())
			.isEqualTo("5 / 5");
		assertThat(this.jdbc.sql("""
				select params ->> 'listingUrl' from notification_outbox
				where kind = 'REVIEW_REPLY_GUEST' and channel = 'IN_APP'
				""").query(String.class).single()).endsWith("/listings/" + this.listing);
	}

	private long inApp(String kind, long userId) {
		return this.jdbc
			.sql("select count(*) from notification_outbox where kind = :kind and channel = 'IN_APP' "
					+ "and recipient_user_id = :user")
			.param("kind", kind)
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	/** Module listeners run after commit; wait until none is left unfinished. */
	private void awaitModuleEvents() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0);
	}

	private long published(long author, int stars, String comment) {
		long offset = this.jdbc.sql("select count(*) from bookings").query(Long.class).single() * 3;
		UUID booking = this.stays.completedStay(this.listing, author, NOV_1.minusDays(60).plusDays(offset),
				NOV_1.minusDays(59).plusDays(offset));
		Api.Response response = review(author, booking, stars, comment);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("status").asString()).isEqualTo("PUBLISHED");
		return response.json().get("id").asLong();
	}

	private Api.Response review(long userId, UUID booking, int stars, String comment) {
		return as(userId).post("/api/v1/bookings/" + booking + "/review", Map.of("rating", stars, "comment", comment));
	}

	private JsonNode publicList(String query) {
		return new Api(this.port).get("/api/v1/listings/" + this.listing + "/reviews" + query).json();
	}

	private Api as(long userId) {
		return new Api(this.port).with("Authorization", this.identity.bearer(userId));
	}

	private Rating rating() {
		return this.jdbc.sql("select rating, review_count from listings where id = :id")
			.param("id", this.listing)
			.query((rs, n) -> new Rating(rs.getBigDecimal("rating").toPlainString(), rs.getInt("review_count")))
			.single();
	}

	private record Rating(String average, int count) {
	}

}
