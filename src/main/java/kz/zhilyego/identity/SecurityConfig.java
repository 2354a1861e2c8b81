package kz.zhilyego.identity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Public: the catalog API, operations endpoints, API docs and media.
 * Everything else under {@code /api} needs a signed-in principal; finer rules live in the
 * services through the access scope. API errors are problem details, never a login page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, MessageSource messages, LocaleResolver locales, JsonMapper json)
			throws Exception {
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
				"/media/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.GET, "/api/v1/listings", "/api/v1/listings/**")
				.permitAll()
				.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info")
				.permitAll()
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/media/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/payments/webhooks/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problem(request, response, messages, locales, json,
						HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized"))
				.accessDeniedHandler((request, response, ex) -> problem(request, response, messages, locales, json,
						HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden")));
		return http.build();
	}

	static void problem(HttpServletRequest request, HttpServletResponse response, MessageSource messages,
			LocaleResolver locales, JsonMapper json, HttpStatus status, String type, String key) throws IOException {
		Locale locale = locales.resolveLocale(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", ProblemException.typeUri(type).toString());
		body.put("title", messages.getMessage("problem.title." + type, null, status.getReasonPhrase(), locale));
		body.put("status", status.value());
		body.put("detail", messages.getMessage(key, null, key, locale));
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

}
