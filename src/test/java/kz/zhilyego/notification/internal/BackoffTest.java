package kz.zhilyego.notification.internal;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(6), 0.5);

	@Test
	void theDelayDoublesWithEveryFailedAttemptWithinItsJitterBand() {
		Random random = new Random(42);
		for (int attempt = 1; attempt <= 8; attempt++) {
			Duration ceiling = Duration.ofSeconds(30L << (attempt - 1));
			for (int sample = 0; sample < 50; sample++) {
				assertThat(this.backoff.delay(attempt, random)).isBetween(ceiling.dividedBy(2), ceiling);
			}
		}
	}

	@Test
	void theDelayNeverExceedsTheMaximumEvenAfterManyAttempts() {
		Random random = new Random(7);
		assertThat(this.backoff.delay(40, random)).isBetween(Duration.ofHours(3), Duration.ofHours(6));
		assertThat(this.backoff.delay(1000, random)).isLessThanOrEqualTo(Duration.ofHours(6));
	}

	@Test
	void jitterSpreadsRetriesOfMessagesThatFailedTogether() {
		Random random = new Random(1);
		long distinct = java.util.stream.IntStream.range(0, 20)
			.mapToObj(i -> this.backoff.delay(3, random))
			.distinct()
			.count();
		assertThat(distinct).isGreaterThan(10);
	}

	@Test
	void withoutJitterTheDelayIsExact() {
		Backoff exact = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 0);
		assertThat(exact.delay(1, new Random())).isEqualTo(Duration.ofSeconds(10));
		assertThat(exact.delay(3, new Random())).isEqualTo(Duration.ofSeconds(40));
		assertThat(exact.delay(4, new Random())).isEqualTo(Duration.ofMinutes(1));
	}

}
