package kz.zhilyego.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Governance: the superuser manages users, roles, blocks and agencies and reads the audit
 * and code-reveal logs; a super admin activates and deactivates the realtors of own
 * agency (who join by invitation only, {@link AgencyInvitations}). Every change is
 * audited.
 */
@Service
public class UserAdmin {

	private final Users users;

	private final Tokens tokens;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	UserAdmin(Users users, Tokens tokens, AuditLog audit, JdbcClient jdbc, java.time.Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.clock = clock;
		this.users = users;
		this.tokens = tokens;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	public record Agency(long id, String name, @Nullable Long headId, boolean active) {
	}

	public record AuditEntry(long id, Instant at, @Nullable Long actorId, String action, @Nullable String subjectType,
			@Nullable String subjectId, String details) {
	}

	public record Reveal(long id, Instant at, long listingId, @Nullable UUID bookingId, long actorId, String audience,
			String channel) {
	}

	@Transactional(readOnly = true)
	public PageResult<UserRecord> search(@Nullable String query, @Nullable Role role, int page, int size) {
		return this.users.search(query, role, page, size);
	}

	@Transactional(readOnly = true)
	public UserRecord user(long id) {
		return this.users.find(id).orElseThrow(() -> ProblemException.notFound("user.notFound"));
	}

	@Transactional
	public UserRecord setRoles(CurrentUser actor, long userId, Set<Role> roles) {
		UserRecord before = user(userId);
		Set<Role> next = roles.isEmpty() ? EnumSet.of(Role.USER) : EnumSet.copyOf(roles);
		if (actor.id() == userId && !next.contains(Role.SUPERUSER)) {
			throw ProblemException.conflict("own-superuser-role", "user.ownSuperuserRole");
		}
		this.users.setRoles(userId, next);
		this.audit.record(actor.id(), "user.roles-changed", "user", String.valueOf(userId),
				Map.of("from", before.roles().toString(), "to", next.toString()));
		return user(userId);
	}

	@Transactional
	public UserRecord setBlocked(CurrentUser actor, long userId, boolean blocked) {
		return setBlocked(actor, userId, blocked, null);
	}

	/**
	 * Blocks (signs the user out everywhere) or unblocks; the reason is kept on the user
	 * while blocked and in the audit log.
	 */
	@Transactional
	public UserRecord setBlocked(CurrentUser actor, long userId, boolean blocked, @Nullable String reason) {
		user(userId);
		if (actor.id() == userId) {
			throw ProblemException.conflict("own-account", "user.ownAccount");
		}
		String text = reason == null || reason.isBlank() ? null : reason.strip();
		if (text != null && text.length() > 500) {
			throw ProblemException.invalidField("reason", "user.blockReason.tooLong", 500);
		}
		this.users.setActive(userId, !blocked);
		this.jdbc.sql("update users set blocked_reason = :reason, blocked_at = :at where id = :id")
			.param("reason", blocked ? text : null)
			.param("at", blocked ? Instants.utc(this.clock.instant()) : null)
			.param("id", userId)
			.update();
		if (blocked) {
			this.tokens.revokeAll(userId);
		}
		this.events.publishEvent(new kz.zhilyego.identity.UserBlocked(userId, blocked, text, actor.id()));
		this.audit.record(actor.id(), blocked ? "user.blocked" : "user.unblocked", "user", String.valueOf(userId),
				text == null ? Map.of() : Map.of("reason", text));
		return user(userId);
	}

	/** Why the user is blocked (null when not blocked or no reason was given). */
	@Transactional(readOnly = true)
	public @Nullable String blockedReason(long userId) {
		return this.jdbc.sql("select blocked_reason from users where id = :id")
			.param("id", userId)
			.query((rs, n) -> rs.getString(1))
			.optional()
			.orElse(null);
	}

	/**
	 * A head edits the name of a realtor of the own agency (anyone else: "not found").
	 * The e-mail and phone are how the realtor signs in and recovers the account, so only
	 * the realtor changes them (in their own settings): a head who could change them
	 * could send the password reset to themselves. A request may repeat the current
	 * e-mail and phone; a different value is a field error and changes nothing. Audited.
	 */
	@Transactional
	public UserRecord updateRealtorProfile(CurrentUser head, long realtorId, @Nullable String name,
			@Nullable String phone, @Nullable String email) {
		long agencyId = agencyOf(head);
		UserRecord realtor = this.users.find(realtorId)
			.filter(u -> u.agencyId() != null && u.agencyId() == agencyId && u.roles().contains(Role.REALTOR))
			.orElseThrow(() -> ProblemException.notFound("user.notFound"));
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		String newName = name == null ? "" : name.strip();
		if (newName.isEmpty() || newName.length() > 200) {
			errors.put("name", "user.name.invalid");
		}
		if (phone != null && !phone.isBlank()
				&& !kz.zhilyego.common.Phones.normalize(phone).map(p -> p.equals(realtor.phone())).orElse(false)) {
			errors.put("phone", "user.contact.ownOnly");
		}
		if (email != null && !email.isBlank() && !email.strip().equalsIgnoreCase(String.valueOf(realtor.email()))) {
			errors.put("email", "user.contact.ownOnly");
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "validation",
					"problem.validation", errors);
		}
		if (!newName.equals(realtor.name())) {
			this.jdbc.sql("update users set name = :name, updated_at = :at where id = :id")
				.param("name", newName)
				.param("at", Instants.utc(this.clock.instant()))
				.param("id", realtorId)
				.update();
			this.audit.record(head.id(), "agency.realtor-updated", "user", String.valueOf(realtorId), Map.of("agencyId",
					agencyId, "fields", Map.of("name", Map.of("old", realtor.name(), "new", newName))));
		}
		return user(realtorId);
	}

