package kz.zhilyego.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * In-memory token buckets (Bucket4j), one per key (user id or IP), at most
 * {@code maxKeys} of them: the least recently used bucket is dropped first. Per node:
 * behind a load balancer the effective limit is per node.
 */
public class RateLimiter {

	private final int capacity;

	private final Duration period;

	private final TimeMeter time;

	private final Map<String, Bucket> buckets;

	public RateLimiter(int capacity, Duration period, int maxKeys, Clock clock) {
		this.capacity = capacity;
		this.period = period;
		this.time = new ClockTimeMeter(clock);
		this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxKeys;
			}

		});
	}

	/** Allowed, or refused with the seconds to wait before the next request will be. */
	public record Decision(boolean allowed, long retryAfterSeconds) {
	}

	public Decision tryConsume(String key) {
		Bucket bucket = this.buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.capacity).refillGreedy(this.capacity, this.period).build())
			.withCustomTimePrecision(this.time)
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return new Decision(true, 0);
		}
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		return new Decision(false, seconds);
	}

	public int size() {
		return this.buckets.size();
	}

	/** Forgets every bucket. */
	public void clear() {
		this.buckets.clear();
	}

	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
