package kz.zhilyego.flags;

import java.util.Set;

import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Whom a flag is evaluated for.
 *
 * @param userId the signed-in user; null for an anonymous visitor (then only a flag on
 * for everyone is on)
 * @param roles the user's roles
 * @param agencyId the agency a realtor belongs to or a super admin heads
 */
public record FlagSubject(@Nullable Long userId, Set<Role> roles, @Nullable Long agencyId) {

	public FlagSubject {
		roles = Set.copyOf(roles);
	}

	public static FlagSubject of(CurrentUser user) {
		return new FlagSubject(user.id(), user.roles(), user.agencyId());
	}

	/** The signed-in user, or an anonymous visitor for null. */
	public static FlagSubject ofNullable(@Nullable CurrentUser user) {
		return user == null ? anonymous() : of(user);
	}

	public static FlagSubject anonymous() {
		return new FlagSubject(null, Set.of(), null);
	}

}
