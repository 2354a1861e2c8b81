package kz.zhilyego.common.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

	private final FilterProblems problems;

	DatabaseUnavailableFilter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.problems = new FilterProblems(messages, locales, json);
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
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"problem.unavailable");
		}
	}

}
