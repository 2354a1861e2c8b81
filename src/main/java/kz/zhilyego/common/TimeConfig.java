package kz.zhilyego.common;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock. Tests replace it with a fixed or mutable clock. */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(Zones.KAZAKHSTAN);
	}

}