	@Transactional
	public Agency createAgency(CurrentUser actor, String name) {
		long taken = this.jdbc.sql("select count(*) from agencies where lower(name) = lower(:name)")
			.param("name", name.trim())
			.query(Long.class)
			.single();
		if (taken > 0) {
			throw ProblemException.invalidField("name", "agency.name.taken");
		}
		long id = this.jdbc.sql("insert into agencies (name) values (:name) returning id")
			.param("name", name.trim())
			.query(Long.class)
			.single();
		this.audit.record(actor.id(), "agency.created", "agency", String.valueOf(id), Map.of("name", name.trim()));
		return agency(id);
	}

	@Transactional(readOnly = true)
	public List<Agency> agencies() {
		return this.jdbc.sql("select * from agencies order by id").query(UserAdmin::agency).list();
	}

	@Transactional(readOnly = true)
	public Agency agency(long id) {
		return this.jdbc.sql("select * from agencies where id = :id")
			.param("id", id)
			.query(UserAdmin::agency)
			.optional()
			.orElseThrow(() -> ProblemException.notFound("agency.notFound"));
	}

	/**
	 * Makes the user the head (super admin) of the agency; a previous head loses the
	 * role.
	 */
	@Transactional
	public Agency assignHead(CurrentUser actor, long agencyId, long userId) {
		Agency agency = agency(agencyId);
		UserRecord user = user(userId);
		if (user.agencyId() != null && user.agencyId() != agencyId) {
			throw ProblemException.conflict("other-agency", "realtor.otherAgency");
		}
		Long previous = agency.headId();
		if (previous != null && previous != userId) {
			this.jdbc.sql("delete from user_roles where user_id = :id and role = 'SUPER_ADMIN'")
				.param("id", previous)
				.update();
		}
		this.jdbc.sql("update agencies set head_id = null where head_id = :user").param("user", userId).update();
		this.jdbc.sql("update agencies set head_id = :user where id = :id")
			.param("user", userId)
			.param("id", agencyId)
			.update();
		this.users.setAgency(userId, agencyId);
		this.users.addRole(userId, Role.SUPER_ADMIN);
		this.audit.record(actor.id(), "agency.head-assigned", "agency", String.valueOf(agencyId),
				Map.of("userId", userId, "previousHeadId", previous == null ? "" : previous.toString()));
		return agency(agencyId);
	}

