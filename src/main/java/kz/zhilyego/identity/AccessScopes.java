package kz.zhilyego.identity;

import java.util.HashSet;
import java.util.Set;

import kz.zhilyego.identity.internal.Users;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the {@link AccessScope} of a principal: superuser → the platform; super admin →
 * the agency's active realtors plus own listings; realtor → own listings; user → own
 * bookings only. Build it once per request and pass it down into every query.
 */
@Service
public class AccessScopes {

	private final Users users;

	AccessScopes(Users users) {
		this.users = users;
	}

	@Transactional(readOnly = true)
	public AccessScope of(CurrentUser user) {
		if (user.has(Role.SUPERUSER)) {
			return new AccessScope(user.id(), AccessScope.Kind.PLATFORM, Set.of());
		}
		if (user.has(Role.SUPER_ADMIN)) {
			Set<Long> owners = new HashSet<>();
			owners.add(user.id());
			if (user.agencyId() != null) {
				owners.addAll(this.users.activeRealtorIds(user.agencyId()));
			}
			return new AccessScope(user.id(), AccessScope.Kind.AGENCY, owners);
		}
		if (user.has(Role.REALTOR)) {
			return new AccessScope(user.id(), AccessScope.Kind.REALTOR, Set.of(user.id()));
		}
		return new AccessScope(user.id(), AccessScope.Kind.USER, Set.of());
	}

}
