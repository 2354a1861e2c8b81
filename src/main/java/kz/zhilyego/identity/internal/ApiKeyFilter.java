package kz.zhilyego.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in the owner of a valid {@code X-Api-Key}; an unknown or revoked key is a 401
 * problem.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Api-Key";

	private final ApiKeys keys;

	private final Problems problems;

	private final java.util.function.BooleanSupplier twoFactorRequired;

	public ApiKeyFilter(ApiKeys keys, Problems problems, java.util.function.BooleanSupplier twoFactorRequired) {
		this.keys = keys;
		this.problems = problems;
		this.twoFactorRequired = twoFactorRequired;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(HEADER);
		if (presented == null || presented.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<UserRecord> owner = this.keys.authenticate(presented);
		if (owner.isEmpty()) {
			this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-api-key", "auth.apiKeyInvalid");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new CurrentUserAuthentication(owner.get().toCurrentUser(),
				CurrentUserAuthentication.authorities(owner.get(), this.twoFactorRequired.getAsBoolean()), "api-key",
				owner.get().toProfile()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
