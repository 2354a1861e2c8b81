package kz.zhilyego;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.zaxxer.hikari.HikariDataSource;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.channel.CalendarImports;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Money;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.identity.internal.SecretBox;
import kz.zhilyego.payment.internal.CallbackFormat;
import kz.zhilyego.payment.internal.PollPayments;
import kz.zhilyego.payment.internal.WebhookSignatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application in the {@code prod} profile, as it runs in production: every secret
 * set, provider {@code kaspi} pointed at a local fake Kaspi, started next to the shared
 * test context over the same embedded PostgreSQL. It never serves the sandbox payment
 * pages or {@code /dev/**}, answers a Kaspi callback with 404, and takes a payment's
 * outcome only from Kaspi's status.
 */
@IntegrationTest
class ProductionProfileIT {

	private static final String KASPI_PAYMENT_ID = "770001";

	private static final String STATUS = "/r1/v02/payment/status/" + KASPI_PAYMENT_ID;

	private static final String WEBHOOK_SECRET = "shared-with-the-relaying-gateway-0123456789";

	static WireMockServer kaspi;

	static ConfigurableApplicationContext prod;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	Api api;

	long guest;

	long listing;

	@BeforeEach
	void setUp() throws Exception {
		TestDatabase.reset(this.jdbc);
		if (kaspi == null) {
			kaspi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
			kaspi.start();
		}
		kaspi.resetAll();
		kaspi.stubFor(post(urlEqualTo("/r1/v01/qr/create-link")).willReturn(okJson("""
				{"StatusCode": 0, "Message": "", "Data": {"PaymentLink": "https://pay.kaspi.kz/pay/770001",
				 "PaymentId": %s, "PaymentBehaviorOptions": {"StatusPollingInterval": 5}}}
				""".formatted(KASPI_PAYMENT_ID))));
		if (prod == null) {
			prod = start(Map.of());
		}
		prod.getBean(MutableClock.class).reset();
		this.api = new Api(TestApps.port(prod));
		this.guest = new IdentityFixtures(this.jdbc).user("prod-guest@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
	}

	@AfterAll
	static void stop() {
		if (prod != null) {
			prod.close();
			prod = null;
		}
		if (kaspi != null) {
			kaspi.stop();
			kaspi = null;
		}
	}

	@Test
	void prodNeverServesTheSandboxPaymentPagesOrDevPagesSoNobodyConfirmsABookingWithoutPaying() {
		String booking = hold(prod, this.api);
		String payment = pay(prod, this.api, booking);

		assertThat(this.api.get("/payments/sandbox/" + payment).status()).isEqualTo(404);
		assertThat(this.api
			.postForm("/payments/sandbox/" + payment + "/complete?outcome=success", "", "Accept", "application/json")
			.status()).isEqualTo(404);
		assertThat(this.api.postForm("/payments/sandbox/" + payment + "/complete?outcome=success", "").status())
			.isEqualTo(404);
		assertThat(this.api.get("/dev/mail").status()).isEqualTo(404);
		assertThat(this.api.get("/dev/anything").status()).isEqualTo(404);

		assertThat(status("bookings", booking)).isEqualTo("HOLD");
		assertThat(status("payments", payment)).isEqualTo("PENDING");
	}

	@Test
	void aKaspiCallbackIsA404AndOnlyKaspisOwnStatusConfirmsTheBooking() {
		String booking = hold(prod, this.api);
		String payment = pay(prod, this.api, booking);
		String body = CallbackFormat.write("evt_forged", "payment.succeeded", KASPI_PAYMENT_ID, Money.kzt(60_000),
				MutableClock.START.toString());
		for (String secret : new String[] { "sandbox-only-webhook-secret", WEBHOOK_SECRET }) {
			Api.Response forged = this.api.post("/api/v1/payments/webhooks/kaspi", body, WebhookSignatures.HEADER,
					WebhookSignatures.sign(secret, MutableClock.START.getEpochSecond(),
							body.getBytes(StandardCharsets.UTF_8)));

			assertThat(forged.status()).isEqualTo(404);
		}
		assertThat(status("bookings", booking)).isEqualTo("HOLD");
		assertThat(this.jdbc.sql("select count(*) from payment_events").query(Long.class).single()).isZero();

		kaspi.stubFor(get(urlEqualTo(STATUS)).willReturn(okJson("""
				{"StatusCode": 0, "Message": "", "Data": {"Status": "Processed", "Amount": 60000}}
				""")));
		prod.getBean(MutableClock.class).advance(java.time.Duration.ofSeconds(5));
		prod.getBean(PollPayments.class).pollDue();

		assertThat(status("payments", payment)).isEqualTo("PAID");
		assertThat(status("bookings", booking)).isEqualTo("CONFIRMED");
	}

	@Test
	void withStatusHintsASignedKaspiCallbackOnlyMakesUsAskKaspiAndNeverConfirmsByItself() throws Exception {
		try (ConfigurableApplicationContext hints = start(Map.of("zhilyego.payment.kaspi.status-hints", true,
				"zhilyego.payment.webhook-secret", WEBHOOK_SECRET))) {
			Api node = new Api(TestApps.port(hints));
			String booking = hold(hints, node);
			String payment = pay(hints, node, booking);
			kaspi.stubFor(get(urlEqualTo(STATUS)).inScenario("kaspi")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(okJson("""
						{"StatusCode": 0, "Message": "", "Data": {"Status": "Wait"}}
						"""))
				.willSetStateTo("paid"));
			kaspi.stubFor(get(urlEqualTo(STATUS)).inScenario("kaspi").whenScenarioStateIs("paid").willReturn(okJson("""
					{"StatusCode": 0, "Message": "", "Data": {"Status": "Processed", "Amount": 60000}}
					""")));

			Api.Response early = hint(node, "evt_hint_1");

			assertThat(early.status()).isEqualTo(200);
			assertThat(early.json().path("effect").asString()).isEqualTo("UNCHANGED");
			assertThat(status("payments", payment)).isEqualTo("PENDING");
			assertThat(status("bookings", booking)).isEqualTo("HOLD");

			Api.Response paid = hint(node, "evt_hint_2");

			assertThat(paid.json().path("effect").asString()).isEqualTo("CONFIRMED");
			assertThat(status("bookings", booking)).isEqualTo("CONFIRMED");
			kaspi.verify(2, getRequestedFor(urlEqualTo(STATUS)));
			Api.Response unsigned = node.post("/api/v1/payments/webhooks/kaspi", "{}", WebhookSignatures.HEADER,
					"t=1,v1=00");
			assertThat(unsigned.status()).isEqualTo(401);
		}
	}

	/**
	 * A realtor's calendar feed is fetched by the server: in production it may only point
	 * at public addresses. Before the allow-list, carrier-grade NAT (where some clouds
	 * keep their metadata service, {@code 100.100.100.200}), benchmarking and broadcast
	 * addresses and IPv6 forms carrying an internal IPv4 address were accepted.
	 */
	@Test
	void aCalendarFeedOnAnInternalAddressIsRefusedSoTheServerNeverFetchesIt() {
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		long realtor = identity.realtor("prod-realtor@test.kz", null);
		long own = new CatalogFixtures(this.jdbc).listing().owner(realtor).create();
		CurrentUser user = new IdentityFixtures(prod).currentUser(realtor);
		CalendarImports imports = prod.getBean(CalendarImports.class);
		for (String url : List.of("https://127.0.0.1/a.ics", "https://10.0.0.5/a.ics", "https://169.254.169.254/latest",
				"https://100.100.100.200/latest/meta-data", "https://100.64.0.1/a.ics", "https://198.18.0.1/a.ics",
				"https://255.255.255.255/a.ics", "https://240.0.0.1/a.ics", "https://[64:ff9b::a9fe:a9fe]/latest",
				"https://[2002:7f00:1::]/a.ics", "https://[::7f00:1]/a.ics", "https://[2001:0:a9fe:a9fe::1]/a.ics",
				"https://[fd00::1]/a.ics")) {
			assertThatThrownBy(() -> imports.add(own, "Bukza", url, user)).as(url)
				.isInstanceOfSatisfying(ProblemException.class,
						ex -> assertThat(ex.fieldErrors()).containsEntry("url", "ical.import.url.private"));
		}
		assertThat(this.jdbc.sql("select count(*) from ical_imports").query(Long.class).single()).isZero();

		assertThat(imports.add(own, "Bukza", "https://93.184.215.14/calendar.ics", user).url())
			.isEqualTo("https://93.184.215.14/calendar.ics");
	}

	/** A signed callback claiming a success of the whole amount. */
	private Api.Response hint(Api node, String eventId) {
		String body = CallbackFormat.write(eventId, "payment.succeeded", KASPI_PAYMENT_ID, Money.kzt(60_000),
				MutableClock.START.toString());
		return node.post("/api/v1/payments/webhooks/kaspi", body, WebhookSignatures.HEADER, WebhookSignatures
			.sign(WEBHOOK_SECRET, MutableClock.START.getEpochSecond(), body.getBytes(StandardCharsets.UTF_8)));
	}

	private String hold(ConfigurableApplicationContext app, Api node) {
		Api.Response created = node.post("/api/v1/bookings", """
				{"listingId":%d,"checkIn":"%s","checkOut":"%s","guests":1,"guestName":"Гость",
				 "guestPhone":"+77011234567","rulesAccepted":true}
				""".formatted(this.listing, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 13)), "Authorization",
				new IdentityFixtures(app).bearer(this.guest), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private String pay(ConfigurableApplicationContext app, Api node, String booking) {
		Api.Response payment = node.post("/api/v1/bookings/" + booking + "/payments", "", "Authorization",
				new IdentityFixtures(app).bearer(this.guest), "Idempotency-Key", "pay-" + booking);
		assertThat(payment.status()).as(payment.body()).isEqualTo(201);
		assertThat(payment.json().path("provider").asString()).isEqualTo("kaspi");
		return payment.json().path("paymentId").asString();
	}

	private String status(String table, String id) {
		return this.jdbc.sql("select status from " + table + " where id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single();
	}

	private ConfigurableApplicationContext start(Map<String, Object> extra) throws Exception {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.profiles.active", "prod");
		properties.put("server.port", 0);
		properties.put("spring.datasource.url", this.dataSource.getJdbcUrl());
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.hikari.maximum-pool-size", 5);
		properties.put("spring.flyway.enabled", false);
		// the tests drive the jobs; nothing runs on this node's scheduler
		properties.put("db-scheduler.enabled", false);
		properties.put("zhilyego.crypto.key", SecretBox.generateKey());
		properties.put("zhilyego.jwt.secret", "production-jwt-secret-" + UUID.randomUUID());
		properties.put("zhilyego.payment.provider", "kaspi");
		properties.put("zhilyego.payment.kaspi.base-url", kaspi.baseUrl());
		properties.put("zhilyego.payment.kaspi.device-token", "device-token-1");
		// the basic contract has no refunds: the app starts only with refunds made by
		// hand
		properties.put("zhilyego.payment.kaspi.path-prefix", "/r1/v01");
		properties.put("zhilyego.payment.kaspi.refunds", "by-hand");
		properties.put("zhilyego.storage.local-dir", Files.createTempDirectory("zhilyego-prod-media"));
		properties.put("logging.level.root", "WARN");
		properties.putAll(extra);
		return TestApps.start(properties, TestClockConfig.class);
	}

}
