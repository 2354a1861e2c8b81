package kz.zhilyego.identity.internal;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** The two limiters: general (per user or IP) and sign-in endpoints (per IP). */
@Component
public class RateLimits {

	private final boolean enabled;

	private final RateLimiter general;

	private final RateLimiter auth;

	RateLimits(IdentityProperties properties) {
		IdentityProperties.RateLimit settings = properties.rateLimit();
		// buckets refill on the wall clock, never on a test clock
		Clock system = Clock.systemUTC();
		this.enabled = settings.enabled();
		this.general = new RateLimiter(settings.perMinute(), Duration.ofMinutes(1), settings.maxKeys(), system);
		this.auth = new RateLimiter(settings.authPerMinute(), Duration.ofMinutes(1), settings.maxKeys(), system);
	}

	public boolean enabled() {
		return this.enabled;
	}

	public RateLimiter general() {
		return this.general;
	}

	public RateLimiter auth() {
		return this.auth;
	}

	static boolean isAuthEndpoint(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/login/telegram")) {
			return true;
		}
		if (!"POST".equals(request.getMethod())) {
			return false;
		}
		return path.startsWith("/api/v1/auth/") || path.equals("/login") || path.equals("/register")
				|| path.equals("/account/password");
	}

}
