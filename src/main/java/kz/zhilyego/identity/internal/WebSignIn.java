package kz.zhilyego.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Signs a user in to the web session the way form login does — a fresh session id, the
 * security context in the session, the browser remembered as the account's device — for
 * the pages that prove who someone is by other means (a new registration with its
 * password).
 */
@Component
public class WebSignIn {

	private final DeviceTokens devices;

	private final RequestCache requests;

	private final boolean twoFactorRequiredForStaff;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	WebSignIn(DeviceTokens devices, RequestCache requests, IdentityProperties properties) {
		this.devices = devices;
		this.requests = requests;
		this.twoFactorRequiredForStaff = properties.twoFactor().requiredForStaff();
	}

	/**
	 * Signs the user in and returns where to go: the page that asked for sign-in, if any,
	 * else {@code fallback}.
	 */
	public String signIn(long userId, Users users, HttpServletRequest request, HttpServletResponse response,
			String fallback) {
		UserRecord user = users.find(userId).orElseThrow();
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(new CurrentUserAuthentication(user.toCurrentUser(),
				CurrentUserAuthentication.authorities(user, this.twoFactorRequiredForStaff), "password"));
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.devices.setCookie(user.id(), request, response);
		SavedRequest saved = this.requests.getRequest(request, response);
		if (saved != null) {
			this.requests.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return fallback;
	}

}