	// --- super admin: own agency's realtors

	@Transactional(readOnly = true)
	public List<UserRecord> realtors(CurrentUser head) {
		return this.users.realtors(agencyOf(head));
	}

	/**
	 * Deactivates (blocks) or re-activates a realtor of the head's own agency — someone
	 * who joined it (by accepting an invitation, see {@link AgencyInvitations}); anyone
	 * else is "not found".
	 */
	@Transactional
	public UserRecord setRealtorActive(CurrentUser head, long realtorId, boolean active) {
		long agencyId = agencyOf(head);
		UserRecord realtor = this.users.find(realtorId)
			.filter(u -> u.agencyId() != null && u.agencyId() == agencyId && u.roles().contains(Role.REALTOR)
					&& u.id() != head.id())
			.orElseThrow(() -> ProblemException.notFound("user.notFound"));
		this.users.setActive(realtor.id(), active);
		if (!active) {
			this.tokens.revokeAll(realtor.id());
		}
		this.audit.record(head.id(), active ? "agency.realtor-activated" : "agency.realtor-deactivated", "user",
				String.valueOf(realtorId), Map.of("agencyId", agencyId));
		return user(realtorId);
	}

	// --- logs

	@Transactional(readOnly = true)
	public PageResult<AuditEntry> audit(@Nullable String action, @Nullable Long actorId, int page, int size) {
		String where = " where (cast(:action as text) is null or action = :action)"
				+ " and (cast(:actor as bigint) is null or actor_id = :actor)";
		long total = this.jdbc.sql("select count(*) from audit_log" + where)
			.param("action", action)
			.param("actor", actorId)
			.query(Long.class)
			.single();
		List<AuditEntry> items = this.jdbc
			.sql("select * from audit_log" + where + " order by at desc, id desc limit :size offset :offset")
			.param("action", action)
			.param("actor", actorId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), Instants.read(rs, "at"),
					rs.getObject("actor_id", Long.class), rs.getString("action"), rs.getString("subject_type"),
					rs.getString("subject_id"), rs.getString("details")))
			.list();
		return new PageResult<>(total, page, size, items);
	}

	@Transactional(readOnly = true)
	public PageResult<Reveal> reveals(@Nullable Long listingId, int page, int size) {
		String where = " where (cast(:listing as bigint) is null or listing_id = :listing)";
		long total = this.jdbc.sql("select count(*) from access_code_reveals" + where)
			.param("listing", listingId)
			.query(Long.class)
			.single();
		List<Reveal> items = this.jdbc
			.sql("select * from access_code_reveals" + where + " order by at desc, id desc limit :size offset :offset")
			.param("listing", listingId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new Reveal(rs.getLong("id"), Instants.read(rs, "at"), rs.getLong("listing_id"),
					rs.getObject("booking_id", UUID.class), rs.getLong("actor_id"), rs.getString("audience"),
					rs.getString("channel")))
			.list();
		return new PageResult<>(total, page, size, items);
	}

	/** The agency the head heads now; 403 for anyone who heads none. */
	long agencyOf(CurrentUser head) {
		Long agencyId = this.users.find(head.id()).map(UserRecord::agencyId).orElse(null);
		if (agencyId == null || !head.has(Role.SUPER_ADMIN)) {
			throw ProblemException.forbidden("problem.forbidden");
		}
		return agencyId;
	}

	private static Agency agency(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Agency(rs.getLong("id"), rs.getString("name"), rs.getObject("head_id", Long.class),
				rs.getBoolean("active"));
	}

}
