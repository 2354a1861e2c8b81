package kz.zhilyego.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.review.ReviewFixtures;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ReviewPagesIT {

	private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long guest;

	long listing;

	UUID completed;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		this.guest = identity.user("guest@test.kz");
		this.jdbc.sql("update users set name = 'Айгерим Садыкова' where id = :id").param("id", this.guest).update();
		long earlier = identity.user("earlier@test.kz");
		this.jdbc.sql("update users set name = 'Данияр Ахметов' where id = :id").param("id", earlier).update();
		long realtor = identity.realtor("realtor@test.kz", null);
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(realtor).title("Студия у Байтерека").create();
		ReviewFixtures stays = new ReviewFixtures(this.jdbc);
		this.completed = stays.completedStay(this.listing, this.guest, NOV_1, NOV_1.plusDays(3));
		UUID earlierStay = stays.completedStay(this.listing, earlier, NOV_1.minusDays(10), NOV_1.minusDays(8));
		this.jdbc.sql("""
				insert into reviews (booking_id, listing_id, author_id, rating, comment, status, created_at, reply,
				    replied_at, replied_by)
				values (:booking, :listing, :author, 4, 'Тихо и чисто, рядом парк.', 'PUBLISHED', :at,
				    'Спасибо, ждём снова!', :at, :realtor)
				""")
			// written a week before the test clock's start: the review published in the
			// test is
			// the newest whatever the real date is
			.param("at", Timestamp.from(MutableClock.START.minus(Duration.ofDays(7))))
			.param("booking", earlierStay)
			.param("listing", this.listing)
			.param("author", earlier)
			.param("realtor", realtor)
			.update();
		this.jdbc.sql("update listings set rating = 4, review_count = 1 where id = :id")
			.param("id", this.listing)
			.update();
	}

	@Test
	void theListingPageShowsTheRatingAndTheLatestReviewsWithTheRealtorsReply() {
		SiteSession site = new SiteSession(this.port);
		Document html = listingPage(site);
		Element review = html.selectFirst("#reviews .zg-review");
		assertThat(review).isNotNull();
		assertThat(review.selectFirst(".zg-review-author").text()).isEqualTo("Данияр");
		assertThat(review.selectFirst(".zg-review-comment").text()).isEqualTo("Тихо и чисто, рядом парк.");
		assertThat(review.selectFirst(".zg-review-stars").attr("aria-label")).isEqualTo("Оценка 4 из 5");
		assertThat(review.selectFirst(".zg-review-reply").text()).contains("Ответ риелтора", "Спасибо, ждём снова!");
		assertThat(html.text()).doesNotContain("Ахметов").contains("4.0");
		assertThat(html.select(".zg-reviews-more")).isEmpty();
		SiteSession.Page fragment = site.get("/listings/" + this.listing + "/reviews?page=0");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("Тихо и чисто").doesNotContain("<html");
	}

	@Test
	void aCompletedBookingOffersLeaveAReviewAndTheFormPublishesItWithFieldErrorsNextToFields() {
		SiteSession site = new SiteSession(this.port).signIn("guest@test.kz", IdentityFixtures.PASSWORD);
		Document cabinet = site.get("/account/bookings").html();
		Element leave = cabinet.selectFirst("li[data-booking-id=" + this.completed + "] a.zg-leave-review");
		assertThat(leave).isNotNull();
		assertThat(leave.text()).isEqualTo("Оставить отзыв");
		assertThat(leave.attr("href")).isEqualTo("/account/bookings/" + this.completed + "/review");

		SiteSession.Page form = site.get(leave.attr("href"));
		assertThat(form.status()).isEqualTo(200);
		Document formHtml = form.html();
		assertThat(formHtml.select("input[type=radio][name=rating]")).hasSize(5)
			.allMatch(radio -> !formHtml.select("label[for=" + radio.id() + "]").isEmpty());
		assertThat(formHtml.select("label[for=r-comment]")).hasSize(1);
		assertThat(formHtml.select("form#review-form input[name=_csrf]")).hasSize(1);

		String action = "/account/bookings/" + this.completed + "/review";
		SiteSession.Page missing = site.post(form, action, Map.of("comment", "Очень уютно"));
		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.html().selectFirst("#rating-error").text()).isEqualTo("Поставьте оценку от 1 до 5.");
		assertThat(missing.html().selectFirst("#r-comment").text()).isEqualTo("Очень уютно");

		SiteSession.Page done = site.post(missing, action,
				Map.of("rating", "5", "comment", "Очень уютно, всё как на фото."));
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).endsWith("/account/bookings?review=published");
		Document after = site.get("/account/bookings?review=published").html();
		assertThat(after.selectFirst("#review-published").text()).isEqualTo("Спасибо! Ваш отзыв опубликован.");
		assertThat(after.select("a.zg-leave-review")).isEmpty();
		assertThat(site.get(action).status()).isEqualTo(404);

		Document listing = listingPage(new SiteSession(this.port));
		assertThat(listing.select("#reviews .zg-review")).hasSize(2);
		assertThat(listing.selectFirst("#reviews .zg-review .zg-review-author").text()).isEqualTo("Айгерим");
		assertThat(this.jdbc.sql("select rating || '/' || review_count from listings where id = :id")
			.param("id", this.listing)
			.query(String.class)
			.single()).isEqualTo("4.50/2");
	}

	@Test
	void theRealtorSeesReviewsOfOwnListingsAndRepliesFromTheWorkspace() {
		SiteSession site = new SiteSession(this.port).signIn("realtor@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page page = site.get("/realtor/reviews");
		assertThat(page.status()).isEqualTo(200);
		Element review = page.html().selectFirst("article.zg-staff-review");
		assertThat(review).isNotNull();
		assertThat(review.text()).contains("Данияр", "Студия у Байтерека", "Тихо и чисто");
		String action = review.selectFirst("form").attr("action");
		Element textarea = review.selectFirst("textarea[name=text]");
		assertThat(page.html().select("label[for=" + textarea.id() + "]")).hasSize(1);

		SiteSession.Page empty = site.post(page, action, Map.of("text", " "));
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.html().selectFirst("article.zg-staff-review .invalid-feedback").text())
			.isEqualTo("Заполните это поле.");
		SiteSession.Page saved = site.post(empty, action, Map.of("text", "Рады, что понравилось!"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(site.get("/realtor/reviews").html().selectFirst("article.zg-staff-review").text())
			.contains("Рады, что понравилось!");
		assertThat(this.jdbc.sql("select reply from reviews").query(String.class).single())
			.isEqualTo("Рады, что понравилось!");

		SiteSession guestSite = new SiteSession(this.port).signIn("guest@test.kz", IdentityFixtures.PASSWORD);
		assertThat(guestSite.get("/realtor/reviews").status()).isEqualTo(403);
	}

	@Test
	void anotherUsersCompletedBookingHasNoReviewForm() {
		new IdentityFixtures(this.jdbc).user("stranger@test.kz");
		SiteSession site = new SiteSession(this.port).signIn("stranger@test.kz", IdentityFixtures.PASSWORD);
		assertThat(site.get("/account/bookings/" + this.completed + "/review").status()).isEqualTo(404);
	}

	private Document listingPage(SiteSession site) {
		SiteSession.Page moved = site.get("/listings/" + this.listing);
		assertThat(moved.status()).isEqualTo(301);
		SiteSession.Page page = site.get(moved.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(page.status()).isEqualTo(200);
		return page.html();
	}

}
