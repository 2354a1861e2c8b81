package kz.zhilyego.payment;

import java.time.LocalDate;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Money;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.payment.PaymentGateway.Outcome;
import kz.zhilyego.payment.internal.WebhookSignatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform record across a payment provider's redeliveries: the same callback sent
 * again, and the same outcome under other event ids, leave one {@code payment.paid} and
 * one {@code booking.confirmed}.
 */
@IntegrationTest
class PaymentEventsRecordedOnceIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	StartPayment startPayment;

	@Autowired
	PaymentProperties properties;

	@Autowired
	MutableClock clock;

	Api api;

	PaymentFixtures fixtures;

	BookingDetails hold;

	Payment payment;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		long guest = new IdentityFixtures(this.jdbc).user("events-guest@test.kz");
		this.api = new Api(this.port);
		this.fixtures = new PaymentFixtures(this.jdbc, this.api, this.properties, this.clock);
		long listing = new CatalogFixtures(this.jdbc).listing().price(20_000).create();
		this.hold = new BookingFixtures(this.placeHold).hold(listing, LocalDate.of(2026, 12, 10),
				LocalDate.of(2026, 12, 13), guest);
		this.payment = this.startPayment.start(this.hold.id(), guest, "key-1").payment();
	}

	@Test
	void aRedeliveredPaymentCallbackIsRecordedOnce() {
		String body = this.fixtures.callbackBody(this.payment.paymentId(), Outcome.PAID, Money.kzt(60_000));
		for (int i = 0; i < 3; i++) {
			assertThat(this.api.post(PaymentFixtures.WEBHOOK, body, WebhookSignatures.HEADER, this.fixtures.sign(body))
				.status()).isEqualTo(200);
		}
		for (int i = 0; i < 2; i++) {
			String other = body.replace("evt_test_", "evt_again" + i + "_");
			assertThat(
					this.api.post(PaymentFixtures.WEBHOOK, other, WebhookSignatures.HEADER, this.fixtures.sign(other))
						.status())
				.isEqualTo(200);
		}

		assertThat(events("payment.paid", "payment", this.payment.paymentId().toString())).isEqualTo(1);
		assertThat(events("booking.confirmed", "booking", this.hold.id().toString())).isEqualTo(1);
		assertThat(events("booking.held", "booking", this.hold.id().toString())).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select payload ->> 'amount' from platform_events where type = 'payment.paid'
				""").query(String.class).single()).isEqualTo("60000.00");
	}

	@Test
	void aFailureCallbackRedeliveredIsOneFailedEvent() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.fixtures.callback(this.payment.paymentId(), Outcome.FAILED, Money.kzt(60_000)).status())
				.isEqualTo(200);
		}

		assertThat(events("payment.failed", "payment", this.payment.paymentId().toString())).isEqualTo(1);
		assertThat(events("payment.paid", "payment", this.payment.paymentId().toString())).isZero();
	}

	private long events(String type, String subjectType, String subjectId) {
		return this.jdbc.sql("""
				select count(*) from platform_events
				where type = :type and subject_type = :subjectType and subject_id = :subjectId
				""")
			.param("type", type)
			.param("subjectType", subjectType)
			.param("subjectId", subjectId)
			.query(Long.class)
			.single();
	}

}
