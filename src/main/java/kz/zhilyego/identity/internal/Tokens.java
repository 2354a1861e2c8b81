package kz.zhilyego.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: short-lived JWT access tokens (HS256, timed by the application clock) and
 * opaque refresh tokens stored as SHA-256 hashes. Refreshing spends the old refresh token
 * and issues the next one in the same family; presenting a spent token again means it was
 * stolen, so the whole family is revoked.
 */
@Service
public class Tokens {

	private final JwtEncoder encoder;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JwtProperties properties;

	private final Users users;

	private final AuditLog audit;

	Tokens(JwtEncoder encoder, JdbcClient jdbc, Clock clock, JwtProperties properties, Users users, AuditLog audit) {
		this.encoder = encoder;
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.users = users;
		this.audit = audit;
	}

	/** An access token, a refresh token and the access token's lifetime in seconds. */
	public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
	}

	/** A new sign-in: a new refresh token family. */
	@Transactional
	public TokenPair issue(long userId) {
		return pair(userId, UUID.randomUUID());
	}

	/** An access token alone (used by tests and internal tools). */
	public String accessToken(long userId) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(String.valueOf(userId))
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.accessTtl()))
			.id(UUID.randomUUID().toString())
			.claim("typ", "access")
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	/** Rotates a refresh token. */
	@Transactional(noRollbackFor = ProblemException.class)
	public TokenPair refresh(String refreshToken) {
		var row = this.jdbc.sql("""
				select id, user_id, family, expires_at, used_at, revoked_at from refresh_tokens
				where token_hash = :hash for update
				""")
			.param("hash", Hashes.sha256(refreshToken))
			.query((rs, n) -> new RefreshRow(rs.getLong("id"), rs.getLong("user_id"),
					rs.getObject("family", UUID.class), Instants.read(rs, "expires_at"),
					rs.getTimestamp("used_at") != null, rs.getTimestamp("revoked_at") != null))
			.optional()
			.orElseThrow(Tokens::invalid);
		Instant now = this.clock.instant();
		if (row.revoked()) {
			throw invalid();
		}
		if (row.used()) {
			this.jdbc.sql("update refresh_tokens set revoked_at = :now where family = :family and revoked_at is null")
				.param("now", utc(now))
				.param("family", row.family())
				.update();
			this.audit.record(row.userId(), "token.refresh-reuse-detected", "user", String.valueOf(row.userId()),
					Map.of("family", row.family().toString()));
			throw invalid();
		}
		if (!now.isBefore(row.expiresAt())) {
			throw invalid();
		}
		if (this.users.find(row.userId()).filter(UserRecord::active).isEmpty()) {
			throw invalid();
		}
		this.jdbc.sql("update refresh_tokens set used_at = :now where id = :id")
			.param("now", utc(now))
			.param("id", row.id())
			.update();
		return pair(row.userId(), row.family());
	}

	/** Revokes every refresh token of a user (password change, block). */
	@Transactional
	public void revokeAll(long userId) {
		this.jdbc.sql("update refresh_tokens set revoked_at = :now where user_id = :id and revoked_at is null")
			.param("now", utc(this.clock.instant()))
			.param("id", userId)
			.update();
	}

	public long accessTtlSeconds() {
		return this.properties.accessTtl().toSeconds();
	}

	private TokenPair pair(long userId, UUID family) {
		Instant now = this.clock.instant();
		String refresh = Hashes.randomToken(32);
		this.jdbc.sql("""
				insert into refresh_tokens (user_id, family, token_hash, issued_at, expires_at)
				values (:user, :family, :hash, :now, :expires)
				""")
			.param("user", userId)
			.param("family", family)
			.param("hash", Hashes.sha256(refresh))
			.param("now", utc(now))
			.param("expires", utc(now.plus(this.properties.refreshTtl())))
			.update();
		return new TokenPair(accessToken(userId), refresh, accessTtlSeconds());
	}

	private static ProblemException invalid() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "auth.refreshInvalid");
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private record RefreshRow(long id, long userId, UUID family, Instant expiresAt, boolean used, boolean revoked) {
	}

}
