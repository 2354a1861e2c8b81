package kz.zhilyego.payment.internal;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.adapter.KaspiPaymentGateway;
import org.springframework.stereotype.Component;

/**
 * The payment module's figures for Prometheus: the last reconciliation
 * ({@code zhilyego.payments.reconciliation.checked|differences|unchecked}, open
 * differences, the last run's time) read from the database, so every node shows the same;
 * and whether Kaspi's circuit breaker is open on this node
 * ({@code zhilyego.payments.kaspi.circuit.open}, 1 = calls to Kaspi are being skipped).
 */
@Component
class PaymentMetrics implements MeterBinder {

	private final Reconciliations reconciliations;

	private final PaymentGateway gateway;

	PaymentMetrics(Reconciliations reconciliations, PaymentGateway gateway) {
		this.reconciliations = reconciliations;
		this.gateway = gateway;
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
		if (this.gateway instanceof KaspiPaymentGateway kaspi) {
			Gauge.builder("zhilyego.payments.kaspi.circuit.open", kaspi, k -> "CLOSED".equals(k.circuitState()) ? 0 : 1)
				.description("1 while calls to Kaspi are skipped because it has been failing or slow")
				.register(registry);
		}
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

}
