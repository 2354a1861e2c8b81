package kz.zhilyego.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form sign-in (login = e-mail or phone, password, optional TOTP {@code code}, the device
 * cookie) through {@link PasswordLogin}. Deliberately not a bean: a provider bean would
 * also join Spring Security's global authentication manager, the parent of the web
 * chain's, and a refused sign-in would be tried (and counted) twice. The web filter chain
 * registers it alone.
 */
public class PasswordAuthenticationProvider implements AuthenticationProvider {

	private final PasswordLogin login;

	private final IdentityProperties properties;

	private final java.util.function.BooleanSupplier twoFactorRequired;

	public PasswordAuthenticationProvider(PasswordLogin login, IdentityProperties properties,
			java.util.function.BooleanSupplier twoFactorRequired) {
		this.twoFactorRequired = twoFactorRequired;
		this.login = login;
		this.properties = properties;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = String.valueOf(authentication.getPrincipal());
		String password = String.valueOf(authentication.getCredentials());
		String code = null;
		String ip = null;
		String device = null;
		if (authentication.getDetails() instanceof LoginDetails details) {
			code = details.code();
			ip = details.getRemoteAddress();
			device = details.deviceToken();
		}
		try {
			UserRecord user = this.login.authenticate(username, password, code, ip, device, "web");
			CurrentUserAuthentication result = new CurrentUserAuthentication(user.toCurrentUser(),
					CurrentUserAuthentication.authorities(user, this.twoFactorRequired.getAsBoolean()), "password");
			result.setDetails(authentication.getDetails());
			return result;
		}
		catch (LoginFailedException ex) {
			throw new LoginRefusedException(ex.reason());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * Request details of the sign-in form, with the optional TOTP or recovery code and
	 * the device cookie.
	 */
	public static final class LoginDetails extends WebAuthenticationDetails {

		private final @Nullable String code;

		private final transient @Nullable String deviceToken;

		public LoginDetails(HttpServletRequest request) {
			super(request);
			this.code = request.getParameter("code");
			this.deviceToken = DeviceTokens.fromCookie(request);
		}

		public @Nullable String code() {
			return this.code;
		}

		public @Nullable String deviceToken() {
			return this.deviceToken;
		}

	}

	/** Why the form sign-in failed (shown on the form). */
	public static final class LoginRefusedException extends AuthenticationException {

		private final LoginFailedException.Reason reason;

		LoginRefusedException(LoginFailedException.Reason reason) {
			super(reason.name());
			this.reason = reason;
		}

		public LoginFailedException.Reason reason() {
			return this.reason;
		}

	}

}
