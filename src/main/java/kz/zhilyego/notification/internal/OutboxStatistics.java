package kz.zhilyego.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.common.OutsideSystems;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox as the operator sees it, read from the table (so every node reports the
 * whole cluster's queue; alert on the max): per channel {@code zhilyego.outbox.pending}
 * (waiting or being sent), {@code zhilyego.outbox.dead} (parked for a human) and
 * {@code zhilyego.outbox.retrying} (waiting again after a failed attempt), and
 * {@code zhilyego.outbox.oldest.age} (seconds the oldest waiting message has waited). One
 * query, cached for {@code zhilyego.notification.stats-ttl}.
 * <p>
 * The health components {@code smtp}, {@code telegram} and {@code whatsApp} come from the
 * same numbers: DEGRADED while messages of the channel wait for a retry after a failure
 * (the system is failing); never DOWN, so readiness does not depend on them.
 */
@Configuration(proxyBeanMethods = false)
class OutboxStatistics {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long ttlNanos;

	private volatile @Nullable Snapshot snapshot;

	OutboxStatistics(JdbcClient jdbc, Clock clock, MeterRegistry registry, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttlNanos = properties.statsTtl().toNanos();
		for (Channel channel : Channel.values()) {
			Gauge.builder("zhilyego.outbox.pending", this, s -> s.current().of(channel).pending())
				.description("Outbox messages waiting to be sent")
				.tag("channel", channel.name())
				.register(registry);
			Gauge.builder("zhilyego.outbox.retrying", this, s -> s.current().of(channel).retrying())
				.description("Outbox messages waiting for a retry after a failed attempt")
				.tag("channel", channel.name())
				.register(registry);
			Gauge.builder("zhilyego.outbox.dead", this, s -> s.current().of(channel).dead())
				.description("Outbox messages parked as dead, waiting for a human")
				.tag("channel", channel.name())
				.register(registry);
		}
		Gauge.builder("zhilyego.outbox.oldest.age", this, s -> s.current().oldestAgeSeconds())
			.description("How long the oldest waiting outbox message has waited")
			.baseUnit("seconds")
			.register(registry);
		OutsideSystems.gauge(registry, "smtp", channelTracker(Channel.EMAIL));
		OutsideSystems.gauge(registry, "telegram", channelTracker(Channel.TELEGRAM));
		OutsideSystems.gauge(registry, "whatsapp", channelTracker(Channel.WHATSAPP));
	}

	@Bean
	HealthIndicator smtp(NotificationConfig.ChannelSenders senders) {
		return () -> channelHealth(Channel.EMAIL, senders);
	}

	@Bean
	HealthIndicator telegram(NotificationConfig.ChannelSenders senders) {
		return () -> channelHealth(Channel.TELEGRAM, senders);
	}

	@Bean
	HealthIndicator whatsApp(NotificationConfig.ChannelSenders senders) {
		return () -> channelHealth(Channel.WHATSAPP, senders);
	}

	private Health channelHealth(Channel channel, NotificationConfig.ChannelSenders senders) {
		boolean captured = senders.all()
			.stream()
			.anyMatch(sender -> sender.channel() == channel && sender instanceof CapturingSender);
		Counts counts = current().of(channel);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("mode", captured ? "captured" : "sending");
		details.put("pending", counts.pending());
		details.put("retrying", counts.retrying());
		details.put("dead", counts.dead());
		return Health.status(counts.retrying() > 0 ? OutsideSystems.DEGRADED : Status.UP).withDetails(details).build();
	}

	private java.util.function.BooleanSupplier channelTracker(Channel channel) {
		return () -> current().of(channel).retrying() == 0;
	}

	Snapshot current() {
		Snapshot known = this.snapshot;
		long now = System.nanoTime();
		if (known != null && now - known.takenAt() < this.ttlNanos) {
			return known;
		}
		Snapshot fresh = read(now);
		this.snapshot = fresh;
		return fresh;
	}

	private Snapshot read(long takenAt) {
		Map<Channel, Counts> byChannel = new EnumMap<>(Channel.class);
		Instant[] oldest = { null };
		this.jdbc
			.sql("""
					select channel,
					       count(*) filter (where status in ('PENDING', 'SENDING')) as pending,
					       count(*) filter (where status = 'PENDING' and attempts > 0 and last_error is not null) as retrying,
					       count(*) filter (where status = 'DEAD') as dead,
					       min(created_at) filter (where status in ('PENDING', 'SENDING')) as oldest
					from notification_outbox
					where status in ('PENDING', 'SENDING', 'DEAD')
					group by channel
					""")
			.query((rs, row) -> {
				Channel channel = Channel.valueOf(rs.getString("channel"));
				byChannel.put(channel, new Counts(rs.getLong("pending"), rs.getLong("retrying"), rs.getLong("dead")));
				java.sql.Timestamp first = rs.getTimestamp("oldest");
				if (first != null && (oldest[0] == null || first.toInstant().isBefore(oldest[0]))) {
					oldest[0] = first.toInstant();
				}
				return channel;
			})
			.list();
		long age = oldest[0] == null ? 0 : Math.max(0, Duration.between(oldest[0], this.clock.instant()).toSeconds());
		return new Snapshot(takenAt, byChannel, age);
	}

	record Counts(long pending, long retrying, long dead) {
	}

	record Snapshot(long takenAt, Map<Channel, Counts> byChannel, long oldestAgeSeconds) {

		Counts of(Channel channel) {
			return this.byChannel.getOrDefault(channel, new Counts(0, 0, 0));
		}

	}

}
