package kz.zhilyego.identity;

import java.io.Serializable;
import java.util.Set;

import kz.zhilyego.common.Language;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in person as every channel sees it: the {@code Authentication} principal for
 * web sessions, JWT and API keys alike.
 *
 * @param id user id
 * @param agencyId the agency a realtor belongs to or a super admin heads; null otherwise
 */
public record CurrentUser(long id, String name, Set<Role> roles, @Nullable Long agencyId,
		Language language) implements Serializable {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** Realtor, super admin or superuser. */
	public boolean isStaff() {
		return has(Role.REALTOR) || has(Role.SUPER_ADMIN) || has(Role.SUPERUSER);
	}

}
