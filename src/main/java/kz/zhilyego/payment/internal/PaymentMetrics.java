package kz.zhilyego.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.OutsideSystems;
import kz.zhilyego.common.Redaction;
import kz.zhilyego.payment.PaymentFailed;
import kz.zhilyego.payment.PaymentProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Payment meters, tagged with the provider: {@code zhilyego.payments.started|paid|late|
 * failed}, {@code zhilyego.refunds.failed} (parked for a human) and
 * {@code zhilyego.payments.provider.errors{operation}}; and the provider's health
 * component {@code paymentProvider}: DEGRADED while its latest call failed (details for
 * the superuser only), with the gauge {@code zhilyego.outside.up{system="payment"}}.
 */
@Component("paymentProvider")
public class PaymentMetrics implements HealthIndicator {

	private final MeterRegistry registry;

	private final String provider;

	private final BookingQueries bookings;

	private final OutsideSystems.Tracker tracker;

	private final Counter started;

	private final Counter paid;

	private final Counter late;

	private final Counter failed;

	private final Counter refundsFailed;

	PaymentMetrics(MeterRegistry registry, PaymentProperties properties, BookingQueries bookings, Clock clock) {
		this.registry = registry;
		this.provider = properties.provider();
		this.bookings = bookings;
		this.tracker = new OutsideSystems.Tracker(clock);
		this.started = counter("zhilyego.payments.started", "Payments the provider opened");
		this.paid = counter("zhilyego.payments.paid", "Payments reported paid");
		this.late = counter("zhilyego.payments.late", "Payments paid after their hold had run out");
		this.failed = counter("zhilyego.payments.failed", "Payments the provider declined");
		this.refundsFailed = counter("zhilyego.refunds.failed", "Refunds given up and left for a human");
		for (String operation : new String[] { "create", "status", "refund" }) {
			providerErrors(operation);
		}
		OutsideSystems.gauge(registry, "payment", this.tracker::working);
	}

	@Override
	public Health health() {
		return this.tracker.health(Map.of("provider", this.provider));
	}

	void started() {
		this.started.increment();
	}

	/** A payment was marked paid now; late when its hold had already run out. */
	void paid(UUID bookingId, Instant at) {
		boolean wasLate = this.bookings.find(bookingId).map(b -> b.holdExpiresAt().isBefore(at)).orElse(false);
		afterCommit(() -> {
			this.paid.increment();
			if (wasLate) {
				this.late.increment();
			}
		});
	}

	void refundFailed() {
		this.refundsFailed.increment();
	}

	void providerAnswered() {
		this.tracker.succeeded();
	}

	void providerFailed(String operation, RuntimeException ex) {
		providerErrors(operation).increment();
		this.tracker.failed(operation + ": " + Redaction.scrub(String.valueOf(ex.getMessage())));
	}

	@EventListener
	void on(PaymentFailed event) {
		afterCommit(this.failed::increment);
	}

	private Counter providerErrors(String operation) {
		return Counter.builder("zhilyego.payments.provider.errors")
			.description("Calls to the payment provider that failed")
			.tag("provider", this.provider)
			.tag("operation", operation)
			.register(this.registry);
	}

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).tag("provider", this.provider).register(this.registry);
	}

	private static void afterCommit(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				work.run();
			}
		});
	}

}
