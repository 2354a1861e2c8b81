package kz.zhilyego.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for partners ({@code X-Api-Key}): created by a realtor, super admin or
 * superuser, shown once, stored as a SHA-256 hash, acting with exactly the creator's
 * rights, revocable. Format: {@code zgo_<8-char prefix>_<secret>}; the prefix is kept to
 * tell keys apart.
 */
@Service
public class ApiKeys {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditLog audit;

	private final Users users;

	ApiKeys(JdbcClient jdbc, Clock clock, AuditLog audit, Users users) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.users = users;
	}

	public record ApiKeyView(long id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt) {
	}

	public record CreatedKey(ApiKeyView key, String secret) {
	}

	@Transactional
	public CreatedKey create(CurrentUser owner, String name) {
		if (!owner.isStaff()) {
			throw ProblemException.forbidden("problem.forbidden");
		}
		String prefix = "zgo_" + Hashes.randomToken(6).replace('-', 'x').replace('_', 'y');
		String secret = prefix + "_" + Hashes.randomToken(32);
		Instant now = this.clock.instant();
		long id = this.jdbc.sql("""
				insert into api_keys (owner_id, name, prefix, key_hash, created_at)
				values (:owner, :name, :prefix, :hash, :now) returning id
				""")
			.param("owner", owner.id())
			.param("name", name.trim())
			.param("prefix", prefix)
			.param("hash", Hashes.sha256(secret))
			.param("now", utc(now))
			.query(Long.class)
			.single();
		this.audit.record(owner.id(), "api-key.created", "api-key", String.valueOf(id),
				Map.of("name", name.trim(), "prefix", prefix));
		return new CreatedKey(new ApiKeyView(id, name.trim(), prefix, now, null, null), secret);
	}

	@Transactional(readOnly = true)
	public List<ApiKeyView> list(CurrentUser owner) {
		return this.jdbc.sql("""
				select id, name, prefix, created_at, last_used_at, revoked_at from api_keys
				where owner_id = :owner order by id
				""")
			.param("owner", owner.id())
			.query((rs, n) -> new ApiKeyView(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
					Instants.read(rs, "created_at"), Instants.readOrNull(rs, "last_used_at"),
					Instants.readOrNull(rs, "revoked_at")))
			.list();
	}

	/**
	 * Revokes an own key (a superuser may revoke any key). Others' keys are "not found".
	 */
	@Transactional
	public void revoke(CurrentUser actor, long keyId) {
		int changed = this.jdbc.sql("""
				update api_keys set revoked_at = coalesce(revoked_at, :now)
				where id = :id and (owner_id = :actor or :platform)
				""")
			.param("now", utc(this.clock.instant()))
			.param("id", keyId)
			.param("actor", actor.id())
			.param("platform", actor.has(Role.SUPERUSER))
			.update();
		if (changed == 0) {
			throw ProblemException.notFound("apiKey.notFound");
		}
		this.audit.record(actor.id(), "api-key.revoked", "api-key", String.valueOf(keyId), Map.of());
	}

	/** The active owner of a valid, unrevoked key. */
	@Transactional
	public Optional<UserRecord> authenticate(String presented) {
		Optional<Long> owner = this.jdbc.sql("""
				update api_keys set last_used_at = :now
				where key_hash = :hash and revoked_at is null returning owner_id
				""")
			.param("hash", Hashes.sha256(presented.trim()))
			.param("now", utc(this.clock.instant()))
			.query(Long.class)
			.optional();
		return owner.flatMap(this.users::find).filter(UserRecord::active);
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
