package kz.zhilyego.web;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import kz.zhilyego.catalog.ListingCatalog;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Registers {@link ListingPageCache} after the security filters (a bean of its own, so
 * web slice tests, which pick up filters, leave it out).
 */
@Configuration(proxyBeanMethods = false)
class ListingPageCacheConfig {

	@Bean
	FilterRegistrationBean<ListingPageCache> listingPageCache(ListingCatalog catalog, LocaleResolver localeResolver,
			Clock clock, MeterRegistry meters) {
		FilterRegistrationBean<ListingPageCache> registration = new FilterRegistrationBean<>(
				new ListingPageCache(catalog, localeResolver, clock, meters));
		registration.setOrder(0);
		return registration;
	}

}
