package kz.zhilyego.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.RequestIds;
import kz.zhilyego.identity.CurrentUser;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after the security filters: puts the signed-in user's id in the logging context
 * ({@value RequestIds#USER_KEY}) for the rest of the request. Only the numeric id: never
 * a name, e-mail or phone.
 */
@Component
@Order(0)
class UserIdLogging extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
			chain.doFilter(request, response);
			return;
		}
		try (RequestIds.Scope scope = RequestIds.Scope.put(RequestIds.USER_KEY, Long.toString(user.id()))) {
			chain.doFilter(request, response);
		}
	}

}
