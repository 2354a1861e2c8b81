package kz.zhilyego.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a metrics scraper in with {@code Authorization: Bearer <metrics token>}
 * ({@link ManagementProperties}) on the metrics endpoints only: the caller gets the
 * single authority {@code ROLE_METRICS}, which nothing but those endpoints accepts. Any
 * other bearer value goes on to the JWT check as usual (a superuser's token also reads
 * the metrics). Not a bean: it runs inside the API filter chain only.
 */
public class MetricsTokenFilter extends OncePerRequestFilter {

	/** The authority of the scraper. */
	public static final String ROLE = "METRICS";

	private static final String SCRAPER = MetricsTokenFilter.class.getName() + ".SCRAPER";

	private static final List<String> PATHS = List.of("/actuator/prometheus", "/actuator/metrics");

	private final byte @Nullable [] token;

	public MetricsTokenFilter(ManagementProperties properties) {
		this.token = properties.metricsToken() == null ? null
				: properties.metricsToken().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.token == null || !isMetricsPath(request) || !presentsToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new Scraper());
		SecurityContextHolder.setContext(context);
		request.setAttribute(SCRAPER, Boolean.TRUE);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * The bearer token resolver of the resource server: the scraper's token is not a JWT,
	 * so it is not handed to the JWT check.
	 */
	public static BearerTokenResolver bearerTokenResolver() {
		DefaultBearerTokenResolver jwt = new DefaultBearerTokenResolver();
		return request -> request.getAttribute(SCRAPER) != null ? null : jwt.resolve(request);
	}

	private static boolean isMetricsPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
	}

	private boolean presentsToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(presented, this.token);
	}

	private static final class Scraper extends AbstractAuthenticationToken {

		Scraper() {
			super(AuthorityUtils.createAuthorityList("ROLE_" + ROLE));
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return "metrics-scraper";
		}

	}

}
