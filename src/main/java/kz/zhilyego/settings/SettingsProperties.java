package kz.zhilyego.settings;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a node reads the platform settings.
 *
 * @param cacheTtl how old the settings a node uses may be (default 5 s; 0 reads the row
 * every time)
 */
@ConfigurationProperties("zhilyego.settings")
record SettingsProperties(@Nullable Duration cacheTtl) {

	SettingsProperties {
		cacheTtl = (cacheTtl == null || cacheTtl.isNegative()) ? Duration.ofSeconds(5) : cacheTtl;
	}

}
