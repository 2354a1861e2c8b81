package kz.zhilyego.channel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code zhilyego.integrations.sync.failures{integration="webhook"|"ical"}} (registered
 * at zero by the platform, alerted on in docs/ops): a webhook refused for its signature
 * or timestamp or answered with a conflict; a feed that could not be read or parsed.
 */
@Component
class SyncMeters {

	private final Counter webhook;

	private final Counter ical;

	SyncMeters(MeterRegistry registry) {
		this.webhook = counter(registry, "webhook");
		this.ical = counter(registry, "ical");
	}

	private static Counter counter(MeterRegistry registry, String integration) {
		return Counter.builder("zhilyego.integrations.sync.failures")
			.description("Failed calendar (iCal) and webhook synchronisations")
			.tag("integration", integration)
			.register(registry);
	}

	void webhookFailed() {
		this.webhook.increment();
	}

	void icalFailed() {
		this.ical.increment();
	}

}
