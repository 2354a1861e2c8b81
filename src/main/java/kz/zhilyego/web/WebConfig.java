package kz.zhilyego.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the page interceptors: the one that fills the shared layout's model and the
 * one that limits the static-file lookup of links to static files
 * ({@link StaticFileLinks}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WebProperties.class, MapProperties.class })
class WebConfig implements WebMvcConfigurer {

	private final LayoutModel layout;

	WebConfig(LayoutModel layout) {
		this.layout = layout;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.layout).excludePathPatterns("/api/**", "/webjars/**", "/media/**", "/css/**");
		registry.addInterceptor(new StaticFileLinks.Exposing());
	}

}
