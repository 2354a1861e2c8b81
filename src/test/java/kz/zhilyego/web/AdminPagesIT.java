package kz.zhilyego.web;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.review.ReviewFixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The superuser's pages over a real session with CSRF: the overview counts, blocking a
 * user, moderating reviews and queueing a dead message again; a realtor gets 403 and a
 * signed-out visitor the sign-in page.
 */
@IntegrationTest
class AdminPagesIT {

	private static final List<String> PAGES = List.of("/admin", "/admin/users", "/admin/reviews",
			"/admin/notifications", "/admin/payments");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	long guest;

	long listing;

	long complained;

	long hidden;

	long dead;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		identity.superuser("adm-root@test.kz");
		long realtor = identity.realtor("adm-realtor@test.kz", null);
		this.guest = identity.user("adm-guest@test.kz");
		this.jdbc.sql("update users set name = 'Айгерим Садыкова' where id = :id").param("id", this.guest).update();
		long other = identity.user("adm-other@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(realtor).title("Студия у Байтерека").create();
		ReviewFixtures stays = new ReviewFixtures(this.jdbc, this.clock);
		LocalDate nov = LocalDate.parse("2026-11-01");
		this.complained = review(stays.completedStay(this.listing, this.guest, nov, nov.plusDays(2)), this.guest,
				"Грубый текст про хозяина.", "PUBLISHED");
		this.hidden = review(stays.completedStay(this.listing, other, nov.plusDays(5), nov.plusDays(7)), other,
				"Задержан проверкой спама.", "HIDDEN");
		this.jdbc.sql("""
				insert into review_complaints (review_id, user_id, reason, created_at)
				values (:review, :user, 'Оскорбление', :now)
				""").param("review", this.complained).param("user", other).param("now", now()).update();
		// a paid stay that includes today (the test clock starts on 2026-12-01)
		stays.stay(this.listing, other, LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-03"), "CONFIRMED");
		this.dead = this.jdbc.sql("""
				insert into notification_outbox (kind, channel, address, language, dedup_key, status, attempts,
				    next_attempt_at, last_error, created_at)
				values ('BOOKING_CONFIRMED_GUEST', 'EMAIL', 'lost@test.kz', 'ru', 'adm-dead-1', 'DEAD', 3, :now,
				    'SMTP 550 mailbox unavailable', :now)
				returning id
				""").param("now", now()).query(Long.class).single();
	}

	private long review(UUID booking, long author, String comment, String status) {
		return this.jdbc.sql("""
				insert into reviews (booking_id, listing_id, author_id, rating, comment, status, created_at,
				    hidden_reason)
				values (:booking, :listing, :author, 2, :comment, :status, :now,
				    case when :status = 'HIDDEN' then 'auto' end)
				returning id
				""")
			.param("booking", booking)
			.param("listing", this.listing)
			.param("author", author)
			.param("comment", comment)
			.param("status", status)
			.param("now", now())
			.query(Long.class)
			.single();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	@Test
	void longListsPageWithTheirFilterKept() {
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		for (int i = 0; i < 25; i++) {
			identity.user("adm-pager-" + i + "@test.kz");
		}
		SiteSession site = superuser();

		SiteSession.Page first = site.get("/admin/users?q=adm-pager");
		assertThat(first.html().select("a[href='/admin/users?q=adm-pager&page=1']")).hasSize(1);
		assertThat(first.html().select("a[href='/admin/users?q=adm-pager&page=-1']")).isEmpty();
		SiteSession.Page second = site.get("/admin/users?q=adm-pager&page=1");
		assertThat(second.html().select("a[href='/admin/users?q=adm-pager&page=0']")).hasSize(1);
		assertThat(second.html().select("a[href='/admin/users?q=adm-pager&page=2']")).isEmpty();
	}

	private SiteSession superuser() {
		return new SiteSession(this.port).signIn("adm-root@test.kz", IdentityFixtures.PASSWORD);
	}

	@Test
	void theOverviewCountsUsersListingsBookingsReviewsAndDeadMessagesWithLinks() {
		SiteSession site = superuser();
		SiteSession.Page page = site.get("/admin");
		assertThat(page.status()).isEqualTo(200);
		Document html = page.html();
		assertThat(html.title()).contains("Админ-панель");
		assertThat(html.selectFirst("#nav-admin").attr("href")).isEqualTo("/admin");
		long users = this.jdbc.sql("select count(*) from users").query(Long.class).single();
		assertThat(html.selectFirst("#count-users .zg-count").text()).isEqualTo(String.valueOf(users));
		assertThat(html.selectFirst("#count-listings .zg-count").text()).isEqualTo("1");
		assertThat(html.selectFirst("#count-today .zg-count").text()).isEqualTo("1");
		assertThat(html.selectFirst("#count-month .zg-count").text()).isEqualTo("1");
		assertThat(html.selectFirst("#count-hidden .zg-count").text()).isEqualTo("1");
		assertThat(html.selectFirst("#count-complained .zg-count").text()).isEqualTo("1");
		assertThat(html.selectFirst("#count-dead .zg-count").text()).isEqualTo("1");
		assertThat(html.selectFirst("#count-dead").attr("href")).isEqualTo("/admin/notifications");
		assertThat(html.selectFirst("#count-hidden").attr("href")).isEqualTo("/admin/reviews?tab=hidden");
	}

	@Test
	void theSuperuserFindsAUserBlocksHimSoHeCannotSignInAndUnblocksHim() {
		SiteSession site = superuser();
		SiteSession.Page found = site
			.get("/admin/users?q=" + java.net.URLEncoder.encode("садыкова", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.html().select(".zg-admin-user")).hasSize(1);
		assertThat(found.html().selectFirst("#user-" + this.guest).text()).contains("adm-guest@test.kz", "Активен");
		SiteSession.Page blocked = site.post(found, "/admin/users/" + this.guest + "/block?q=adm-guest&page=0",
				Map.of());
		assertThat(blocked.status()).isEqualTo(302);
		assertThat(blocked.location()).endsWith("/admin/users?q=adm-guest&page=0");
		assertThat(active(this.guest)).isFalse();
		SiteSession.Page after = site.get(path(blocked));
		assertThat(after.html().selectFirst("#flash").text()).contains("Айгерим Садыкова", "заблокирован");
		assertThat(after.html().selectFirst("#user-" + this.guest + " .zg-user-status").text())
			.isEqualTo("Заблокирован");
		SiteSession guestSite = new SiteSession(this.port);
		SiteSession.Page login = guestSite.post(guestSite.get("/login"), "/login",
				Map.of("username", "adm-guest@test.kz", "password", IdentityFixtures.PASSWORD));
		assertThat(login.location()).contains("/login?error=blocked");
		SiteSession.Page unblocked = site.post(after, "/admin/users/" + this.guest + "/unblock", Map.of());
		assertThat(unblocked.status()).isEqualTo(302);
		assertThat(active(this.guest)).isTrue();
		new SiteSession(this.port).signIn("adm-guest@test.kz", IdentityFixtures.PASSWORD);
	}

	@Test
	void theSuperuserCannotBlockHimselfAndSeesWhy() {
		SiteSession site = superuser();
		long self = this.jdbc.sql("select id from users where email = 'adm-root@test.kz'").query(Long.class).single();
		SiteSession.Page page = site.get("/admin/users");
		SiteSession.Page refused = site.post(page, "/admin/users/" + self + "/block", Map.of());
		assertThat(site.get(path(refused)).html().selectFirst("#flash-error").text()).isNotBlank();
		assertThat(active(self)).isTrue();
	}

	@Test
	void hidingAComplainedReviewTakesItOffThePublicListAndRestoringBringsItBack() {
		SiteSession site = superuser();
		SiteSession.Page queue = site.get("/admin/reviews?tab=complained");
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.html().selectFirst("#review-" + this.complained).text()).contains("Грубый текст", "Жалоб: 1");
		assertThat(publicReviews()).contains("Грубый текст");
		SiteSession.Page noReason = site.post(queue, "/admin/reviews/" + this.complained + "/hide?tab=complained",
				Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(302);
		assertThat(site.get(path(noReason)).html().selectFirst("#flash-error").text()).isNotBlank();
		assertThat(status(this.complained)).isEqualTo("PUBLISHED");
		SiteSession.Page hiddenDone = site.post(queue, "/admin/reviews/" + this.complained + "/hide?tab=complained",
				Map.of("reason", "Оскорбления"));
		assertThat(hiddenDone.location()).endsWith("/admin/reviews?tab=complained&page=0");
		assertThat(status(this.complained)).isEqualTo("HIDDEN");
		assertThat(publicReviews()).doesNotContain("Грубый текст");
		assertThat(site.get(path(hiddenDone)).html().selectFirst("#flash").text())
			.contains(String.valueOf(this.complained));
		SiteSession.Page hiddenTab = site.get("/admin/reviews?tab=hidden");
		assertThat(hiddenTab.html().select(".zg-admin-review")).hasSize(2);
		assertThat(hiddenTab.html().selectFirst("#review-" + this.complained).text()).contains("Оскорбления");
		site.post(hiddenTab, "/admin/reviews/" + this.hidden + "/restore?tab=hidden", Map.of());
		assertThat(status(this.hidden)).isEqualTo("PUBLISHED");
		assertThat(publicReviews()).contains("Задержан проверкой спама.");
	}

	@Test
	void aDeadMessageShowsItsLastErrorAndRetryQueuesItAgain() {
		SiteSession site = superuser();
		SiteSession.Page page = site.get("/admin/notifications");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().selectFirst("#message-" + this.dead + " .zg-last-error").text())
			.isEqualTo("SMTP 550 mailbox unavailable");
		SiteSession.Page retried = site.post(page, "/admin/notifications/" + this.dead + "/retry", Map.of());
		assertThat(retried.status()).isEqualTo(302);
		assertThat(this.jdbc.sql("select status || ':' || attempts from notification_outbox where id = :id")
			.param("id", this.dead)
			.query(String.class)
			.single()).isEqualTo("PENDING:0");
		SiteSession.Page after = site.get(path(retried));
		assertThat(after.html().selectFirst("#flash").text()).contains(String.valueOf(this.dead));
		assertThat(after.html().select(".zg-dead-message")).isEmpty();
		SiteSession.Page again = site.post(after, "/admin/notifications/" + this.dead + "/retry", Map.of());
		assertThat(site.get(path(again)).html().selectFirst("#flash-error").text()).isNotBlank();
	}

	@Test
	void aRealtorGetsForbiddenOnEveryAdminPageAndActionAndSeesNoAdminLink() {
		SiteSession site = new SiteSession(this.port).signIn("adm-realtor@test.kz", IdentityFixtures.PASSWORD);
		for (String path : PAGES) {
			SiteSession.Page page = site.get(path);
			assertThat(page.status()).as(path).isEqualTo(403);
			assertThat(page.body()).as(path).contains("ЖильеGO").doesNotContain("SMTP 550", "Грубый текст");
		}
		SiteSession.Page home = site.get("/");
		assertThat(home.html().selectFirst("#nav-admin")).isNull();
		assertThat(site.post(home, "/admin/users/" + this.guest + "/block", Map.of()).status()).isEqualTo(403);
		assertThat(site.post(home, "/admin/reviews/" + this.complained + "/hide", Map.of("reason", "x")).status())
			.isEqualTo(403);
		assertThat(site.post(home, "/admin/notifications/" + this.dead + "/retry", Map.of()).status()).isEqualTo(403);
		for (String action : new String[] {
				"/admin/payments/refunds/" + java.util.UUID.randomUUID() + "/refunded-by-hand",
				"/admin/payments/" + java.util.UUID.randomUUID() + "/check",
				"/admin/payments/" + java.util.UUID.randomUUID() + "/resolve", "/admin/payments/differences/1/resolve",
				"/admin/payments/reconcile" }) {
			assertThat(site.post(home, action, Map.of()).status()).as(action).isEqualTo(403);
		}
		assertThat(active(this.guest)).isTrue();
		assertThat(status(this.complained)).isEqualTo("PUBLISHED");
	}

	@Test
	void aSignedOutVisitorIsSentToSignIn() {
		SiteSession site = new SiteSession(this.port);
		for (String path : PAGES) {
			SiteSession.Page page = site.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).endsWith("/login");
		}
	}

	/** The path of a redirect's target (the flashed result is kept for exactly it). */
	private static String path(SiteSession.Page redirect) {
		assertThat(redirect.status()).isEqualTo(302);
		java.net.URI location = java.net.URI.create(redirect.location());
		return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
	}

	private boolean active(long userId) {
		return this.jdbc.sql("select status = 'ACTIVE' from users where id = :id")
			.param("id", userId)
			.query(Boolean.class)
			.single();
	}

	private String status(long reviewId) {
		return this.jdbc.sql("select status from reviews where id = :id")
			.param("id", reviewId)
			.query(String.class)
			.single();
	}

	private String publicReviews() {
		SiteSession.Page page = new SiteSession(this.port).get("/listings/" + this.listing + "/reviews");
		assertThat(page.status()).isEqualTo(200);
		return page.body();
	}

}
