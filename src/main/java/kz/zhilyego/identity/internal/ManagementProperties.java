package kz.zhilyego.identity.internal;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operations endpoints ({@code zhilyego.management.*}).
 *
 * @param metricsToken the bearer token a metrics scraper sends for
 * {@code /actuator/prometheus} and {@code /actuator/metrics/**}
 * ({@code ZHILYEGO_METRICS_TOKEN}, at least 32 characters); empty: only superusers read
 * the metrics
 */
@ConfigurationProperties("zhilyego.management")
public record ManagementProperties(@Nullable String metricsToken) {

	static final int MIN_TOKEN_LENGTH = 32;

	public ManagementProperties {
		metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken.strip();
		if (metricsToken != null && metricsToken.getBytes(StandardCharsets.UTF_8).length < MIN_TOKEN_LENGTH) {
			throw new IllegalStateException(
					"zhilyego.management.metrics-token (ZHILYEGO_METRICS_TOKEN) must be at least " + MIN_TOKEN_LENGTH
							+ " characters; generate one with: openssl rand -base64 32");
		}
	}

}
