package kz.zhilyego.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.identity.UserProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a signed-in {@link CurrentUser}, whatever the way in (JWT bearer,
 * API key, password): the principal is always the {@code CurrentUser}.
 */
public final class CurrentUserAuthentication extends AbstractAuthenticationToken {

	/** Granted to staff who must enrol in TOTP before doing anything else. */
	public static final String MFA_ENROLMENT_REQUIRED = "MFA_ENROLMENT_REQUIRED";

	private final CurrentUser user;

	private final String method;

	/**
	 * The profile read from the database while authenticating this request (bearer token,
	 * API key); never kept in a session.
	 */
	private final transient @Nullable UserProfile profile;

	public CurrentUserAuthentication(CurrentUser user, Collection<? extends GrantedAuthority> authorities,
			String method) {
		this(user, authorities, method, null);
	}

	public CurrentUserAuthentication(CurrentUser user, Collection<? extends GrantedAuthority> authorities,
			String method, @Nullable UserProfile profile) {
		super(authorities);
		this.user = user;
		this.method = method;
		this.profile = profile;
		setAuthenticated(true);
	}

	/** {@code ROLE_*} per role, plus {@link #MFA_ENROLMENT_REQUIRED} when it applies. */
	public static List<GrantedAuthority> authorities(UserRecord user, boolean twoFactorRequiredForStaff) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (Role role : user.roles()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
		}
		if (twoFactorRequiredForStaff && user.isStaff() && !user.totpEnabled()) {
			authorities.add(new SimpleGrantedAuthority(MFA_ENROLMENT_REQUIRED));
		}
		return authorities;
	}

	@Override
	public CurrentUser getPrincipal() {
		return this.user;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public String getName() {
		return String.valueOf(this.user.id());
	}

	/**
	 * The user's profile as read for this request's authentication; null when the
	 * authentication came from a session (it may be older than the request).
	 */
	public @Nullable UserProfile profile() {
		return this.profile;
	}

	/** {@code password}, {@code jwt}, {@code api-key}, {@code remember-me}. */
	public String method() {
		return this.method;
	}

}
