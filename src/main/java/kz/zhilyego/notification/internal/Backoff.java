package kz.zhilyego.notification.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failed attempt wait
 * {@code min(max, base × 2^(n-1))}, of which the fraction {@code jitter} is random (so
 * nodes that failed together do not retry together).
 */
public record Backoff(Duration base, Duration max, double jitter) {

	public Duration delay(int failedAttempts, RandomGenerator random) {
		int exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
		long baseMillis = this.base.toMillis();
		long capped = Math.min(this.max.toMillis(), baseMillis * (1L << exponent));
		if (capped <= 0) {
			capped = this.max.toMillis();
		}
		long randomPart = (long) (capped * this.jitter * random.nextDouble());
		return Duration.ofMillis(Math.max(1, capped - randomPart));
	}

}
