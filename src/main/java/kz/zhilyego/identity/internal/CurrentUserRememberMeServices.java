package kz.zhilyego.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;

/**
 * Remember-me cookie (signed with a server key, SHA-256) whose principal is a
 * {@link CurrentUser} like every other sign-in. The cookie names the user id; a password
 * change or block makes it invalid.
 */
public class CurrentUserRememberMeServices extends TokenBasedRememberMeServices {

	private final Users users;

	private final java.util.function.BooleanSupplier twoFactorRequired;

	public CurrentUserRememberMeServices(String key, Users users,
			java.util.function.BooleanSupplier twoFactorRequired) {
		super(key, id -> load(users, id));
		this.users = users;
		this.twoFactorRequired = twoFactorRequired;
	}

	private static UserDetails load(Users users, String id) {
		UserRecord user;
		try {
			user = users.find(Long.parseLong(id)).orElseThrow(() -> new UsernameNotFoundException(id));
		}
		catch (NumberFormatException ex) {
			throw new UsernameNotFoundException(id);
		}
		return User.withUsername(id).password(user.passwordHash()).disabled(!user.active()).authorities("USER").build();
	}

	@Override
	protected String retrieveUserName(Authentication authentication) {
		if (authentication.getPrincipal() instanceof CurrentUser user) {
			return String.valueOf(user.id());
		}
		return super.retrieveUserName(authentication);
	}

	@Override
	protected @Nullable String retrievePassword(Authentication authentication) {
		return null;
	}

	@Override
	protected Authentication createSuccessfulAuthentication(HttpServletRequest request, UserDetails details) {
		UserRecord user = this.users.find(Long.parseLong(details.getUsername())).orElseThrow();
		RememberMeAuthenticationToken token = new RememberMeAuthenticationToken(getKey(), user.toCurrentUser(),
				CurrentUserAuthentication.authorities(user, this.twoFactorRequired.getAsBoolean()));
		token.setDetails(getAuthenticationDetailsSource().buildDetails(request));
		return token;
	}

}
