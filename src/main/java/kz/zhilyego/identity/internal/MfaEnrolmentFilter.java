package kz.zhilyego.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff who must use 2FA but have not enrolled may only reach their profile and the 2FA
 * enrolment; the API answers 403 {@code two-factor-enrolment-required}, the web redirects
 * to the enrolment page.
 */
public class MfaEnrolmentFilter extends OncePerRequestFilter {

	private static final List<String> ALLOWED = List.of("/api/v1/me", "/api/v1/me/2fa", "/account/2fa", "/logout",
			"/login", "/error", "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico");

	private final Problems problems;

	private final boolean api;

	public MfaEnrolmentFilter(Problems problems, boolean api) {
		this.problems = problems;
		this.api = api;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean pending = auth != null && auth.getAuthorities()
			.stream()
			.anyMatch(a -> CurrentUserAuthentication.MFA_ENROLMENT_REQUIRED.equals(a.getAuthority()));
		if (pending && ALLOWED.stream().noneMatch(path::startsWith)) {
			if (this.api) {
				this.problems.write(request, response, HttpStatus.FORBIDDEN, "two-factor-enrolment-required",
						"twoFactor.enrolmentRequired");
			}
			else {
				response.sendRedirect(request.getContextPath() + "/account/2fa");
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
