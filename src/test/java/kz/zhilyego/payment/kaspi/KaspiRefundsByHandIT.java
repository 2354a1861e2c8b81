package kz.zhilyego.payment.kaspi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.web.SiteSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The basic contract (r1, API key), which has no refunds, with
 * {@code kaspi.refunds: by-hand}: a cancellation refund is never sent to Kaspi but waits
 * in the superuser's queue; marking it "refunded by hand in the Kaspi cabinet" reverses
 * the ledger, tells the guest and is audited.
 */
@IntegrationTest
class KaspiRefundsByHandIT {

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
			kaspi = new FakeKaspi(() -> app.getBean(MutableClock.class).instant(), false);
		}
		kaspi.clear();
		if (app == null) {
			app = KaspiApp.start(this.dataSource, kaspi, Map.of("zhilyego.payment.kaspi.path-prefix", "/r1/v01",
					"zhilyego.payment.kaspi.api-key", "basic-api-key", "zhilyego.payment.kaspi.refunds", "by-hand"));
		}
		this.clock = app.getBean(MutableClock.class);
		this.clock.reset();
		this.api = new Api(TestApps.port(app));
		IdentityFixtures identity = new IdentityFixtures(app);
		this.guest = identity.user("hand-guest@test.kz");
		this.superuser = identity.superuser("hand-admin@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing().price(25_000).create();
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
	void aRefundOnTheBasicContractWaitsForAPersonWhoMarksItRefundedByHandAndTheLedgerBalances() {
		IdentityFixtures identity = new IdentityFixtures(app);
		String guestBearer = identity.bearer(this.guest);
		String booking = this.api.post("/api/v1/bookings", """
				{"listingId":%d,"checkIn":"2026-12-10","checkOut":"2026-12-12","guests":1,"guestName":"Гость",
				 "guestPhone":"+77011234567","rulesAccepted":true}
				""".formatted(this.listing), "Authorization", guestBearer, "Idempotency-Key", "hold")
			.json()
			.path("id")
			.asString();
		JsonNode payment = this.api
			.post("/api/v1/bookings/" + booking + "/payments", "", "Authorization", guestBearer, "Idempotency-Key",
					"pay")
			.json();
		String paymentId = payment.path("paymentId").asString();
		assertThat(kaspi.requests("/qr/create-link").get(0).path()).isEqualTo("/r1/v01/qr/create-link");
		kaspi.pay(providerId(paymentId));
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.api.get("/api/v1/payments/" + paymentId, "Authorization", guestBearer)
			.json()
			.path("status")
			.asString()).isEqualTo("PAID");

		Api.Response cancelled = this.api.post("/api/v1/bookings/" + booking + "/cancel",
				Map.of("reason", "CHANGE_OF_PLANS"), "Authorization", guestBearer);
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from refunds where status = 'MANUAL'")
				.query(Long.class)
				.single() == 1);
		String refund = this.jdbc.sql("select id from refunds").query(String.class).single();
		assertThat(kaspi.requests("/payment/return")).as("r1 has no refunds: nothing is sent").isEmpty();
		await().atMost(Duration.ofSeconds(10)).until(() -> outbox("PAYMENT_ATTENTION_ADMIN") > 0);

		String adminBearer = identity.bearer(this.superuser);
		JsonNode queue = this.api.get("/api/v1/admin/payments/queue", "Authorization", adminBearer).json();
		assertThat(queue.path("refunds")).hasSize(1);
		assertThat(queue.path("refunds").get(0).path("status").asString()).isEqualTo("MANUAL");
		assertThat(queue.path("refunds").get(0).path("amount").decimalValue()).isEqualByComparingTo("50000");
		assertThat(this.api
			.post("/api/v1/admin/payments/refunds/" + refund + "/refunded-by-hand", "{}", "Authorization", guestBearer)
			.status()).isEqualTo(403);

		SiteSession admin = new SiteSession(TestApps.port(app)).signIn("hand-admin@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page page = admin.get("/admin/payments");
		Document html = page.html();
		assertThat(html.select("#refund-" + refund)).hasSize(1);
		SiteSession.Page marked = admin.post(page, "/admin/payments/refunds/" + refund + "/refunded-by-hand",
				Map.of("reference", "KSP-7781"));
		assertThat(marked.location()).endsWith("/admin/payments");
		assertThat(admin.get("/admin/payments").html().select("#no-refunds")).hasSize(1);

		assertThat(status("refunds", refund)).isEqualTo("SUCCEEDED");
		assertThat(this.jdbc.sql("select provider_refund_id from refunds").query(String.class).single())
			.isEqualTo("by-hand:KSP-7781");
		assertThat(this.jdbc.sql("select settled_by from refunds").query(Long.class).single())
			.isEqualTo(this.superuser);
		assertThat(status("payments", paymentId)).isEqualTo("REFUNDED");
		assertThat(net(booking, "GROSS")).isEqualByComparingTo("0");
		assertThat(net(booking, "PLATFORM_COMMISSION")).isEqualByComparingTo("0");
		assertThat(net(booking, "GATEWAY_FEE")).isEqualByComparingTo("0");
		assertThat(net(booking, "REALTOR_PAYOUT")).isEqualByComparingTo("0");
		assertThat(this.jdbc.sql("""
				select actor_id from audit_log
				where action = 'payment.refund.refunded-by-hand' and subject_id = :refund
				""").param("refund", refund).query(Long.class).list()).containsExactly(this.superuser);
		await().atMost(Duration.ofSeconds(10)).until(() -> outbox("REFUND_MADE_GUEST") > 0);
		List<Long> recipients = this.jdbc
			.sql("select distinct recipient_user_id from notification_outbox where kind = 'REFUND_MADE_GUEST'")
			.query(Long.class)
			.list();
		assertThat(recipients).containsExactly(this.guest);

		Api.Response twice = this.api.post("/api/v1/admin/payments/refunds/" + refund + "/refunded-by-hand",
				Map.of("reference", "again"), "Authorization", adminBearer);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().path("type").asString()).endsWith("refund-not-open");
		assertThat(this.jdbc.sql("select count(*) from ledger_entries where refund_id is not null")
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	private String providerId(String payment) {
		return this.jdbc.sql("select provider_payment_id from payments where id = :id")
			.param("id", UUID.fromString(payment))
			.query(String.class)
			.single();
	}

	private String status(String table, String id) {
		return this.jdbc.sql("select status from " + table + " where id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
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
