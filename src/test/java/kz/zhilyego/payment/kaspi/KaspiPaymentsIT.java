package kz.zhilyego.payment.kaspi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.payment.PaymentStatus;
import kz.zhilyego.payment.RenewPayment;
import kz.zhilyego.payment.StartPayment;
import kz.zhilyego.payment.internal.ExecuteRefunds;
import kz.zhilyego.payment.internal.PollPayments;
import kz.zhilyego.payment.internal.SettlePayment;
import kz.zhilyego.web.SiteSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ЖильеGO with {@code provider=kaspi} on the enhanced contract (client certificate, trust
 * store, BIN, over mutual TLS), QR form, with remote invoices — against
 * {@link FakeKaspi}, a real local server speaking Kaspi's QR API with its error codes.
 * The guest pays through the web wizard and the API; the tests play the guest's phone and
 * Kaspi, and run the jobs on the app's own test clock.
 */
@IntegrationTest
class KaspiPaymentsIT {

	static FakeKaspi kaspi;

	static ConfigurableApplicationContext app;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	MutableClock clock;

	Api api;

	long guest;

	long superuser;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		if (kaspi == null) {
			kaspi = new FakeKaspi(() -> app.getBean(MutableClock.class).instant(), true);
		}
		kaspi.clear();
		if (app == null) {
			Map<String, Object> properties = new java.util.LinkedHashMap<>(KaspiApp.enhancedOverTls());
			properties.put("zhilyego.payment.kaspi.form", "qr");
			properties.put("zhilyego.payment.kaspi.remote-invoice", true);
			app = KaspiApp.start(this.dataSource, kaspi, properties);
		}
		this.clock = app.getBean(MutableClock.class);
		this.clock.reset();
		this.api = new Api(TestApps.port(app));
		IdentityFixtures identity = new IdentityFixtures(app);
		this.guest = identity.user("kaspi-guest@test.kz");
		this.superuser = identity.superuser("kaspi-admin@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing().title("Студия у Байтерека").price(20_000).create();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
			app = null;
		}
		if (kaspi != null) {
			kaspi.close();
			kaspi = null;
		}
	}

	@Test
	void createScanProcessedConfirmsTheBookingAndWithdrawsTheRemoteInvoice() {
		String booking = hold("2026-12-10", "2026-12-13");
		JsonNode payment = pay(booking, "pay-1");
		String paymentId = payment.path("paymentId").asString();
		String qrId = providerId(paymentId);

		assertThat(payment.path("provider").asString()).isEqualTo("kaspi");
		assertThat(payment.path("qr").asString()).startsWith("51236903777280167836178166");
		assertThat(payment.path("qrExpiresAt").asString()).isEqualTo("2026-12-01T05:03:00Z");
		FakeKaspi.Recorded create = kaspi.requests("/qr/create").get(0);
		assertThat(create.path()).isEqualTo("/r3/v01/qr/create");
		assertThat(create.json().path("Amount").isIntegralNumber()).isTrue();
		assertThat(create.json().path("Amount").asLong()).isEqualTo(60_000);
		assertThat(create.json().path("OrganizationBin").asString()).isEqualTo("123456789012");
		assertThat(create.json().path("ExternalId").asString()).isEqualTo(paymentId);
		String invoice = remoteInvoiceOf(paymentId);
		assertThat(kaspi.purchase(providerId(invoice)).kind).isEqualTo("REMOTE");

		kaspi.scan(qrId);
		assertThat(check(paymentId).path("status").asString()).as("asked before it is due: nothing")
			.isEqualTo("PENDING");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(check(paymentId).path("status").asString()).isEqualTo("PENDING");
		kaspi.pay(qrId);
		this.clock.advance(Duration.ofSeconds(5));

		assertThat(check(paymentId).path("status").asString()).isEqualTo("PAID");
		assertThat(status("bookings", booking)).isEqualTo("CONFIRMED");
		assertThat(net(booking, "GROSS")).isEqualByComparingTo("60000");
		assertThat(kaspi.requests("/remote/cancel")).hasSize(1);
		this.clock.advance(Duration.ofSeconds(5));
		poll();
		assertThat(status("payments", invoice)).isEqualTo("CANCELLED");
		List<String> requestIds = kaspi.requests().stream().map(FakeKaspi.Recorded::requestId).toList();
		assertThat(requestIds).doesNotHaveDuplicates().doesNotContain(paymentId);
		assertThat(kaspi.requests("/payment/status/")).allSatisfy(r -> assertThat(r.path()).startsWith("/r3/v02/"));
	}

	@Test
	void aLapsedQrIsClosedOnTheHoldPageANewQrGetsPaidAndTheOldOneIsStillCheckedForALateSuccess() {
		String booking = hold("2026-12-10", "2026-12-13");
		SiteSession site = new SiteSession(TestApps.port(app)).signIn("kaspi-guest@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page holdPage = site.get("/account/bookings/" + booking);
		SiteSession.Page paid = site.post(holdPage, "/account/bookings/" + booking + "/pay",
				Map.of("token", holdPage.html().select("input[name=token]").val()));
		assertThat(paid.location()).contains("?pay=");
		String first = paid.location().substring(paid.location().indexOf("?pay=") + 5);
		Api.Response early = this.api.post("/api/v1/bookings/" + booking + "/payments/renew", "", "Authorization",
				bearer(), "Idempotency-Key", "renew-early");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().path("type").asString()).endsWith("payment-qr-valid");

		this.clock.advance(FakeKaspi.QR_LIFETIME.plusSeconds(1));
		Document lapsed = site.get("/account/bookings/" + booking + "?pay=" + first).html();
		assertThat(lapsed.select("#kaspi-qr")).isEmpty();
		assertThat(lapsed.select("#qr-lapsed #new-qr")).hasSize(1);
		SiteSession.Page renewed = site.post(site.get("/account/bookings/" + booking + "?pay=" + first),
				"/account/bookings/" + booking + "/pay/renew",
				Map.of("token", lapsed.select("input[name=token]").val()));

		assertThat(renewed.location()).contains("?pay=").doesNotContain(first);
		String second = renewed.location().substring(renewed.location().indexOf("?pay=") + 5);
		assertThat(status("payments", first)).isEqualTo("EXPIRED");
		assertThat(column("payments", first, "failure_reason")).isEqualTo("qr_lapsed");
		assertThat(site.get("/account/bookings/" + booking + "?pay=" + second).html().select("#kaspi-qr img"))
			.hasSize(1);

		kaspi.pay(providerId(second));
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(site.get("/account/bookings/" + booking + "/payments/" + second + "/status").header("HX-Redirect"))
			.isEqualTo("/account/bookings/" + booking + "?payment=paid");
		assertThat(status("bookings", booking)).isEqualTo("CONFIRMED");

		// the lapsed QR was paid at the last second after all: a late check finds it and
		// the money goes back (the booking is paid already)
		kaspi.pay(providerId(first));
		this.clock.advance(Duration.ofMinutes(5));
		poll();
		assertThat(status("payments", first)).isEqualTo("REFUNDED");
		assertThat(kaspi.purchase(providerId(first)).returned).isEqualByComparingTo("60000");
		assertThat(status("bookings", booking)).isEqualTo("CONFIRMED");
	}

	@Test
	void theChatsPayButtonKeepsALinkThatStillWorksAndRenewsALapsedOneOnce() {
		String booking = hold("2026-12-10", "2026-12-13");
		UUID bookingId = UUID.fromString(booking);
		RenewPayment payments = app.getBean(RenewPayment.class);

		StartPayment.Started first = payments.payOrRenew(bookingId, this.guest, "telegram:pay:" + booking);
		StartPayment.Started tappedAgain = payments.payOrRenew(bookingId, this.guest, "telegram:pay:" + booking);
		assertThat(first.created()).isTrue();
		assertThat(tappedAgain.created()).isFalse();
		assertThat(tappedAgain.payment().paymentId()).isEqualTo(first.payment().paymentId());

		this.clock.advance(FakeKaspi.QR_LIFETIME.plusSeconds(1));
		StartPayment.Started renewed = payments.payOrRenew(bookingId, this.guest, "telegram:pay:" + booking);
		StartPayment.Started doubleTap = payments.payOrRenew(bookingId, this.guest, "telegram:pay:" + booking);

		String old = first.payment().paymentId().toString();
		assertThat(renewed.created()).isTrue();
		assertThat(renewed.payment().paymentId()).isNotEqualTo(first.payment().paymentId());
		assertThat(doubleTap.payment().paymentId()).isEqualTo(renewed.payment().paymentId());
		assertThat(status("payments", old)).isEqualTo("EXPIRED");
		assertThat(column("payments", old, "failure_reason")).isEqualTo("qr_lapsed");
		assertThat(this.jdbc.sql("select count(*) from payments where booking_id = :b and parent_payment_id is null")
			.param("b", bookingId)
			.query(Long.class)
			.single()).isEqualTo(2);

		kaspi.pay(providerId(renewed.payment().paymentId().toString()));
		this.clock.advance(Duration.ofSeconds(3));
		poll();
		assertThat(status("bookings", booking)).isEqualTo("CONFIRMED");
		StartPayment.Started afterPaying = payments.payOrRenew(bookingId, this.guest, "telegram:pay:" + booking);
		assertThat(afterPaying.payment().status()).isEqualTo(PaymentStatus.PAID);
		assertThat(afterPaying.payment().paymentId()).isEqualTo(renewed.payment().paymentId());
	}

	@Test
	void aPaymentAndItsRemoteInvoiceKeepTheIdOfTheRequestThatStartedThemAndArePolledUnderIt() {
		String booking = hold("2026-12-10", "2026-12-13");
		Api.Response started = this.api.post("/api/v1/bookings/" + booking + "/payments", "", "Authorization", bearer(),
				"Idempotency-Key", "pay-traced");
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String requestId = started.header("X-Request-Id");
		String payment = started.json().path("paymentId").asString();
		String invoice = remoteInvoiceOf(payment);
		assertThat(requestId).isNotBlank();
		assertThat(column("payments", payment, "request_id")).isEqualTo(requestId);
		assertThat(column("payments", invoice, "request_id")).isEqualTo(requestId);

		Logger settleLog = (Logger) LoggerFactory.getLogger(SettlePayment.class);
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		Level level = settleLog.getLevel();
		settleLog.setLevel(Level.INFO);
		settleLog.addAppender(lines);
		try {
			kaspi.pay(providerId(invoice));
			this.clock.advance(Duration.ofSeconds(3));
			poll();
		}
		finally {
			settleLog.detachAppender(lines);
			settleLog.setLevel(level);
		}

		assertThat(status("payments", invoice)).isEqualTo("PAID");
		assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().startsWith("Payment " + invoice))
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line.getMDCPropertyMap()).containsEntry("requestId", requestId));
	}

	@Test
	void aPaidRemoteInvoiceConfirmsTheBookingAndAQrPaidAsWellIsRefunded() {
		String booking = hold("2026-12-10", "2026-12-13");
		String payment = pay(booking, "pay-remote").path("paymentId").asString();
		String invoice = remoteInvoiceOf(payment);
		FakeKaspi.Recorded sent = kaspi.requests("/remote/create").get(0);
		assertThat(sent.json().path("PhoneNumber").asString()).isEqualTo("77011234567");
		assertThat(sent.json().path("Amount").asLong()).isEqualTo(60_000);

		kaspi.pay(providerId(invoice));
		this.clock.advance(Duration.ofSeconds(3));
		poll();

		assertThat(status("payments", invoice)).isEqualTo("PAID");
		assertThat(status("bookings", booking)).isEqualTo("CONFIRMED");
		assertThat(this.jdbc.sql("select payment_id from ledger_entries where booking_id = :b and entry_type = 'GROSS'")
			.param("b", UUID.fromString(booking))
			.query(UUID.class)
			.single()).isEqualTo(UUID.fromString(invoice));

		kaspi.pay(providerId(payment));
		this.clock.advance(Duration.ofSeconds(5));
		poll();
		assertThat(status("payments", payment)).isEqualTo("REFUNDED");
		assertThat(kaspi.purchase(providerId(payment)).returned).isEqualByComparingTo("60000");
		assertThat(kaspi.purchase(providerId(invoice)).returned).isEqualByComparingTo("0");
		assertThat(net(booking, "GROSS")).isEqualByComparingTo("60000");
	}

	@Test
	void anUnknownStatusAlertsTheSuperuserShowsInTheQueueAndTheGuestCanPayAgain() {
		String booking = hold("2026-12-10", "2026-12-13");
		String first = pay(booking, "pay-a").path("paymentId").asString();
		kaspi.status(providerId(first), "SomethingNewFromKaspi");
		this.clock.advance(Duration.ofSeconds(3));

		assertThat(check(first).path("status").asString()).isEqualTo("UNKNOWN");
		assertThat(column("payments", first, "review_reason")).isEqualTo("unknown_status:SomethingNewFromKaspi");
		await().atMost(Duration.ofSeconds(10)).until(() -> outbox("PAYMENT_ATTENTION_ADMIN") > 0);
		JsonNode queue = this.api.get("/api/v1/admin/payments/queue", "Authorization", adminBearer()).json();
		assertThat(queue.path("payments")).hasSize(1);
		assertThat(queue.path("payments").get(0).path("paymentId").asString()).isEqualTo(first);
		assertThat(queue.path("payments").get(0).path("status").asString()).isEqualTo("UNKNOWN");

		Api.Response again = this.api.post("/api/v1/bookings/" + booking + "/payments", "", "Authorization", bearer(),
				"Idempotency-Key", "pay-b");
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		String second = again.json().path("paymentId").asString();
		kaspi.pay(providerId(second));
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(check(second).path("status").asString()).isEqualTo("PAID");
		assertThat(status("bookings", booking)).isEqualTo("CONFIRMED");

		// Kaspi's mystery status turns out to be a success: the money goes back
		kaspi.pay(providerId(first));
		this.clock.advance(Duration.ofMinutes(5));
		poll();
		assertThat(status("payments", first)).isEqualTo("REFUNDED");
		assertThat(column("payments", first, "review_resolved_at")).isNotNull();
	}

	@Test
	void aDayWithoutAFinalAnswerMakesThePaymentUnknownNotExpiredAndPurchaseNotFoundIsNotPolledForever() {
		String booking = hold("2026-12-10", "2026-12-13");
		String waiting = pay(booking, "pay-w").path("paymentId").asString();
		kaspi.scan(providerId(waiting));
		this.clock.advance(Duration.ofHours(24));
		poll();
		assertThat(status("payments", waiting)).isEqualTo("UNKNOWN");
		assertThat(column("payments", waiting, "review_reason")).isEqualTo("no_final_status:Wait");
		await().atMost(Duration.ofSeconds(10)).until(() -> outbox("PAYMENT_ATTENTION_ADMIN") > 0);

		String other = hold("2026-12-20", "2026-12-22");
		String gone = pay(other, "pay-gone").path("paymentId").asString();
		kaspi.forget(providerId(gone));
		this.clock.advance(Duration.ofSeconds(5));
		poll();
		assertThat(status("payments", gone)).as("-1601 right after create: not there yet").isEqualTo("PENDING");
		this.clock.advance(Duration.ofMinutes(2));
		poll();
		assertThat(status("payments", gone)).isEqualTo("FAILED");
		assertThat(column("payments", gone, "poll_after")).isNull();
		int asked = kaspi.requests("/payment/status/" + providerId(gone)).size();
		this.clock.advance(Duration.ofHours(1));
		poll();
		assertThat(kaspi.requests("/payment/status/" + providerId(gone))).hasSize(asked);
	}

	@Test
	void aRefundWhoseAnswerWasLostIsCheckedInThePaymentDetailsAndNeverSentTwice() {
		String booking = confirmedBooking("2026-12-10", "2026-12-13");
		kaspi.loseNextReturnAnswer(KaspiApp.READ_TIMEOUT.multipliedBy(2));

		cancel(booking);

		await().atMost(Duration.ofSeconds(40))
			.until(() -> this.jdbc.sql("select count(*) from refunds where last_error like '%no answer%'")
				.query(Long.class)
				.single() == 1);
		String refund = this.jdbc.sql("select id from refunds").query(String.class).single();
		assertThat(status("refunds", refund)).isEqualTo("PENDING");
		String payment = this.jdbc.sql("select payment_id from refunds").query(String.class).single();
		assertThat(kaspi.purchase(providerId(payment)).returned).as("Kaspi made it").isEqualByComparingTo("60000");

		this.clock.advance(Duration.ofMinutes(2));
		app.getBean(ExecuteRefunds.class).retryDue();

		assertThat(status("refunds", refund)).isEqualTo("SUCCEEDED");
		assertThat(column("refunds", refund, "provider_refund_id")).startsWith("returned-per-details:");
		assertThat(kaspi.requests("/payment/return")).hasSize(1);
		assertThat(kaspi.requests("/payment/details")).hasSize(1);
		assertThat(kaspi.purchase(providerId(payment)).returned).isEqualByComparingTo("60000");
		assertThat(status("payments", payment)).isEqualTo("REFUNDED");
		assertThat(net(booking, "GROSS")).isEqualByComparingTo("0");
	}

	@Test
	void tiynTotalsAreRoundedToWholeTengeAndAHalfRefundIsWholeTengeToo() {
		long odd = new CatalogFixtures(this.jdbc).listing().price(10_001).weekendUplift(15).create();
		// Thursday and Friday night: 10 001 + 11 501.15 → 10 001 + 11 501
		String booking = this.api.post("/api/v1/bookings", """
				{"listingId":%d,"checkIn":"2026-12-03","checkOut":"2026-12-05","guests":1,"guestName":"Гость",
				 "guestPhone":"+77011234567","rulesAccepted":true}
				""".formatted(odd), "Authorization", bearer(), "Idempotency-Key", "odd").json().path("id").asString();
		assertThat(decimal("bookings", booking, "total")).isEqualByComparingTo("21502");
		assertThat(decimal("bookings", booking, "platform_commission")).isEqualByComparingTo("2150");
		assertThat(decimal("bookings", booking, "gateway_fee")).isEqualByComparingTo("538");
		String payment = pay(booking, "pay-odd").path("paymentId").asString();
		assertThat(kaspi.requests("/qr/create").get(0).json().path("Amount").asString()).isEqualTo("21502");
		kaspi.pay(providerId(payment));
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(check(payment).path("status").asString()).isEqualTo("PAID");
		assertThat(column("payments", payment, "review_reason")).isNull();
		assertThat(status("bookings", booking)).isEqualTo("CONFIRMED");

		// 16 h before check-in (14:00 on the 3rd): 50 % of 21 502 = 10 751
		this.clock.set(java.time.Instant.parse("2026-12-02T17:00:00Z"));
		cancel(booking);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "SUCCEEDED".equals(this.jdbc.sql("select status from refunds").query(String.class).single()));
		assertThat(this.jdbc.sql("select amount from refunds").query(BigDecimal.class).single())
			.isEqualByComparingTo("10751");
		assertThat(kaspi.requests("/payment/return").get(0).json().path("Amount").asString()).isEqualTo("10751");
		assertThat(net(booking, "GROSS")).isEqualByComparingTo("10751");
		assertThat(net(booking, "PLATFORM_COMMISSION").add(net(booking, "REALTOR_PAYOUT")))
			.isEqualByComparingTo(net(booking, "GROSS"));
		assertThat(this.jdbc.sql("select count(*) from ledger_entries where amount <> round(amount)")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void reconciliationFindsAPaymentKaspiShowsAsPaidThatWeDoNotAndReportsIt() {
		String booking = hold("2026-12-10", "2026-12-13");
		String payment = pay(booking, "pay-r").path("paymentId").asString();
		this.clock.advance(FakeKaspi.QR_LIFETIME.plusSeconds(1));
		poll();
		assertThat(status("payments", payment)).isEqualTo("EXPIRED");
		// paid at Kaspi, and none of our checks saw it
		kaspi.pay(providerId(payment));
		String confirmed = confirmedBooking("2026-12-20", "2026-12-22");
		this.clock.set(java.time.Instant.parse("2026-12-02T00:00:00Z"));

		Api.Response run = this.api.post("/api/v1/admin/payments/reconciliations", Map.of("day", "2026-12-01"),
				"Authorization", adminBearer());

		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(run.json().path("differences").asInt()).isEqualTo(1);
		assertThat(run.json().path("unchecked").asInt()).isZero();
		assertThat(run.json().path("checked").asInt()).isGreaterThanOrEqualTo(2);
		JsonNode queue = this.api.get("/api/v1/admin/payments/queue", "Authorization", adminBearer()).json();
		JsonNode difference = queue.path("differences").get(0);
		assertThat(difference.path("paymentId").asString()).isEqualTo(payment);
		assertThat(difference.path("kind").asString()).isEqualTo("paid_at_provider_only");
		assertThat(difference.path("ours").asString()).isEqualTo("EXPIRED");
		assertThat(queue.path("differences")).hasSize(1);
		assertThat(confirmed).isNotBlank();
		await().atMost(Duration.ofSeconds(10)).until(() -> outbox("RECONCILIATION_REPORT_ADMIN") > 0);
		MeterRegistry meters = app.getBean(MeterRegistry.class);
		assertThat(meters.get("zhilyego.payments.reconciliation.differences").gauge().value()).isEqualTo(1);
		assertThat(meters.get("zhilyego.payments.reconciliation.open.differences").gauge().value()).isEqualTo(1);
		Api.Response again = this.api.post("/api/v1/admin/payments/reconciliations", Map.of("day", "2026-12-01"),
				"Authorization", adminBearer());
		assertThat(again.json().path("differences").asInt()).as("one run per day").isEqualTo(1);
		assertThat(this.api
			.post("/api/v1/admin/payments/reconciliations", Map.of("day", "2026-12-02"), "Authorization", adminBearer())
			.status()).as("a day not over yet").isEqualTo(400);

		// the superuser asks Kaspi: the late payment confirms the booking (dates still
		// free)
		Api.Response checked = this.api.post("/api/v1/admin/payments/" + payment + "/check", "", "Authorization",
				adminBearer());
		assertThat(checked.json().path("status").asString()).isEqualTo("PAID");
		assertThat(status("bookings", booking)).isEqualTo("CONFIRMED");
	}

	@Test
	void aReconciliationWhoseNodeDiedIsTakenOverAfterAnHourButARunningOneIsNot() {
		String payment = pay(hold("2026-12-10", "2026-12-13"), "pay-s").path("paymentId").asString();
		kaspi.pay(providerId(payment));
		this.clock.set(java.time.Instant.parse("2026-12-02T00:00:00Z"));
		this.jdbc.sql("""
				insert into payment_reconciliations (day, provider, started_at)
				values ('2026-12-01', 'kaspi', '2026-12-01T23:30:00Z')
				""").update();

		Api.Response running = this.api.post("/api/v1/admin/payments/reconciliations", Map.of("day", "2026-12-01"),
				"Authorization", adminBearer());
		assertThat(running.json().path("checked").asInt()).as("started 30 min ago: someone is on it").isZero();
		assertThat(kaspi.requests("/payment/status/")).isEmpty();

		this.clock.advance(Duration.ofHours(1));
		Api.Response takenOver = this.api.post("/api/v1/admin/payments/reconciliations", Map.of("day", "2026-12-01"),
				"Authorization", adminBearer());
		assertThat(takenOver.json().path("differences").asInt()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from payment_reconciliations").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void theWholeFlowThroughTheWebWizardWithKaspiConfirmsAndRefunds() {
		SiteSession site = new SiteSession(TestApps.port(app)).signIn("kaspi-guest@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page form = site.get("/book/" + this.listing);
		SiteSession.Page placed = site.post(form, "/book/" + this.listing,
				Map.of("checkIn", "2026-12-10", "checkOut", "2026-12-12", "guests", "1", "guestName", "Ерлан",
						"guestPhone", "+7 701 555 44 35", "rulesAccepted", "true", "token",
						form.html().select("input[name=token]").val()));
		assertThat(placed.status()).isEqualTo(302);
		String booking = this.jdbc.sql("select id from bookings").query(String.class).single();
		SiteSession.Page holdPage = site.get("/account/bookings/" + booking);
		assertThat(holdPage.html().select("#pay-button")).hasSize(1);

		SiteSession.Page started = site.post(holdPage, "/account/bookings/" + booking + "/pay",
				Map.of("token", holdPage.html().select("input[name=token]").val()));
		String payment = started.location().substring(started.location().indexOf("?pay=") + 5);
		Document qrPage = site.get("/account/bookings/" + booking + "?pay=" + payment).html();
		assertThat(qrPage.select("#kaspi-qr img").attr("src")).startsWith("data:image/png;base64,");
		String watch = qrPage.selectFirst("#kaspi-watch").attr("data-hx-get");
		assertThat(watch).isEqualTo("/account/bookings/" + booking + "/payments/" + payment + "/status");
		assertThat(site.get(watch).status()).isEqualTo(204);

		kaspi.scan(providerId(payment));
		kaspi.pay(providerId(payment));
		this.clock.advance(Duration.ofSeconds(3));
		SiteSession.Page done = site.get(watch);
		assertThat(done.header("HX-Redirect")).isEqualTo("/account/bookings/" + booking + "?payment=paid");
		assertThat(site.get("/account/bookings/" + booking + "?payment=paid").html().select("#confirmed-title"))
			.hasSize(1);
		assertThat(site.get("/payments/" + payment + "/return").header("Refresh")).contains("payment=paid");

		SiteSession.Page cancelForm = site.get("/account/bookings/" + booking + "/cancel");
		SiteSession.Page cancelled = site.post(cancelForm, "/account/bookings/" + booking + "/cancel",
				Map.of("reason", "CHANGE_OF_PLANS"));
		assertThat(cancelled.status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED".equals(status("payments", payment)));
		assertThat(kaspi.purchase(providerId(payment)).returned).isEqualByComparingTo("40000");
		assertThat(kaspi.requests("/payment/return").get(0).json().path("QrPaymentId").isIntegralNumber()).isTrue();
		assertThat(net(booking, "GROSS")).isEqualByComparingTo("0");
		assertThat(net(booking, "PLATFORM_COMMISSION")).isEqualByComparingTo("0");
		assertThat(net(booking, "REALTOR_PAYOUT")).isEqualByComparingTo("0");
	}

	// --- helpers

	/** A token issued now on the app's clock (the tests move it by hours). */
	private String bearer() {
		return new IdentityFixtures(app).bearer(this.guest);
	}

	private String adminBearer() {
		return new IdentityFixtures(app).bearer(this.superuser);
	}

	private String confirmedBooking(String checkIn, String checkOut) {
		String booking = hold(checkIn, checkOut);
		String payment = pay(booking, "pay-" + booking).path("paymentId").asString();
		kaspi.pay(providerId(payment));
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(check(payment).path("status").asString()).isEqualTo("PAID");
		return booking;
	}

	private String hold(String checkIn, String checkOut) {
		Api.Response created = this.api.post("/api/v1/bookings", """
				{"listingId":%d,"checkIn":"%s","checkOut":"%s","guests":1,"guestName":"Гость",
				 "guestPhone":"+77011234567","rulesAccepted":true}
				""".formatted(this.listing, checkIn, checkOut), "Authorization", bearer(), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private JsonNode pay(String booking, String key) {
		Api.Response payment = this.api.post("/api/v1/bookings/" + booking + "/payments", "", "Authorization", bearer(),
				"Idempotency-Key", key);
		assertThat(payment.status()).as(payment.body()).isEqualTo(201);
		return payment.json();
	}

	private JsonNode check(String payment) {
		return this.api.get("/api/v1/payments/" + payment, "Authorization", bearer()).json();
	}

	private void cancel(String booking) {
		Api.Response cancelled = this.api.post("/api/v1/bookings/" + booking + "/cancel",
				Map.of("reason", "CHANGE_OF_PLANS"), "Authorization", bearer());
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
	}

	private void poll() {
		app.getBean(PollPayments.class).pollDue();
	}

	private String providerId(String payment) {
		return column("payments", payment, "provider_payment_id");
	}

	private String remoteInvoiceOf(String payment) {
		return this.jdbc.sql("select id from payments where parent_payment_id = :p")
			.param("p", UUID.fromString(payment))
			.query(String.class)
			.single();
	}

	private String status(String table, String id) {
		return column(table, id, "status");
	}

	private String column(String table, String id, String column) {
		List<String> values = this.jdbc.sql("select " + column + "::text from " + table + " where id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list();
		return values.isEmpty() ? null : values.get(0);
	}

	private BigDecimal decimal(String table, String id, String column) {
		return this.jdbc.sql("select " + column + " from " + table + " where id = :id")
			.param("id", UUID.fromString(id))
			.query(BigDecimal.class)
			.single();
	}

	private BigDecimal net(String booking, String type) {
		return this.jdbc.sql("""
				select coalesce(sum(amount), 0) from ledger_entries
				where booking_id = :b and entry_type in (:type, :type || '_REVERSAL')
				""").param("b", UUID.fromString(booking)).param("type", type).query(BigDecimal.class).single();
	}

	private long outbox(String kind) {
		return this.jdbc.sql("select count(*) from notification_outbox where kind = :kind")
			.param("kind", kind)
			.query(Long.class)
			.single();
	}

}
