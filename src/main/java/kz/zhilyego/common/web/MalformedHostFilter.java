package kz.zhilyego.common.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs right after the forwarded-header handling: a request whose URL cannot be a URI
 * (e.g. {@code X-Forwarded-Host: a b} or {@code <script>} from a client or a misbehaving
 * proxy) is a 400 problem here, instead of a 500 later when the security filters build a
 * sign-in redirect from it. Such requests come from tools, never from a browser.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MalformedHostFilter extends OncePerRequestFilter {

	private final FilterProblems problems;

	MalformedHostFilter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.problems = new FilterProblems(messages, locales, json);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			new URI(request.getRequestURL().toString());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request",
					"problem.malformed-request");
			return;
		}
		chain.doFilter(request, response);
	}

}
