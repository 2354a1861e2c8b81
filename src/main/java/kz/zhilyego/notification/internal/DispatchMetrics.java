package kz.zhilyego.notification.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.zhilyego.notification.Channel;

/**
 * {@code zhilyego.notifications.sent|failed|dead} per channel, the dispatch lag of sent
 * messages (sent − created) and the age of the oldest waiting message.
 */
class DispatchMetrics {

	private final MeterRegistry registry;

	private final AtomicLong oldestPendingSeconds = new AtomicLong();

	DispatchMetrics(MeterRegistry registry) {
		this.registry = registry;
		registry.gauge("zhilyego.notifications.oldest.pending.age.seconds", this.oldestPendingSeconds);
		// at zero from the start, so dashboards and alerts see every channel
		for (Channel channel : Channel.values()) {
			counter("zhilyego.notifications.sent", channel);
			counter("zhilyego.notifications.failed", channel);
			counter("zhilyego.notifications.dead", channel);
		}
	}

	void sent(Channel channel, Duration lag) {
		counter("zhilyego.notifications.sent", channel).increment();
		Timer.builder("zhilyego.notifications.dispatch.lag")
			.description("Time from enqueue to delivery")
			.tag("channel", channel.name())
			.register(this.registry)
			.record(lag.isNegative() ? Duration.ZERO : lag);
	}

	void failed(Channel channel) {
		counter("zhilyego.notifications.failed", channel).increment();
	}

	void dead(Channel channel) {
		counter("zhilyego.notifications.dead", channel).increment();
	}

	void oldestPending(Duration age) {
		this.oldestPendingSeconds.set(age.toSeconds());
	}

	private Counter counter(String name, Channel channel) {
		return Counter.builder(name).tag("channel", channel.name()).register(this.registry);
	}

}
