package kz.zhilyego.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AgencyInvitationSent;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agency invitations: the only way an existing account joins an agency. A head invites an
 * e-mail address; the answer is the same whether or not an account has that address and
 * says nothing about it. The e-mail carries a link with a random single-use token (stored
 * as its SHA-256) that expires. Only the account with that e-mail, signed in as itself,
 * can accept (it becomes a realtor of the agency) or decline; staff heads and superusers
 * cannot join, nor can a realtor of another agency. The head sees the pending invitations
 * (as typed) and can revoke them. Everything is audited.
 */
@Service
public class AgencyInvitations {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final JdbcClient jdbc;

	private final Users users;

	private final UserAdmin admin;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final IdentityProperties.Invitations settings;

	AgencyInvitations(JdbcClient jdbc, Users users, UserAdmin admin, AuditLog audit, ApplicationEventPublisher events,
			Clock clock, IdentityProperties properties) {
		this.jdbc = jdbc;
		this.users = users;
		this.admin = admin;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.settings = properties.invitations();
	}

	/** What the head learns: that an invitation went out, and until when it holds. */
	public record Invited(long invitationId, Instant expiresAt) {
	}

	/** A pending invitation as the head typed it. */
	public record Pending(long id, String email, @Nullable String name, Instant createdAt, Instant expiresAt) {
	}

	public enum Status {

		PENDING, ACCEPTED, DECLINED, REVOKED, EXPIRED

	}

	/** An invitation as its link shows it (to whoever holds the token). */
	public record Invitation(long id, long agencyId, String agencyName, String email, @Nullable String name,
			Status status, Instant expiresAt) {

		public boolean open() {
			return this.status == Status.PENDING;
		}

	}

	/**
	 * Invites {@code email} to the head's agency and sends the link. A pending invitation
	 * to the same address is replaced (its link stops working).
	 */
	@Transactional
	public Invited invite(CurrentUser head, String email, @Nullable String name, Language language) {
		long agencyId = this.admin.agencyOf(head);
		String address = email.strip().toLowerCase(Locale.ROOT);
		if (address.length() > 200 || !EMAIL.matcher(address).matches()) {
			throw ProblemException.invalidField("email", "invitation.email.invalid");
		}
		String displayName = name == null || name.isBlank() ? null : name.strip();
		if (displayName != null && displayName.length() > 200) {
			throw ProblemException.invalidField("name", "invitation.name.tooLong");
		}
		Instant now = this.clock.instant();
		// lock the agency row: concurrent invitations of one agency count one at a time
		String agencyName = this.jdbc.sql("select name from agencies where id = :id for update")
			.param("id", agencyId)
			.query(String.class)
			.single();
		this.jdbc.sql("""
				update agency_invitations set status = 'REVOKED', decided_at = :now, decided_by = :head
				where agency_id = :agency and email = :email and status = 'PENDING'
				""")
			.param("now", utc(now))
			.param("head", head.id())
			.param("agency", agencyId)
			.param("email", address)
			.update();
		long pending = this.jdbc.sql("""
				select count(*) from agency_invitations
				where agency_id = :agency and status = 'PENDING' and expires_at > :now
				""").param("agency", agencyId).param("now", utc(now)).query(Long.class).single();
		if (pending >= this.settings.maxPending()) {
			throw new ProblemException(HttpStatus.CONFLICT, "invitation-limit", "invitation.limit",
					this.settings.maxPending());
		}
		String token = Hashes.randomToken(32);
		Instant expires = now.plus(this.settings.ttl());
		long id = this.jdbc.sql("""
				insert into agency_invitations
				    (agency_id, email, name, language, token_hash, invited_by, created_at, expires_at)
				values (:agency, :email, :name, :language, :hash, :head, :now, :expires)
				returning id
				""")
			.param("agency", agencyId)
			.param("email", address)
			.param("name", displayName)
			.param("language", language.code())
			.param("hash", Hashes.sha256(token))
			.param("head", head.id())
			.param("now", utc(now))
			.param("expires", utc(expires))
			.query(Long.class)
			.single();
		// the account (if any) only chooses the e-mail's language and settings; the head
		// is told nothing about it
		Optional<UserRecord> account = this.users.findByLogin(address);
		this.events.publishEvent(new AgencyInvitationSent(id, address, account.map(UserRecord::id).orElse(null),
				account.map(UserRecord::language).orElse(language), agencyName, head.name(), token, expires));
		this.audit.record(head.id(), "agency.invitation-sent", "agency-invitation", String.valueOf(id),
				Map.of("agencyId", agencyId, "email", address));
		return new Invited(id, expires);
	}

