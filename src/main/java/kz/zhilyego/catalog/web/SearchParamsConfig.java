package kz.zhilyego.catalog.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers {@link SearchParamsResolver} for the search API. The MVC conversion service
 * is injected lazily: it is made by the MVC configuration that collects this configurer.
 */
@Configuration(proxyBeanMethods = false)
class SearchParamsConfig implements WebMvcConfigurer {

	private final ConversionService conversions;

	SearchParamsConfig(@Lazy @Qualifier("mvcConversionService") ConversionService conversions) {
		this.conversions = conversions;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new SearchParamsResolver(this.conversions));
	}

}
