package kz.zhilyego.identity.web;

import java.util.Set;
import java.util.TreeSet;

import kz.zhilyego.identity.Role;
import kz.zhilyego.identity.internal.UserRecord;
import org.jspecify.annotations.Nullable;

/** A user as the API shows it (never the password hash or secrets). */
record UserJson(long id, String name, String phone, @Nullable String email, String language, Set<Role> roles,
		String status, @Nullable Long agencyId, boolean telegramLinked, boolean telegramEnabled,
		boolean twoFactorEnabled) {

	static UserJson of(UserRecord user) {
		return new UserJson(user.id(), user.name(), user.phone(), user.email(), user.language().code(),
				new TreeSet<>(user.roles()), user.active() ? "ACTIVE" : "BLOCKED", user.agencyId(),
				user.telegramUserId() != null, user.telegramEnabled(), user.totpEnabled());
	}

}
