package kz.zhilyego.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.ExpireHolds;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Money;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentProperties;
import kz.zhilyego.payment.StartPayment;
import kz.zhilyego.payment.internal.CallbackFormat;
import kz.zhilyego.payment.internal.WebhookSignatures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment entries of the problems page end to end: a payment flagged by a callback
 * that named another amount is confirmed from the page (the booking confirms) or, when
 * its hold expired meanwhile and the dates were taken, confirmed over the API and
 * refunded automatically; "resolved" needs a note and changes nothing else; a refund the
 * provider refused is retried from the page. Each time the state changes, a
 * {@code problem.action} audit entry is written, the entry leaves the page and a second
 * try is refused.
 */
@IntegrationTest
class ProblemPaymentActionsIT {

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	StartPayment startPayment;

	@Autowired
	ExpireHolds expireHolds;

	@Autowired
	PaymentProperties properties;

	Api api;

	SiteSession site;

	IdentityFixtures identity;

	long superuser;

	long guest;

	long otherGuest;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		this.identity = identity;
		this.superuser = identity.superuser("pay-root@test.kz");
		long realtor = identity.realtor("pay-realtor@test.kz", null);
		this.guest = identity.user("pay-guest@test.kz");
		this.otherGuest = identity.user("pay-other@test.kz");
		// 3 nights × 20 000 = 60 000 KZT
		this.listing = new CatalogFixtures(this.jdbc, this.clock).listing()
			.owner(realtor)
			.title("Квартира на Абая")
			.price(20_000)
			.create();
		this.site = new SiteSession(this.port).signIn("pay-root@test.kz", IdentityFixtures.PASSWORD);
		this.site.get("/?lang=ru");
	}

	/**
	 * A HOLD and its payment, flagged: the provider's success named 59 000, not 60 000.
	 */
	private Flagged flagged() {
		UUID booking = new BookingFixtures(this.placeHold).hold(this.listing, DEC_10, DEC_13, this.guest).id();
		UUID payment = this.startPayment.start(booking, this.guest, "key-" + booking).payment().paymentId();
		String providerId = this.jdbc.sql("select provider_payment_id from payments where id = :id")
			.param("id", payment)
			.query(String.class)
			.single();
		String body = CallbackFormat.write("evt_mismatch_" + providerId,
				CallbackFormat.type(PaymentGateway.Outcome.PAID), providerId, Money.kzt(59_000),
				this.clock.instant().toString());
		String signature = WebhookSignatures.sign(this.properties.webhookSecret(),
				this.clock.instant().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
		Api.Response answer = this.api.post("/api/v1/payments/webhooks/sandbox", body, WebhookSignatures.HEADER,
				signature);
		assertThat(answer.json().path("effect").asString()).as(answer.body()).isEqualTo("FLAGGED");
		return new Flagged(booking, payment);
	}

	/** The superuser's bearer token, issued now on the test clock (it moves). */
	private String root() {
		return this.identity.bearer(this.superuser);
	}

	private record Flagged(UUID booking, UUID payment) {
	}

	/**
	 * The hold expired (15 minutes) and another guest took the dates: a confirmation now
	 * can only be refunded.
	 */
	private void expiredAndTaken() {
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.expireHolds.expireDue()).isEqualTo(1);
		new BookingFixtures(this.placeHold).hold(this.listing, DEC_10, DEC_13, this.otherGuest);
	}

	/**
	 * The provider's side: the guest's money did arrive (the person checked the cabinet).
	 */
	private void paidAtTheProvider(UUID payment) {
		this.jdbc
			.sql("update sandbox_provider_payments set status = 'PAID', completed_at = :now where payment_id = :id")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", payment)
			.update();
	}

	private String column(String sql, UUID id) {
		return this.jdbc.sql(sql).param("id", id).query(String.class).single();
	}

	private String auditOf(String subject) {
		return String.join(";", this.jdbc.sql("""
				select details ->> 'action' || '|' || coalesce(details ->> 'effect', '-')
				from audit_log where action = 'problem.action' and subject_type = 'payments' and subject_id = :subject
				order by id
				""").param("subject", subject).query(String.class).list());
	}

	private String flash(SiteSession.Page redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		Document next = this.site.get(redirect.location().replaceFirst("^https?://[^/]+", "")).html();
		return next.selectFirst("#flash") != null ? next.selectFirst("#flash").text()
				: "error: " + next.selectFirst("#flash-error").text();
	}

	@Test
	void anAmountMismatchIsConfirmedFromThePageTheBookingConfirmsAndASecondTryIsRefused() {
		Flagged flagged = flagged();
		String key = "payment:" + flagged.payment();
		SiteSession.Page page = this.site.get("/admin/problems");
		Document html = page.html();
		assertThat(html.selectFirst("#problem-payment-" + flagged.payment()).text()).contains("60000")
			.contains("amount_mismatch");
		assertThat(html.select("#problem-payment-" + flagged.payment() + " form").eachAttr("action")).containsExactly(
				"/admin/problems/payments/" + key + "/confirm", "/admin/problems/payments/" + key + "/resolve");

		assertThat(flash(this.site.post(page, "/admin/problems/payments/" + key + "/confirm", Map.of())))
			.contains("CONFIRMED");

		assertThat(column("select status from bookings where id = :id", flagged.booking())).isEqualTo("CONFIRMED");
		assertThat(column("select status || '|' || paid_amount from payments where id = :id", flagged.payment()))
			.isEqualTo("PAID|60000.00");
		assertThat(column("select (review_resolved_by is not null) || '|' || review_note from payments where id = :id",
				flagged.payment()))
			.isEqualTo("true|confirmed as paid by hand");
		assertThat(this.jdbc.sql("select count(*) from ledger_entries where booking_id = :id")
			.param("id", flagged.booking())
			.query(Long.class)
			.single()).as("the confirmation's ledger set").isEqualTo(4);
		assertThat(auditOf(key)).isEqualTo("confirm|CONFIRMED");
		assertThat(this.site.get("/admin/problems").html().selectFirst("#problem-payment-" + flagged.payment()))
			.isNull();

		assertThat(flash(this.site.post(page, "/admin/problems/payments/" + key + "/confirm", Map.of())))
			.as("already resolved")
			.isEqualTo("error: Эта запись уже закрыта; обновите страницу.");
		assertThat(auditOf(key)).isEqualTo("confirm|CONFIRMED");
	}

	@Test
	void aFlaggedPaymentIsResolvedWithANoteOnlyAndNothingElseChanges() {
		Flagged flagged = flagged();
		String key = "payment:" + flagged.payment();
		SiteSession.Page page = this.site.get("/admin/problems");
		assertThat(flash(this.site.post(page, "/admin/problems/payments/" + key + "/resolve", Map.of("note", " "))))
			.isEqualTo("error: Напишите комментарий.");
		assertThat(auditOf(key)).as("a refused action is not audited").isEmpty();
		assertThat(this.site.get("/admin/problems").html().selectFirst("#problem-payment-" + flagged.payment()))
			.isNotNull();

		assertThat(flash(this.site.post(page, "/admin/problems/payments/" + key + "/resolve",
				Map.of("note", "Гость оплатил другой бронью, деньги не приходили"))))
			.isEqualTo("Платёж отмечен как разобранный.");

		assertThat(column("select status || '|' || review_note from payments where id = :id", flagged.payment()))
			.isEqualTo("PENDING|Гость оплатил другой бронью, деньги не приходили");
		assertThat(column("select status from bookings where id = :id", flagged.booking())).isEqualTo("HOLD");
		assertThat(this.jdbc.sql("""
				select details ->> 'action' || '|' || (details ->> 'note') from audit_log
				where action = 'problem.action' and subject_id = :key
				""").param("key", key).query(String.class).single())
			.isEqualTo("resolve|Гость оплатил другой бронью, деньги не приходили");
		assertThat(this.site.get("/admin/problems").html().selectFirst("#problem-payment-" + flagged.payment()))
			.isNull();
		assertThat(flash(this.site.post(page, "/admin/problems/payments/" + key + "/resolve", Map.of("note", "x"))))
			.isEqualTo("error: Эта запись уже закрыта; обновите страницу.");
	}

	@Test
	void aFlaggedPaymentWhoseHoldExpiredIsConfirmedOverTheApiAndRefundedAutomatically() {
		Flagged flagged = flagged();
		expiredAndTaken();
		paidAtTheProvider(flagged.payment());
		String key = "payment:" + flagged.payment();
		Api.Response open = this.api.get("/api/v1/admin/problems", "Authorization", root());
		assertThat(open.status()).isEqualTo(200);
		assertThat(open.json().findValuesAsString("key")).contains(key);

		Api.Response confirmed = this.api.post("/api/v1/admin/problems/payments/" + key + "/confirm", "{}",
				"Authorization", root());

		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().path("audit").path("effect").asString()).isEqualTo("REFUND_REQUIRED");
		assertThat(column("select status from bookings where id = :id", flagged.booking())).isEqualTo("EXPIRED");
		assertThat(column("select status from payments where id = :id", flagged.payment())).isEqualTo("REFUNDED");
		assertThat(column(
				"select kind || '|' || status || '|' || amount || '|' || reason from refunds where payment_id = :id",
				flagged.payment()))
			.isEqualTo("AUTOMATIC|SUCCEEDED|60000.00|dates_taken_after_expiry");
		assertThat(column("select refunded::text from sandbox_provider_payments where payment_id = :id",
				flagged.payment()))
			.isEqualTo("60000.00");
		assertThat(this.jdbc.sql("select count(*) from ledger_entries where booking_id = :id")
			.param("id", flagged.booking())
			.query(Long.class)
			.single()).as("an unconfirmed booking books nothing").isZero();
		assertThat(auditOf(key)).isEqualTo("confirm|REFUND_REQUIRED");
		assertThat(this.api.get("/api/v1/admin/problems", "Authorization", root()).json().findValuesAsString("key"))
			.doesNotContain(key);

		Api.Response again = this.api.post("/api/v1/admin/problems/payments/" + key + "/confirm", "{}", "Authorization",
				root());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.header("Content-Type")).startsWith("application/problem+json");
		assertThat(column("select count(*)::text from refunds where payment_id = :id", flagged.payment()))
			.as("never a second refund")
			.isEqualTo("1");
		assertThat(auditOf(key)).isEqualTo("confirm|REFUND_REQUIRED");
	}

	@Test
	void aRefundTheProviderRefusedIsListedAndRetriedFromThePage() {
		Flagged flagged = flagged();
		expiredAndTaken();
		// confirmed while the provider does not show the money yet: the refund is refused
		// (not paid there), for good
		Api.Response confirmed = this.api.post(
				"/api/v1/admin/problems/payments/payment:" + flagged.payment() + "/confirm", "{}", "Authorization",
				root());
		assertThat(confirmed.json().path("audit").path("effect").asString()).isEqualTo("REFUND_REQUIRED");
		UUID refund = UUID.fromString(column("select id::text from refunds where payment_id = :id", flagged.payment()));
		assertThat(column("select status from refunds where id = :id", refund)).isEqualTo("FAILED");
		String key = "refund:" + refund;

		SiteSession.Page page = this.site.get("/admin/problems");
		Document html = page.html();
		assertThat(html.selectFirst("#problem-payment-" + flagged.payment())).as("the payment itself is resolved")
			.isNull();
		assertThat(html.selectFirst("#problem-refund-" + refund).text()).contains("60000")
			.contains("refund exceeds what is left or payment not paid");
		assertThat(html.select("#problem-refund-" + refund + " form").eachAttr("action"))
			.containsExactly("/admin/problems/payments/" + key + "/retry");

		paidAtTheProvider(flagged.payment());
		assertThat(flash(this.site.post(page, "/admin/problems/payments/" + key + "/retry", Map.of())))
			.isEqualTo("Возврат выполнен.");

		assertThat(column(
				"select status || '|' || attempts || '|' || coalesce(last_error, '-') from refunds where id = :id",
				refund))
			.isEqualTo("SUCCEEDED|1|-");
		assertThat(column("select status from payments where id = :id", flagged.payment())).isEqualTo("REFUNDED");
		assertThat(column("select refunded::text from sandbox_provider_payments where payment_id = :id",
				flagged.payment()))
			.isEqualTo("60000.00");
		assertThat(auditOf(key)).isEqualTo("retry|-");
		assertThat(this.jdbc.sql("select details ->> 'refundId' from audit_log where subject_id = :key")
			.param("key", key)
			.query(String.class)
			.single()).isEqualTo(refund.toString());
		assertThat(this.site.get("/admin/problems").html().selectFirst("#problem-refund-" + refund)).isNull();

		assertThat(flash(this.site.post(page, "/admin/problems/payments/" + key + "/retry", Map.of())))
			.as("already done")
			.isEqualTo("error: Эта запись уже закрыта; обновите страницу.");
		assertThat(column("select refunded::text from sandbox_provider_payments where payment_id = :id",
				flagged.payment()))
			.as("never refunded twice")
			.isEqualTo("60000.00");
	}

}
