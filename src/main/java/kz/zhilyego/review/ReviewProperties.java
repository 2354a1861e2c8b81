package kz.zhilyego.review;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Review settings.
 *
 * @param revealInterval how often the cluster-safe job reveals reviews whose blind period
 * is over (default 15 min)
 */
@ConfigurationProperties("zhilyego.review")
record ReviewProperties(@Nullable Duration revealInterval) {

	ReviewProperties {
		revealInterval = (revealInterval == null || !revealInterval.isPositive()) ? Duration.ofMinutes(15)
				: revealInterval;
	}

}
