package kz.zhilyego.common;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * How ЖильеGO reports an outside system (payment provider, SMTP, Telegram, WhatsApp,
 * storage): a health component that is {@link #DEGRADED} — never DOWN — when the system
 * fails, so the node stays ready and serves everything else, plus the gauge
 * {@code zhilyego.outside.up{system}} (1 working, 0 failing) that the alerts watch.
 */
public final class OutsideSystems {

	/**
	 * A working node whose outside system is failing; HTTP 200, not part of readiness.
	 */
	public static final Status DEGRADED = new Status("DEGRADED", "An outside system is failing");

	private OutsideSystems() {
	}

	/** Registers the gauge of {@code system}: 1 while {@code working} says so, else 0. */
	public static void gauge(MeterRegistry registry, String system, BooleanSupplier working) {
		Gauge.builder("zhilyego.outside.up", working, w -> w.getAsBoolean() ? 1 : 0)
			.description("1 while the outside system answers, 0 while it fails")
			.strongReference(true)
			.tag("system", system)
			.register(registry);
	}

	/**
	 * Remembers the last success and the last failure of calls to a system: it is failing
	 * while the latest call failed.
	 */
	public static final class Tracker {

		private final Clock clock;

		private final AtomicReference<State> state = new AtomicReference<>(new State(null, null, null));

		public Tracker(Clock clock) {
			this.clock = clock;
		}

		public void succeeded() {
			Instant now = this.clock.instant();
			this.state.updateAndGet(s -> new State(now, s.lastFailure(), s.lastError()));
		}

		public void failed(String error) {
			Instant now = this.clock.instant();
			this.state.updateAndGet(s -> new State(s.lastSuccess(), now, error));
		}

		public boolean working() {
			State s = this.state.get();
			return s.lastFailure() == null || (s.lastSuccess() != null && !s.lastSuccess().isBefore(s.lastFailure()));
		}

		/** UP or DEGRADED with the last success, failure and error as details. */
		public Health health(Map<String, ?> details) {
			State s = this.state.get();
			Map<String, Object> all = new LinkedHashMap<>(details);
			if (s.lastSuccess() != null) {
				all.put("lastSuccess", s.lastSuccess().toString());
			}
			if (s.lastFailure() != null) {
				all.put("lastFailure", s.lastFailure().toString());
				all.put("lastError", s.lastError());
			}
			return Health.status(working() ? Status.UP : DEGRADED).withDetails(all).build();
		}

		private record State(@Nullable Instant lastSuccess, @Nullable Instant lastFailure, @Nullable String lastError) {
		}

	}

}
