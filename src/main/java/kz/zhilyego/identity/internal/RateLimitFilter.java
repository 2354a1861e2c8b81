package kz.zhilyego.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.identity.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 429 with {@code Retry-After} when a caller goes over the limit: per user when signed
 * in, per IP otherwise, and a stricter per-IP limit on sign-in, token, registration and
 * password endpoints. Not a bean on purpose: it runs inside the security filter chains
 * only.
 */
public class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimits limits;

	private final Problems problems;

	public RateLimitFilter(RateLimits limits, Problems problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.limits.enabled()) {
			chain.doFilter(request, response);
			return;
		}
		String ip = request.getRemoteAddr();
		RateLimiter.Decision decision = RateLimits.isAuthEndpoint(request) ? this.limits.auth().tryConsume("auth:" + ip)
				: new RateLimiter.Decision(true, 0);
		if (decision.allowed()) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			String key = auth != null && auth.getPrincipal() instanceof CurrentUser user ? "user:" + user.id()
					: "ip:" + ip;
			decision = this.limits.general().tryConsume(key);
		}
		if (!decision.allowed()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
			this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "rateLimit.exceeded",
					decision.retryAfterSeconds());
			return;
		}
		chain.doFilter(request, response);
	}

}
