package kz.zhilyego.identity.internal;

import java.util.Set;

import kz.zhilyego.common.Language;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import kz.zhilyego.identity.UserProfile;
import org.jspecify.annotations.Nullable;

/** A user row with its roles. */
public record UserRecord(long id, String phone, @Nullable String email, String name, String passwordHash,
		Language language, boolean active, @Nullable Long agencyId, @Nullable Long telegramUserId,
		@Nullable Long telegramChatId, boolean telegramEnabled, boolean totpEnabled, Set<Role> roles) {

	public UserRecord {
		roles = Set.copyOf(roles);
	}

	public CurrentUser toCurrentUser() {
		return new CurrentUser(this.id, this.name, this.roles, this.agencyId, this.language);
	}

	public UserProfile toProfile() {
		return new UserProfile(this.id, this.name, this.phone, this.email, this.language, this.roles, this.agencyId,
				this.telegramChatId, this.telegramEnabled);
	}

	/** Realtor, super admin or superuser. */
	public boolean isStaff() {
		return this.roles.contains(Role.REALTOR) || this.roles.contains(Role.SUPER_ADMIN)
				|| this.roles.contains(Role.SUPERUSER);
	}

}
