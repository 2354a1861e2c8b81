package kz.zhilyego.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.zhilyego.common.Phones;
import kz.zhilyego.identity.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection: every sign-in attempt is recorded per login;
 * {@code maxFailures} failures within the window (since the last success) lock the login
 * for a while. Works the same for logins that do not exist, so it tells nothing about who
 * has an account.
 */
@Component
public class LoginThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentityProperties.Login settings;

	private final AuditLog audit;

	LoginThrottle(JdbcClient jdbc, Clock clock, IdentityProperties properties, AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = properties.login();
		this.audit = audit;
	}

	/**
	 * The form attempts are counted under: lower-case e-mail, E.164 phone or the trimmed
	 * text.
	 */
	public static String key(String login) {
		String trimmed = login.trim().toLowerCase(Locale.ROOT);
		return trimmed.contains("@") ? trimmed : Phones.normalize(trimmed).orElse(trimmed);
	}

	public Optional<Instant> lockedUntil(String login) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("select locked_until from login_lockouts where login = :login")
			.param("login", key(login))
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.filter(now::isBefore);
	}

	public void success(String login, @Nullable String ip) {
		insert(key(login), ip, true);
		this.jdbc.sql("delete from login_lockouts where login = :login").param("login", key(login)).update();
	}

	/** Records a failure; returns the lock end when this failure locked the login. */
	public Optional<Instant> failure(String login, @Nullable String ip, @Nullable Long userId) {
		String key = key(login);
		insert(key, ip, false);
		Instant now = this.clock.instant();
		long failures = this.jdbc.sql("""
				select count(*) from login_attempts
				where login = :login and not success and at > :since
				  and at > coalesce((select max(at) from login_attempts where login = :login and success),
				                    '-infinity'::timestamptz)
				""")
			.param("login", key)
			.param("since", utc(now.minus(this.settings.window())))
			.query(Long.class)
			.single();
		if (failures < this.settings.maxFailures()) {
			return Optional.empty();
		}
		Instant until = now.plus(this.settings.lockout());
		this.jdbc.sql("""
				insert into login_lockouts (login, locked_until) values (:login, :until)
				on conflict (login) do update set locked_until = excluded.locked_until
				""").param("login", key).param("until", utc(until)).update();
		this.audit.record(userId, "login.locked", "login", key,
				Map.of("failures", failures, "until", until.toString(), "ip", ip == null ? "" : ip));
		return Optional.of(until);
	}

	private void insert(String key, @Nullable String ip, boolean success) {
		this.jdbc.sql("insert into login_attempts (login, ip, success, at) values (:login, :ip, :success, :at)")
			.param("login", key)
			.param("ip", ip)
			.param("success", success)
			.param("at", utc(this.clock.instant()))
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
