package kz.zhilyego.platform;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operations settings.
 *
 * @param databaseCheckInterval how long the {@code zhilyego.database.up} gauge reuses its
 * last check (default 10 s; 0 checks on every scrape)
 */
@ConfigurationProperties("zhilyego.ops")
record OpsProperties(@Nullable Duration databaseCheckInterval) {

	OpsProperties {
		databaseCheckInterval = (databaseCheckInterval == null || databaseCheckInterval.isNegative())
				? Duration.ofSeconds(10) : databaseCheckInterval;
	}

}
