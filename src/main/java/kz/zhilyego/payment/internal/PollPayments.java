package kz.zhilyego.payment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.Money;
import kz.zhilyego.common.RequestIds;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGatewayException;
import kz.zhilyego.payment.PaymentProperties;
import kz.zhilyego.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Asks the provider about pending payments whose {@code poll_after} has come: a polling
 * provider (Kaspi QR) at the interval it asked for, a webhook provider after the grace
 * period, as a rescue for a callback that never came — so money never stays without a
 * booking. A payment still pending after {@code max-pending} is given up as EXPIRED (a
 * success reported later still settles it). Run by the scheduler on one node at a time;
 * settling is idempotent, so a callback arriving meanwhile is harmless.
 */
@Service
public class PollPayments {

	private static final Logger log = LoggerFactory.getLogger(PollPayments.class);

	private final Payments payments;

	private final PaymentGateway gateway;

	private final SettlePayment settle;

	private final PaymentProperties properties;

	private final Clock clock;

	PollPayments(Payments payments, PaymentGateway gateway, SettlePayment settle, PaymentProperties properties,
			Clock clock) {
		this.payments = payments;
		this.gateway = gateway;
		this.settle = settle;
		this.properties = properties;
		this.clock = clock;
	}

	/** Polls every due payment once; returns how many reached a final outcome. */
	public int pollDue() {
		int settled = 0;
		for (PaymentRow payment : this.payments.duePolls(this.clock.instant(), this.properties.batchSize())) {
			// under the id of the request that started the payment
			if (RequestIds.call(this.payments.requestIdOf(payment.id()).orElse(null), () -> pollSafely(payment))) {
				settled++;
			}
		}
		return settled;
	}

	/**
	 * Asks the provider about one pending payment now (a provider's hint that something
	 * happened) and settles what the provider answers; a payment that is not pending is
	 * left alone.
	 */
	public SettlePayment.Effect pollNow(UUID paymentId) {
		Optional<PaymentRow> payment = this.payments.find(paymentId)
			.filter(p -> p.status() == PaymentStatus.PENDING && p.providerPaymentId() != null);
		return payment.map(this::poll).orElse(SettlePayment.Effect.UNCHANGED);
	}

	private boolean pollSafely(PaymentRow payment) {
		try {
			return poll(payment) != SettlePayment.Effect.UNCHANGED;
		}
		catch (RuntimeException ex) {
			log.error("Polling payment {} broke; it is polled again later", payment.id(), ex);
			later(payment, null);
			return false;
		}
	}

	private SettlePayment.Effect poll(PaymentRow payment) {
		if (!payment.provider().equals(this.gateway.name())) {
			log.warn("Payment {} belongs to provider {}, which is not active", payment.id(), payment.provider());
			later(payment, null);
			return SettlePayment.Effect.UNCHANGED;
		}
		PaymentGateway.StatusReport report;
		try {
			report = this.gateway.status(Objects.requireNonNull(payment.providerPaymentId()));
		}
		catch (PaymentGatewayException ex) {
			log.warn("Status of payment {} unavailable: {}", payment.id(), ex.getMessage());
			later(payment, null);
			return SettlePayment.Effect.UNCHANGED;
		}
		if (report.outcome() == PaymentGateway.Outcome.PENDING) {
			if (!payment.createdAt().plus(this.properties.maxPending()).isAfter(this.clock.instant())) {
				return this.settle.apply(payment.id(), PaymentGateway.Outcome.EXPIRED, null, "tracking_timeout")
					.effect();
			}
			later(payment, report.pollAfter());
			return SettlePayment.Effect.UNCHANGED;
		}
		return this.settle.apply(payment.id(), report.outcome(), reported(report, payment), "poll:" + report.raw())
			.effect();
	}

	private void later(PaymentRow payment, @Nullable Duration pollAfter) {
		Instant now = this.clock.instant();
		Duration gap = pollAfter != null && !pollAfter.isNegative() && !pollAfter.isZero() ? pollAfter
				: this.properties.pollInterval();
		this.payments.pollAgainAt(payment.id(), now.plus(gap), now);
	}

	static @Nullable Money reported(PaymentGateway.StatusReport report, PaymentRow payment) {
		return report.amount() == null ? null : new Money(report.amount(), payment.currency());
	}

}
