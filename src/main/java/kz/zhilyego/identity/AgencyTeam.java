package kz.zhilyego.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import kz.zhilyego.common.Language;
import kz.zhilyego.identity.internal.AgencyInvitations;
import kz.zhilyego.identity.internal.UserAdmin;
import kz.zhilyego.identity.internal.UserRecord;
import kz.zhilyego.identity.internal.Users;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's team for other modules (the realtor workspace's team page): the realtors of
 * an agency, active or not, the pending invitations, and the head's actions. The actions
 * go through the same services as {@code /api/v1/agency/**} (own agency only, audited; a
 * realtor of another agency is "not found"). Nobody is added directly: a person joins by
 * accepting an invitation while signed in as themselves.
 */
@Service
public class AgencyTeam {

	private final UserAdmin admin;

	private final AgencyInvitations invitations;

	private final Users users;

	private final JdbcClient jdbc;

	AgencyTeam(UserAdmin admin, AgencyInvitations invitations, Users users, JdbcClient jdbc) {
		this.admin = admin;
		this.invitations = invitations;
		this.users = users;
		this.jdbc = jdbc;
	}

	/** A realtor of the agency as the team page shows it. */
	public record Member(long id, String name, String phone, @Nullable String email, boolean active) {

		static Member of(UserRecord user) {
			return new Member(user.id(), user.name(), user.phone(), user.email(), user.active());
		}

	}

	/** A pending invitation, as the head typed it. */
	public record PendingInvitation(long id, String email, @Nullable String name, Instant createdAt,
			Instant expiresAt) {

		static PendingInvitation of(AgencyInvitations.Pending pending) {
			return new PendingInvitation(pending.id(), pending.email(), pending.name(), pending.createdAt(),
					pending.expiresAt());
		}

	}

	/** An agency as a list to choose from shows it. */
	public record AgencyChoice(long id, String name, @Nullable String headName, long realtors) {
	}

	/**
	 * Every agency with its head and number of realtors, by name (the superuser picks one
	 * to look at its team).
	 */
	@Transactional(readOnly = true)
	public List<AgencyChoice> agencies() {
		return this.jdbc.sql("""
				select a.id, a.name, h.name as head_name,
				       (select count(*) from users u
				        where u.agency_id = a.id
				          and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'REALTOR'))
				           as realtors
				from agencies a left join users h on h.id = a.head_id
				order by lower(a.name), a.id
				""")
			.query((rs, n) -> new AgencyChoice(rs.getLong("id"), rs.getString("name"), rs.getString("head_name"),
					rs.getLong("realtors")))
			.list();
	}

	/** The agency's name; empty when there is no such agency. */
	@Transactional(readOnly = true)
	public Optional<String> agencyName(long agencyId) {
		return this.jdbc.sql("select name from agencies where id = :id")
			.param("id", agencyId)
			.query(String.class)
			.optional();
	}

	/**
	 * A user's name and their agency's name (null without one), in one read: the listing
	 * page's host card. Empty for an unknown user.
	 */
	@Transactional(readOnly = true)
	public Optional<NameWithAgency> nameWithAgency(long userId) {
		return this.jdbc.sql("""
				select u.name, a.name as agency_name
				from users u left join agencies a on a.id = u.agency_id
				where u.id = :id
				""")
			.param("id", userId)
			.query((rs, n) -> new NameWithAgency(rs.getString("name"), rs.getString("agency_name")))
			.optional();
	}

	/** See {@link #nameWithAgency(long)}. */
	public record NameWithAgency(String name, @Nullable String agencyName) {
	}

	/** The head (super admin) of an agency, if it has one. */
	@Transactional(readOnly = true)
	public Optional<Long> headOf(long agencyId) {
		return this.jdbc.sql("select head_id from agencies where id = :id and head_id is not null")
			.param("id", agencyId)
			.query(Long.class)
			.optional();
	}

	/** The agency a super admin heads (as stored now); empty for anyone else. */
	@Transactional(readOnly = true)
	public Optional<Long> agencyOfHead(CurrentUser user) {
		if (!user.has(Role.SUPER_ADMIN)) {
			return Optional.empty();
		}
		return this.users.find(user.id()).map(UserRecord::agencyId);
	}

	/** Realtors of the agency, active or not, by name. */
	@Transactional(readOnly = true)
	public List<Member> members(long agencyId) {
		return this.users.realtors(agencyId).stream().map(Member::of).toList();
	}

	/** The agency's unexpired pending invitations, newest first. */
	@Transactional(readOnly = true)
	public List<PendingInvitation> invitations(long agencyId) {
		return this.invitations.pending(agencyId).stream().map(PendingInvitation::of).toList();
	}

	/**
	 * Invites {@code email} to the head's agency: an e-mail with a link goes out; the
	 * person joins only by accepting it while signed in. Says nothing about whether an
	 * account has that address.
	 */
	@Transactional
	public void invite(CurrentUser head, String email, @Nullable String name, Language language) {
		this.invitations.invite(head, email, name, language);
	}

	/** Revokes a pending invitation of the head's own agency. */
	@Transactional
	public void revokeInvitation(CurrentUser head, long invitationId) {
		this.invitations.revoke(head, invitationId);
	}

	/**
	 * A head renames a realtor of the own agency (e-mail and phone stay the realtor's
	 * own); audited; anyone else is "not found".
	 */
	@Transactional
	public Member updateProfile(CurrentUser head, long realtorId, @Nullable String name, @Nullable String phone,
			@Nullable String email) {
		return Member.of(this.admin.updateRealtorProfile(head, realtorId, name, phone, email));
	}

	/** Deactivates or re-activates a realtor of the head's own agency. */
	@Transactional
	public Member setActive(CurrentUser head, long realtorId, boolean active) {
		return Member.of(this.admin.setRealtorActive(head, realtorId, active));
	}

}
