package kz.zhilyego.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.OutsideSystems;
import kz.zhilyego.common.Redaction;
import kz.zhilyego.payment.PaymentFailed;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentProperties;
import kz.zhilyego.payment.adapter.KaspiPaymentGateway;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The payment module's figures for Prometheus and the provider's health.
 * <ul>
 * <li>Counters, tagged with the provider: {@code zhilyego.payments.started|paid|late|
 * failed|in.doubt}, {@code zhilyego.refunds.failed} (parked for a human) and
 * {@code zhilyego.payments.provider.errors{operation}}.</li>
 * <li>The last reconciliation
 * ({@code zhilyego.payments.reconciliation.checked|differences|unchecked}, open
 * differences, the last run's time) read from the database, so every node shows the
 * same.</li>
 * <li>{@code zhilyego.payments.kaspi.circuit.open}: 1 while this node skips calls to
 * Kaspi because its circuit breaker is open (always 0 with another provider).</li>
 * <li>The health component {@code paymentProvider}: DEGRADED while the provider's latest
 * call failed (details for the superuser only), with the gauge
 * {@code zhilyego.outside.up{system="payment"}}.</li>
 * </ul>
 */
@Component("paymentProvider")
public class PaymentMetrics implements HealthIndicator, MeterBinder {

	private final MeterRegistry registry;

	private final String provider;

	private final BookingQueries bookings;

	private final Reconciliations reconciliations;

	private final PaymentGateway gateway;

	private final OutsideSystems.Tracker tracker;

	private final Counter started;

	private final Counter paid;

	private final Counter late;

	private final Counter failed;

	private final Counter inDoubt;

	private final Counter refundsFailed;

	PaymentMetrics(MeterRegistry registry, PaymentProperties properties, BookingQueries bookings,
			Reconciliations reconciliations, PaymentGateway gateway, Clock clock) {
		this.registry = registry;
		this.provider = properties.provider();
		this.bookings = bookings;
		this.reconciliations = reconciliations;
		this.gateway = gateway;
		this.tracker = new OutsideSystems.Tracker(clock);
		this.started = counter("zhilyego.payments.started", "Payments the provider opened");
		this.paid = counter("zhilyego.payments.paid", "Payments reported paid");
		this.late = counter("zhilyego.payments.late", "Payments paid after their hold had run out");
		this.failed = counter("zhilyego.payments.failed", "Payments the provider declined");
		this.inDoubt = counter("zhilyego.payments.in.doubt",
				"Payments that became UNKNOWN (a status nobody knows, or no final answer) and wait for a person");
		this.refundsFailed = counter("zhilyego.refunds.failed", "Refunds given up and left for a human");
		for (String operation : new String[] { "create", "status", "details", "refund" }) {
			providerErrors(operation);
		}
		OutsideSystems.gauge(registry, "payment", this.tracker::working);
	}

	@Override
	public Health health() {
		return this.tracker.health(Map.of("provider", this.provider));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "zhilyego.payments.reconciliation.checked", "payments compared in the last reconciliation",
				f -> f[0]);
		gauge(registry, "zhilyego.payments.reconciliation.differences",
				"payments that differed from the provider in the last reconciliation", f -> f[1]);
		gauge(registry, "zhilyego.payments.reconciliation.unchecked",
				"payments the provider could not be asked about in the last reconciliation", f -> f[2]);
		gauge(registry, "zhilyego.payments.reconciliation.open.differences",
				"reconciliation differences nobody resolved yet", f -> f[3]);
		gauge(registry, "zhilyego.payments.reconciliation.last.run.seconds",
				"when the last reconciliation finished (epoch seconds; 0: never)", f -> f[4]);
		Gauge.builder("zhilyego.payments.kaspi.circuit.open", this, PaymentMetrics::circuitOpen)
			.description("1 while calls to Kaspi are skipped because it has been failing or slow")
			.tag("provider", this.provider)
			.register(registry);
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

	/** A payment became UNKNOWN now (counted when the transaction commits). */
	void inDoubt() {
		afterCommit(this.inDoubt::increment);
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

	private double circuitOpen() {
		return this.gateway instanceof KaspiPaymentGateway kaspi && !"CLOSED".equals(kaspi.circuitState()) ? 1 : 0;
	}

	private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<long[]> pick) {
		Gauge.builder(name, this, metrics -> pick.applyAsDouble(metrics.figures()))
			.description(description)
			.register(registry);
	}

	/** Two small reads per scrape, so every node shows the database's figures. */
	private long[] figures() {
		return this.reconciliations.lastFigures();
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
