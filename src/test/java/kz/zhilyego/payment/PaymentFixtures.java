package kz.zhilyego.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.common.Money;
import kz.zhilyego.payment.internal.CallbackFormat;
import kz.zhilyego.payment.internal.WebhookSignatures;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment test helpers: signed callbacks as the sandbox provider sends them, and reads.
 */
final class PaymentFixtures {

	static final String WEBHOOK = "/api/v1/payments/webhooks/sandbox";

	private final JdbcClient jdbc;

	private final Api api;

	private final String secret;

	private final Clock clock;

	PaymentFixtures(JdbcClient jdbc, Api api, PaymentProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.api = api;
		this.secret = properties.webhookSecret();
		this.clock = clock;
	}

	/** A callback body for the payment, with a stable event id per outcome. */
	String callbackBody(UUID paymentId, PaymentGateway.Outcome outcome, Money amount) {
		String providerId = providerPaymentId(paymentId);
		return CallbackFormat.write("evt_test_" + providerId + "_" + outcome, CallbackFormat.type(outcome), providerId,
				amount, this.clock.instant().toString());
	}

	String sign(String body) {
		return WebhookSignatures.sign(this.secret, this.clock.instant().getEpochSecond(),
				body.getBytes(StandardCharsets.UTF_8));
	}

	/** Posts a correctly signed callback over HTTP. */
	Api.Response callback(UUID paymentId, PaymentGateway.Outcome outcome, Money amount) {
		String body = callbackBody(paymentId, outcome, amount);
		return this.api.post(WEBHOOK, body, WebhookSignatures.HEADER, sign(body));
	}

	String providerPaymentId(UUID paymentId) {
		return this.jdbc.sql("select provider_payment_id from payments where id = :id")
			.param("id", paymentId)
			.query(String.class)
			.single();
	}

	PaymentStatus paymentStatus(UUID paymentId) {
		return PaymentStatus.valueOf(this.jdbc.sql("select status from payments where id = :id")
			.param("id", paymentId)
			.query(String.class)
			.single());
	}

	String bookingStatus(UUID bookingId) {
		return this.jdbc.sql("select status from bookings where id = :id")
			.param("id", bookingId)
			.query(String.class)
			.single();
	}

	long count(String sql, UUID id) {
		return this.jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	long ledgerEntries(UUID bookingId) {
		return count("select count(*) from ledger_entries where booking_id = :id", bookingId);
	}

	long confirmations(UUID bookingId) {
		return count("select count(*) from booking_transitions where booking_id = :id and to_status = 'CONFIRMED'",
				bookingId);
	}

	long occupancies(UUID bookingId) {
		return count("select count(*) from occupancies where booking_id = :id", bookingId);
	}

	BigDecimal ledgerSum(UUID bookingId, String... types) {
		return this.jdbc.sql(
				"select coalesce(sum(amount), 0) from ledger_entries where booking_id = :id and entry_type in (:types)")
			.param("id", bookingId)
			.param("types", java.util.List.of(types))
			.query(BigDecimal.class)
			.single();
	}

	/**
	 * The ledger invariant of a booking: net gross = net platform commission + net
	 * realtor payout, to the tiyn; the gateway fee is the platform's cost (never above
	 * its commission here); and net gross = what was paid minus what was refunded for the
	 * payment that confirmed it.
	 */
	void assertLedgerBalances(UUID bookingId) {
		BigDecimal gross = ledgerSum(bookingId, "GROSS", "GROSS_REVERSAL");
		BigDecimal commission = ledgerSum(bookingId, "PLATFORM_COMMISSION", "PLATFORM_COMMISSION_REVERSAL");
		BigDecimal payout = ledgerSum(bookingId, "REALTOR_PAYOUT", "REALTOR_PAYOUT_REVERSAL");
		BigDecimal fee = ledgerSum(bookingId, "GATEWAY_FEE", "GATEWAY_FEE_REVERSAL");
		assertThat(gross).as("gross = commission + payout").isEqualByComparingTo(commission.add(payout));
		assertThat(fee).as("fee within commission").isLessThanOrEqualTo(commission.max(BigDecimal.ZERO));
		BigDecimal settled = this.jdbc.sql("""
				select coalesce(sum(p.paid_amount), 0) - coalesce((select sum(r.amount) from refunds r
				    where r.booking_id = :id and r.kind = 'CANCELLATION' and r.status = 'SUCCEEDED'), 0)
				from payments p join bookings b on b.id = p.booking_id and b.payment_ref = p.id::text
				where p.booking_id = :id
				""").param("id", bookingId).query(BigDecimal.class).single();
		assertThat(gross).as("gross = paid − refunded").isEqualByComparingTo(settled);
	}

}
