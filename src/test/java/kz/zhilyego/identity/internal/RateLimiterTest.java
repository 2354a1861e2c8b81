package kz.zhilyego.identity.internal;

import java.time.Duration;

import kz.zhilyego.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

	private final MutableClock clock = new MutableClock();

	@Test
	void refusesTheRequestOverTheLimitAndSaysWhenToRetry() {
		RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), 100, this.clock);

		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryConsume("ip:10.0.0.1").allowed()).isTrue();
		}
		RateLimiter.Decision refused = limiter.tryConsume("ip:10.0.0.1");

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isBetween(1L, 20L);
	}

	@Test
	void keepsSeparateBucketsPerKey() {
		RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 100, this.clock);

		assertThat(limiter.tryConsume("user:1").allowed()).isTrue();
		assertThat(limiter.tryConsume("user:1").allowed()).isFalse();
		assertThat(limiter.tryConsume("user:2").allowed()).isTrue();
	}

	@Test
	void refillsAsTimePasses() {
		RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), 100, this.clock);
		limiter.tryConsume("k");
		limiter.tryConsume("k");
		assertThat(limiter.tryConsume("k").allowed()).isFalse();

		this.clock.advance(Duration.ofSeconds(31));

		assertThat(limiter.tryConsume("k").allowed()).isTrue();
	}

	@Test
	void keepsAtMostTheConfiguredNumberOfBuckets() {
		RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(1), 10, this.clock);

		for (int i = 0; i < 1000; i++) {
			limiter.tryConsume("ip:" + i);
		}

		assertThat(limiter.size()).isEqualTo(10);
	}

}
