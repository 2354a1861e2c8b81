package kz.zhilyego.common.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Request language: {@code ?lang=ru|kk|en} (remembered in a cookie), else the best
 * supported match of {@code Accept-Language}, else Russian.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

	static final Locale RUSSIAN = Locale.of("ru");

	static final List<Locale> SUPPORTED = List.of(RUSSIAN, Locale.of("kk"), Locale.ENGLISH);

	/**
	 * {@code #viewer} for every template (declared here, in a {@code WebMvcConfigurer},
	 * so that web test slices render the layout with it too).
	 */
	@Bean
	ViewerDialect viewerDialect() {
		return new ViewerDialect();
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(LocaleConfig::fromHeader);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	static Locale fromHeader(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return RUSSIAN;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return match != null ? match : RUSSIAN;
		}
		catch (IllegalArgumentException ex) {
			return RUSSIAN;
		}
	}

}
