package kz.zhilyego.common.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs before the security filters: when the database cannot be reached while a filter
 * needs it (e.g. loading the signed-in user for a bearer token), the client gets the same
 * 503 problem with Retry-After as from a controller (a page route: the styled error
 * page), instead of the container's 500. Failures inside controllers never get here;
 * {@link ProblemDetailsAdvice} answers them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	DatabaseUnavailableFilter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !DatabaseFailures.unreachable(ex)) {
				throw ex;
			}
			log.warn("Database unavailable: {}", ex.getMessage());
			response.resetBuffer();
			if (WebRoutes.isPage(request)) {
				// the site's error page, styled and in the visitor's language
				response.setHeader(HttpHeaders.RETRY_AFTER, "5");
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
				return;
			}
			Locale locale = this.locales.resolveLocale(request);
			HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", ProblemException.typeUri("service-unavailable").toString());
			body.put("title", this.messages.getMessage("problem.title.service-unavailable", null,
					status.getReasonPhrase(), locale));
			body.put("status", status.value());
			body.put("detail", this.messages.getMessage("problem.unavailable", null, "problem.unavailable", locale));
			body.put("instance", request.getRequestURI());
			response.setStatus(status.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getOutputStream(), body);
		}
	}

}
