package kz.zhilyego.identity.internal;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The three limiters: per caller (a signed-in user, or a visitor's browser), per client
 * address (anonymous traffic), and the sign-in endpoints (per address).
 */
@Component
public class RateLimits {

	private final boolean enabled;

	private final RateLimiter general;

	private final RateLimiter address;

	private final RateLimiter auth;

	@Autowired
	RateLimits(IdentityProperties properties) {
		this(properties.rateLimit(), Clock.systemUTC());
	}

	/** Buckets refill on {@code clock}: the wall clock in the app, never a test clock. */
	RateLimits(IdentityProperties.RateLimit settings, Clock clock) {
		this.enabled = settings.enabled();
		this.general = new RateLimiter(settings.perMinute(), Duration.ofMinutes(1), settings.maxKeys(), clock);
		this.address = new RateLimiter(settings.addressPerMinute(), Duration.ofMinutes(1), settings.maxKeys(), clock);
		this.auth = new RateLimiter(settings.authPerMinute(), Duration.ofMinutes(1), settings.maxKeys(), clock);
	}

	public boolean enabled() {
		return this.enabled;
	}

	/** Per signed-in user or visitor. */
	public RateLimiter general() {
		return this.general;
	}

	/** Per client address, for anonymous requests. */
	public RateLimiter address() {
		return this.address;
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
