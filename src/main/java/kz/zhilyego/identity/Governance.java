package kz.zhilyego.identity;

import java.util.List;
import java.util.Set;

import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.internal.UserAdmin;
import kz.zhilyego.identity.internal.UserRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The superuser's governance of people for other modules' pages (the admin module's user
 * page): the same services as {@code /api/v1/admin/users/**} and
 * {@code /api/v1/admin/agencies} (roles, blocks with a reason, agencies and their heads),
 * every change audited. Callers check the role; the services check it again where it
 * matters (nobody blocks or demotes themselves).
 */
@Service
public class Governance {

	private final UserAdmin admin;

	Governance(UserAdmin admin) {
		this.admin = admin;
	}

	/** A person as the superuser's pages show them. */
	public record Person(UserProfile profile, boolean active, boolean totpEnabled, @Nullable String blockedReason) {
	}

	/** An agency with its head. */
	public record Agency(long id, String name, @Nullable Long headId, boolean active) {
	}

	@Transactional(readOnly = true)
	public Person person(long userId) {
		UserRecord user = this.admin.user(userId);
		return new Person(user.toProfile(), user.active(), user.totpEnabled(), this.admin.blockedReason(userId));
	}

	@Transactional(readOnly = true)
	public PageResult<Person> search(@Nullable String query, @Nullable Role role, int page, int size) {
		PageResult<UserRecord> found = this.admin.search(query, role, page, size);
		return new PageResult<>(found.total(), found.page(), found.size(),
				found.items().stream().map(u -> new Person(u.toProfile(), u.active(), u.totpEnabled(), null)).toList());
	}

	@Transactional
	public Person setRoles(CurrentUser actor, long userId, Set<Role> roles) {
		this.admin.setRoles(actor, userId, roles);
		return person(userId);
	}

	@Transactional
	public Person setBlocked(CurrentUser actor, long userId, boolean blocked, @Nullable String reason) {
		this.admin.setBlocked(actor, userId, blocked, reason);
		return person(userId);
	}

	@Transactional(readOnly = true)
	public List<Agency> agencies() {
		return this.admin.agencies().stream().map(a -> new Agency(a.id(), a.name(), a.headId(), a.active())).toList();
	}

	@Transactional
	public Agency createAgency(CurrentUser actor, String name) {
		UserAdmin.Agency a = this.admin.createAgency(actor, name);
		return new Agency(a.id(), a.name(), a.headId(), a.active());
	}

	@Transactional
	public Agency assignHead(CurrentUser actor, long agencyId, long userId) {
		UserAdmin.Agency a = this.admin.assignHead(actor, agencyId, userId);
		return new Agency(a.id(), a.name(), a.headId(), a.active());
	}

}
