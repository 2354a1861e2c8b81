package kz.zhilyego.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Zones;
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

/**
 * Two-way, double-blind reviews (issue 18 item 6) and the guest risk score on the
 * realtor's booking (item 4), with the injected clock.
 */
@IntegrationTest
class TwoWayReviewsIT {

	/** Check-out three days before the test clock's start: the blind period runs. */
	private static final LocalDate CHECK_OUT = LocalDate.of(2026, 11, 28);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	Reveals reveals;

	IdentityFixtures identity;

	ReviewFixtures stays;

	long guest;

	long realtor;

	long agencyHead;

	long otherRealtor;

	long superuser;

	long listing;

	UUID stay;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.identity = new IdentityFixtures(this.context);
		this.stays = new ReviewFixtures(this.jdbc);
		this.guest = this.identity.user("guest@test.kz");
		// registered at the test clock's start: a brand-new account (never the real date)
		this.jdbc.sql("update users set created_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(MutableClock.START))
			.param("id", this.guest)
			.update();
		long agency = this.identity.agency("Астана Риелт");
		this.realtor = this.identity.realtor("realtor@test.kz", agency);
		this.agencyHead = this.identity.superAdmin("head@test.kz", agency);
		this.otherRealtor = this.identity.realtor("other@test.kz", null);
		this.superuser = this.identity.superuser("root@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing()
			.owner(this.realtor)
			.title("Студия у Байтерека")
			.create();
		this.stay = this.stays.completedStay(this.listing, this.guest, CHECK_OUT.minusDays(3), CHECK_OUT);
	}

	@Test
	void neitherReviewShowsUntilBothAreWrittenThenBothShowAtOnce() {
		Api.Response review = as(this.guest).post("/api/v1/bookings/" + this.stay + "/review",
				Map.of("rating", 4, "comment", "Чисто и тепло"));
		assertThat(review.status()).isEqualTo(201);
		assertThat(review.json().get("status").asString()).isEqualTo("PUBLISHED");

		assertThat(publicTotal()).as("hidden from the listing page").isZero();
		assertThat(rating()).as("and from the average").isEqualTo("0.00/0");
		assertThat(as(this.realtor).get("/api/v1/realtor/reviews").json().get("total").asLong())
			.as("and from the realtor")
			.isZero();
		long reviewId = review.json().get("id").asLong();
		assertThat(as(this.realtor).put("/api/v1/realtor/reviews/" + reviewId + "/reply", Map.of("text", "Спасибо"))
			.status()).as("nothing to reply to yet").isEqualTo(404);
		assertThat(as(this.superuser).get("/api/v1/admin/reviews").json().get("total").asLong())
			.as("the superuser moderates everything")
			.isEqualTo(1);

		Api.Response rated = as(this.realtor).post(guestReviewPath(),
				Map.of("rating", 2, "flags", List.of("NOISE", "damage"), "comment", "Шумная вечеринка"));
		assertThat(rated.status()).as(rated.body()).isEqualTo(201);
		assertThat(rated.json().get("visible").asBoolean()).isTrue();
		assertThat(rated.json().get("flags")).extracting(JsonNode::asString).containsExactly("NOISE", "DAMAGE");

		assertThat(publicTotal()).isEqualTo(1);
		assertThat(rating()).isEqualTo("4.00/1");
		assertThat(as(this.realtor).get("/api/v1/realtor/reviews").json().get("total").asLong()).isEqualTo(1);
		JsonNode aboutMe = as(this.guest).get("/api/v1/me/guest-reviews").json();
		assertThat(aboutMe).hasSize(1);
		assertThat(aboutMe.get(0).get("rating").asInt()).isEqualTo(2);
		assertThat(aboutMe.get(0).get("comment").asString()).isEqualTo("Шумная вечеринка");
		assertThat(aboutMe.get(0).has("authorId")).isFalse();
		// both became visible at once: each is on the platform record once
		assertThat(this.jdbc.sql("select type from platform_events where type like 'review.%' order by type")
			.query(String.class)
			.list()).containsExactly("review.guest_posted", "review.posted");
	}

	@Test
	void theRealtorsReviewFirstStaysHiddenFromTheGuestUntilTheGuestWrites() {
		Api.Response rated = as(this.agencyHead).post(guestReviewPath(), Map.of("rating", 5, "flags", List.of()));
		assertThat(rated.status()).as(rated.body()).isEqualTo(201);
		assertThat(rated.json().get("visible").asBoolean()).isFalse();
		assertThat(as(this.guest).get("/api/v1/me/guest-reviews").json()).isEmpty();
		assertThat(as(this.realtor).get(guestReviewPath()).json().get("rating").asInt())
			.as("the realtor's own side is always visible to staff")
			.isEqualTo(5);

		as(this.guest).post("/api/v1/bookings/" + this.stay + "/review", Map.of("rating", 5));
		assertThat(as(this.guest).get("/api/v1/me/guest-reviews").json()).hasSize(1);
		assertThat(publicTotal()).isEqualTo(1);
		assertThat(rating()).isEqualTo("5.00/1");
	}

	@Test
	void aLoneReviewShowsFourteenDaysAfterCheckOutAndTheRevealJobUpdatesTheRatingOnce() {
		as(this.guest).post("/api/v1/bookings/" + this.stay + "/review", Map.of("rating", 3));
		Instant checkOut = CHECK_OUT.atTime(12, 0).atZone(Zones.KAZAKHSTAN).toInstant();
		this.clock.set(checkOut.plus(Duration.ofDays(14)).minusSeconds(60));
		assertThat(publicTotal()).as("a minute before the blind period ends").isZero();
		assertThat(this.reveals.revealDue()).isZero();

		this.clock.set(checkOut.plus(Duration.ofDays(14)).plusSeconds(60));
		assertThat(publicTotal()).as("visible at query time").isEqualTo(1);
		assertThat(this.reveals.revealDue()).isEqualTo(1);
		assertThat(rating()).isEqualTo("3.00/1");
		assertThat(this.reveals.revealDue()).as("revealed once").isZero();
		awaitModuleEvents();
		assertThat(this.jdbc.sql(
				"select count(*) from notification_outbox where kind = 'REVIEW_RECEIVED_REALTOR' and channel = 'IN_APP'")
			.query(Long.class)
			.single()).as("the realtor hears of the review when it shows, once").isEqualTo(1);
	}

	@Test
	void onlyTheRealtorOrAgencyHeadInScopeRatesACompletedStayOnce() {
		assertThat(new Api(this.port).post(guestReviewPath(), Map.of("rating", 5)).status()).isEqualTo(401);
		assertThat(as(this.guest).post(guestReviewPath(), Map.of("rating", 5)).status()).isEqualTo(403);
		assertThat(as(this.superuser).post(guestReviewPath(), Map.of("rating", 5)).status()).isEqualTo(403);
		assertThat(as(this.otherRealtor).post(guestReviewPath(), Map.of("rating", 5)).status()).isEqualTo(404);
		UUID confirmed = this.stays.stay(this.listing, this.guest, CHECK_OUT, CHECK_OUT.plusDays(1), "CONFIRMED");
		Api.Response early = as(this.realtor).post("/api/v1/realtor/bookings/" + confirmed + "/guest-review",
				Map.of("rating", 5));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().get("type").asString()).endsWith("/stay-not-completed");
		assertThat(as(this.realtor).post(guestReviewPath(), Map.of("rating", 6)).json().get("errors").has("rating"))
			.isTrue();
		assertThat(as(this.realtor).post(guestReviewPath(), Map.of("rating", 4, "flags", List.of("LOUD")))
			.json()
			.get("errors")
			.has("flags")).isTrue();
		assertThat(as(this.realtor).post(guestReviewPath(), Map.of("rating", 4, "comment", "x".repeat(2001))).status())
			.isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from guest_reviews").query(Long.class).single()).isZero();

		assertThat(as(this.realtor).post(guestReviewPath(), Map.of("rating", 4)).status()).isEqualTo(201);
		Api.Response again = as(this.agencyHead).post(guestReviewPath(), Map.of("rating", 1));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).endsWith("/guest-review-exists");
	}

	@Test
	void theRiskScoreIsOnTheRealtorsBookingAndNeverOnTheGuests() {
		JsonNode staff = as(this.realtor).get("/api/v1/realtor/bookings/" + this.stay).json();
		// a fresh account (age 0: 15 points) with one completed stay ((5 − 1) / 5 × 10 =
		// 8)
		assertThat(staff.get("riskScore").asInt()).isEqualTo(23);
		assertThat(staff.get("riskLevel").asString()).isEqualTo("LOW");
		assertThat(staff.get("riskReasons")).extracting(r -> r.get("factor").asString())
			.containsExactly("NEW_ACCOUNT", "FEW_STAYS");
		assertThat(as(this.otherRealtor).get("/api/v1/realtor/bookings/" + this.stay).status()).isEqualTo(404);

		Api.Response own = as(this.guest).get("/api/v1/bookings/" + this.stay);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).doesNotContain("riskScore", "riskLevel", "riskReasons");
		assertThat(as(this.guest).get("/api/v1/realtor/bookings/" + this.stay).status()).isIn(403, 404);
		assertThat(as(this.realtor).get("/api/v1/realtor/bookings").body()).doesNotContain("riskScore");

		// both reviews written: the host's flags count once they are visible
		as(this.realtor).post(guestReviewPath(), Map.of("rating", 1, "flags", List.of("DAMAGE", "SMOKING")));
		as(this.guest).post("/api/v1/bookings/" + this.stay + "/review", Map.of("rating", 2));
		awaitModuleEvents();
		JsonNode after = as(this.realtor).get("/api/v1/realtor/bookings/" + this.stay).json();
		// 15 + 8 + min(2 × 8, 25) = 16 + (5 − 1) / 4 × 20 = 20 → 59
		assertThat(after.get("riskScore").asInt()).isEqualTo(59);
		assertThat(after.get("riskLevel").asString()).isEqualTo("HIGH");
		assertThat(after.get("riskReasons").get(0).get("factor").asString()).isEqualTo("LOW_HOST_RATINGS");
	}

	@Test
	void theDeskShowsTheRiskAndRatesTheGuestTheCabinetShowsReviewsOfMeAndTheGuestSeesNoRisk() {
		kz.zhilyego.web.SiteSession realtorSite = new kz.zhilyego.web.SiteSession(this.port).signIn("realtor@test.kz",
				IdentityFixtures.PASSWORD);
		assertThat(realtorSite.get("/realtor/bookings/" + this.stay).body())
			.contains("/realtor/bookings/" + this.stay + "/trust");
		kz.zhilyego.web.SiteSession.Page section = realtorSite.get("/realtor/bookings/" + this.stay + "/trust");
		assertThat(section.status()).isEqualTo(200);
		org.jsoup.nodes.Document html = section.html();
		assertThat(html.selectFirst("#guest-risk").attr("data-level")).isEqualTo("LOW");
		assertThat(html.selectFirst("#guest-risk").text()).isEqualTo("Риск гостя: низкий (23 из 100)");
		assertThat(html.select("#guest-risk-reasons li")).extracting(e -> e.attr("data-factor"))
			.containsExactly("NEW_ACCOUNT", "FEW_STAYS");
		assertThat(html.select("#guest-review-form input[name=_csrf]")).hasSize(1);

		String action = "/realtor/bookings/" + this.stay + "/guest-review";
		kz.zhilyego.web.SiteSession.Page missing = realtorSite.post(section, action, Map.of("comment", "Тихо"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.html().selectFirst("#rating-error")).isNotNull();
		assertThat(missing.html().selectFirst("#guest-comment").text()).isEqualTo("Тихо");
		kz.zhilyego.web.SiteSession.Page saved = realtorSite.post(missing, action,
				Map.of("rating", "2", "flags", "NOISE", "comment", "Шумно"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/realtor/bookings/" + this.stay + "/trust?saved");
		org.jsoup.nodes.Document after = realtorSite.get("/realtor/bookings/" + this.stay + "/trust?saved").html();
		assertThat(after.selectFirst("#guest-review-saved")).isNotNull();
		assertThat(after.selectFirst("#guest-review").text()).contains("Ваша оценка гостя: 2 из 5", "Шумел",
				"Скрыта от гостя");
		assertThat(after.selectFirst("#guest-review-form")).isNull();
		assertThat(realtorSite.get("/realtor/scores").html().select("section.zg-score"))
			.extracting(e -> e.attr("data-realtor"))
			.containsExactly(String.valueOf(this.realtor));

		kz.zhilyego.web.SiteSession guestSite = new kz.zhilyego.web.SiteSession(this.port).signIn("guest@test.kz",
				IdentityFixtures.PASSWORD);
		assertThat(guestSite.get("/account/guest-reviews").html().selectFirst("#guest-reviews-empty"))
			.as("blind until the guest writes")
			.isNotNull();
		as(this.guest).post("/api/v1/bookings/" + this.stay + "/review", Map.of("rating", 5));
		assertThat(guestSite.get("/account/guest-reviews").html().select("article.zg-guest-review"))
			.extracting(e -> e.attr("data-rating"))
			.containsExactly("2");
		kz.zhilyego.web.SiteSession.Page forbidden = guestSite.get("/realtor/bookings/" + this.stay + "/trust");
		assertThat(forbidden.status()).isIn(403, 404);
		assertThat(forbidden.body()).doesNotContain("guest-risk", "Риск гостя");
		assertThat(guestSite.get("/account/bookings").body()).doesNotContain("Риск гостя", "guest-risk");
	}

	@Test
	void theRealtorScoreAddsUpFromVisibleReviewsCancellationsOccupancyAndPlatformCancellations() {
		long second = this.identity.user("second@test.kz");
		UUID reviewed = this.stays.completedStay(this.listing, second, LocalDate.of(2026, 11, 10),
				LocalDate.of(2026, 11, 12));
		as(second).post("/api/v1/bookings/" + reviewed + "/review", Map.of("rating", 4));
		cancelled(LocalDate.of(2026, 11, 15), "REALTOR");
		cancelled(LocalDate.of(2026, 11, 18), "PLATFORM");

		// rating (4 − 1) / 4 × 30 = 22.50; 1 of 4 paid cancelled by the realtor ≥ 20 %:
		// 0;
		// no follow-ups: 0.5 × 15 = 7.50; 5 nights / 90: 0.0694 × 20 = 1.39; one platform
		// cancellation: 0.75 × 15 = 11.25 → 42.64 → 43
		JsonNode own = as(this.realtor).get("/api/v1/realtor/scores").json();
		assertThat(own).hasSize(1);
		assertThat(own.get(0).get("score").asInt()).isEqualTo(43);
		assertThat(own.get(0).get("components"))
			.extracting(c -> c.get("part").asString() + "=" + c.get("points").asDouble())
			.containsExactly("RATING=22.5", "CANCELLATIONS=0.0", "RESPONSE_TIME=7.5", "OCCUPANCY=1.39",
					"COMPLAINTS=11.25");

		// a realtor with nothing on record: 15 + 20 + 7.5 + 0 + 15 = 57.5 → 58
		JsonNode all = as(this.superuser).get("/api/v1/admin/realtors?sort=score").json();
		assertThat(all).extracting(r -> r.get("realtorId").asLong() + ":" + r.get("score").asInt())
			.containsExactly(this.agencyHead + ":58", this.otherRealtor + ":58", this.realtor + ":43");
		assertThat(as(this.superuser).get("/api/v1/admin/realtors?sort=score_asc&maxScore=50").json())
			.extracting(r -> r.get("realtorId").asLong())
			.containsExactly(this.realtor);
		assertThat(as(this.superuser).get("/api/v1/admin/realtors?sort=best").status()).isEqualTo(400);
		assertThat(as(this.superuser).get("/api/v1/admin/realtors?minScore=101").status()).isEqualTo(400);
	}

	private void cancelled(LocalDate checkIn, String by) {
		UUID id = this.stays.stay(this.listing, this.guest, checkIn, checkIn.plusDays(1), "CANCELLED");
		this.jdbc.sql("update bookings set cancelled_by = :by where id = :id").param("by", by).param("id", id).update();
	}

	private String guestReviewPath() {
		return "/api/v1/realtor/bookings/" + this.stay + "/guest-review";
	}

	private long publicTotal() {
		return new Api(this.port).get("/api/v1/listings/" + this.listing + "/reviews").json().get("total").asLong();
	}

	private String rating() {
		return this.jdbc.sql("select rating || '/' || review_count from listings where id = :id")
			.param("id", this.listing)
			.query(String.class)
			.single();
	}

	private void awaitModuleEvents() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0);
	}

	private Api as(long userId) {
		return new Api(this.port).with("Authorization", this.identity.bearer(userId));
	}

}
