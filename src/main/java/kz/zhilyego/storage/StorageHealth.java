package kz.zhilyego.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.common.OutsideSystems;
import kz.zhilyego.common.Redaction;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code storage}: the media store can be reached and written (checked
 * at most every {@code zhilyego.storage.check-interval}); DEGRADED otherwise, never DOWN,
 * with the gauge {@code zhilyego.outside.up{system="storage"}}.
 */
@Component("storage")
class StorageHealth implements HealthIndicator {

	private final FileStorage storage;

	private final OutsideSystems.Tracker tracker;

	private final long intervalNanos;

	private volatile long checkedAt;

	private volatile boolean checked;

	StorageHealth(FileStorage storage, Clock clock, MeterRegistry registry, StorageProperties properties) {
		this.storage = storage;
		this.tracker = new OutsideSystems.Tracker(clock);
		this.intervalNanos = properties.checkInterval().toNanos();
		OutsideSystems.gauge(registry, "storage", () -> {
			refresh();
			return this.tracker.working();
		});
	}

	@Override
	public Health health() {
		refresh();
		return this.tracker.health(Map.of("type", this.storage.kind()));
	}

	private void refresh() {
		long now = System.nanoTime();
		if (this.checked && now - this.checkedAt < this.intervalNanos) {
			return;
		}
		this.checkedAt = now;
		this.checked = true;
		try {
			this.storage.check();
			this.tracker.succeeded();
		}
		catch (RuntimeException ex) {
			this.tracker
				.failed(ex.getClass().getSimpleName() + ": " + Redaction.scrub(String.valueOf(ex.getMessage())));
		}
	}

}