	/** The agency's unexpired pending invitations, newest first. */
	@Transactional(readOnly = true)
	public List<Pending> pending(long agencyId) {
		return this.jdbc.sql("""
				select id, email, name, created_at, expires_at from agency_invitations
				where agency_id = :agency and status = 'PENDING' and expires_at > :now
				order by created_at desc, id desc
				""")
			.param("agency", agencyId)
			.param("now", utc(this.clock.instant()))
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
					instant(rs, "created_at"), instant(rs, "expires_at")))
			.list();
	}

	/** The pending invitations of the head's own agency. */
	@Transactional(readOnly = true)
	public List<Pending> pending(CurrentUser head) {
		return pending(this.admin.agencyOf(head));
	}

	/** Revokes a pending invitation of the head's own agency; others are "not found". */
	@Transactional
	public void revoke(CurrentUser head, long invitationId) {
		long agencyId = this.admin.agencyOf(head);
		int changed = this.jdbc.sql("""
				update agency_invitations set status = 'REVOKED', decided_at = :now, decided_by = :head
				where id = :id and agency_id = :agency and status = 'PENDING'
				""")
			.param("now", utc(this.clock.instant()))
			.param("head", head.id())
			.param("id", invitationId)
			.param("agency", agencyId)
			.update();
		if (changed == 0) {
			throw ProblemException.notFound("invitation.notFound");
		}
		this.audit.record(head.id(), "agency.invitation-revoked", "agency-invitation", String.valueOf(invitationId),
				Map.of("agencyId", agencyId));
	}

	/** The invitation behind a link, if the token is one of ours. */
	@Transactional(readOnly = true)
	public Optional<Invitation> find(String token) {
		return select(token, false);
	}

	/**
	 * The signed-in account accepts: it joins the agency as a realtor.
	 * @return the agency it joined
	 */
	@Transactional
	public Invitation accept(CurrentUser actor, String token) {
		Invitation invitation = open(token);
		UserRecord user = addressee(actor, invitation);
		if (user.roles().contains(Role.SUPERUSER) || user.roles().contains(Role.SUPER_ADMIN)) {
			throw new ProblemException(HttpStatus.CONFLICT, "invitation-staff", "invitation.staff");
		}
		if (user.agencyId() != null && user.agencyId() != invitation.agencyId()) {
			throw ProblemException.conflict("other-agency", "realtor.otherAgency");
		}
		this.users.setAgency(user.id(), invitation.agencyId());
		this.users.addRole(user.id(), Role.REALTOR);
		decide(invitation, user.id(), Status.ACCEPTED);
		this.audit.record(user.id(), "agency.invitation-accepted", "agency-invitation", String.valueOf(invitation.id()),
				Map.of("agencyId", invitation.agencyId()));
		this.audit.record(user.id(), "agency.realtor-added", "user", String.valueOf(user.id()),
				Map.of("agencyId", invitation.agencyId(), "invitationId", invitation.id()));
		return invitation;
	}

	/** The signed-in account declines; the link stops working. */
	@Transactional
	public void decline(CurrentUser actor, String token) {
		Invitation invitation = open(token);
		UserRecord user = addressee(actor, invitation);
		decide(invitation, user.id(), Status.DECLINED);
		this.audit.record(user.id(), "agency.invitation-declined", "agency-invitation", String.valueOf(invitation.id()),
				Map.of("agencyId", invitation.agencyId()));
	}

	private Invitation open(String token) {
		Invitation invitation = select(token, true).orElseThrow(() -> ProblemException.notFound("invitation.notFound"));
		if (invitation.status() == Status.EXPIRED) {
			throw new ProblemException(HttpStatus.GONE, "invitation-expired", "invitation.expired");
		}
		if (!invitation.open()) {
			throw new ProblemException(HttpStatus.GONE, "invitation-used", "invitation.used");
		}
		return invitation;
	}

	/** The signed-in account, when the invitation is addressed to its e-mail. */
	private UserRecord addressee(CurrentUser actor, Invitation invitation) {
		UserRecord user = this.users.find(actor.id())
			.orElseThrow(() -> ProblemException.forbidden("problem.forbidden"));
		if (user.email() == null || !user.email().equalsIgnoreCase(invitation.email())) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "invitation-other-account", "invitation.otherAccount");
		}
		return user;
	}

	private void decide(Invitation invitation, long userId, Status status) {
		int changed = this.jdbc.sql("""
				update agency_invitations set status = :status, decided_at = :now, decided_by = :user
				where id = :id and status = 'PENDING'
				""")
			.param("status", status.name())
			.param("now", utc(this.clock.instant()))
			.param("user", userId)
			.param("id", invitation.id())
			.update();
		if (changed != 1) {
			throw new ProblemException(HttpStatus.GONE, "invitation-used", "invitation.used");
		}
	}

	private Optional<Invitation> select(String token, boolean forUpdate) {
		if (token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select i.id, i.agency_id, a.name agency_name, i.email, i.name, i.status, i.expires_at
				from agency_invitations i join agencies a on a.id = i.agency_id
				where i.token_hash = :hash
				""" + (forUpdate ? " for update of i" : "")).param("hash", Hashes.sha256(token)).query((rs, n) -> {
			Status status = Status.valueOf(rs.getString("status"));
			Instant expires = instant(rs, "expires_at");
			if (status == Status.PENDING && !expires.isAfter(now)) {
				status = Status.EXPIRED;
			}
			return new Invitation(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("agency_name"),
					rs.getString("email"), rs.getString("name"), status, expires);
		}).optional();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return Instants.read(rs, column);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
