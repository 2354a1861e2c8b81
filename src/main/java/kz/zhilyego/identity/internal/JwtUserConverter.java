package kz.zhilyego.identity.internal;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified access token into the {@code CurrentUser} it names; blocked or unknown
 * users get a 401.
 */
public class JwtUserConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final Users users;

	private final java.util.function.BooleanSupplier twoFactorRequired;

	public JwtUserConverter(Users users, java.util.function.BooleanSupplier twoFactorRequired) {
		this.users = users;
		this.twoFactorRequired = twoFactorRequired;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		if (!"access".equals(jwt.getClaimAsString("typ"))) {
			throw new InvalidBearerTokenException("Not an access token");
		}
		long id;
		try {
			id = Long.parseLong(jwt.getSubject());
		}
		catch (NumberFormatException ex) {
			throw new InvalidBearerTokenException("Bad subject");
		}
		UserRecord user = this.users.find(id)
			.filter(UserRecord::active)
			.orElseThrow(() -> new InvalidBearerTokenException("Unknown or blocked user"));
		return new CurrentUserAuthentication(user.toCurrentUser(),
				CurrentUserAuthentication.authorities(user, this.twoFactorRequired.getAsBoolean()), "jwt",
				user.toProfile());
	}

}
