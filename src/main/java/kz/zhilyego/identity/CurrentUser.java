package kz.zhilyego.identity;

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
public record CurrentUser(long id, String name, Set<Role> roles, @Nullable Long agencyId, Language language) {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
