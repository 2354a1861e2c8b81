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
import kz.zhilyego.identity.internal.DeviceTokens.Device;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection with device cookies (OWASP). Every sign-in attempt is recorded.
 * Attempts from a <em>trusted device</em> (one that holds a valid device token of this
 * account, see {@link DeviceTokens}) count per device: {@code maxFailures} failures lock
 * that device, which then counts as a stranger. All other attempts count per login:
 * {@code maxFailures} failures within the window (since the last success of a stranger)
 * lock the login for strangers only — the owner's devices keep working. Works the same
 * for logins that do not exist, so it tells nothing about who has an account.
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

	/** Whether the device is locked (then it signs in as a stranger). */
	public boolean deviceLocked(Device device) {
		return lockEnd("select locked_until from login_device_lockouts where device = :key", device.id()).isPresent();
	}

	/** When strangers may try this login again, if it is locked for them now. */
	public Optional<Instant> lockedUntil(String login) {
		return lockEnd("select locked_until from login_lockouts where login = :key", key(login));
	}

	/**
	 * Records a success. A stranger's success (no trusted device) also ends the login's
	 * lock; a trusted device's success leaves strangers locked out.
	 */
	public void success(String login, @Nullable String ip, @Nullable Device device) {
		insert(key(login), ip, true, device);
		if (device == null) {
			this.jdbc.sql("delete from login_lockouts where login = :login").param("login", key(login)).update();
		}
	}

	/**
	 * Records a failure; returns the lock end when this failure locked the login for
	 * strangers (a device that locks itself is not told: it just becomes a stranger).
	 */
	public Optional<Instant> failure(String login, @Nullable String ip, @Nullable Long userId,
			@Nullable Device device) {
		String key = key(login);
		long id = insert(key, ip, false, device);
		Instant now = this.clock.instant();
		Instant until = now.plus(this.settings.lockout());
		if (device != null) {
			long failures = this.jdbc.sql("""
					select count(*) from login_attempts
					where device = :device and not success and at > :since and id <= :id
					  and id > coalesce((select max(id) from login_attempts where device = :device and success), 0)
					""")
				.param("device", device.id())
				.param("since", utc(now.minus(this.settings.window())))
				.param("id", id)
				.query(Long.class)
				.single();
			if (failures >= this.settings.maxFailures()) {
				this.jdbc.sql("""
						insert into login_device_lockouts (device, locked_until) values (:device, :until)
						on conflict (device) do update set locked_until = excluded.locked_until
						""").param("device", device.id()).param("until", utc(until)).update();
				this.audit.record(userId, "login.device-locked", "login", key, Map.of("failures", failures, "until",
						until.toString(), "ip", ip == null ? "" : ip, "device", device.id()));
			}
			return Optional.empty();
		}
		// Strangers' failures since the last stranger's success: a sign-in on a trusted
		// device does not give a guesser a fresh set of attempts. Ordered by id, not
		// time,
		// so attempts within one clock tick count in the order they happened.
		long failures = this.jdbc.sql("""
				select count(*) from login_attempts
				where login = :login and device is null and not success and at > :since and id <= :id
				  and id > coalesce((select max(id) from login_attempts
				                     where login = :login and device is null and success), 0)
				""")
			.param("login", key)
			.param("since", utc(now.minus(this.settings.window())))
			.param("id", id)
			.query(Long.class)
			.single();
		if (failures < this.settings.maxFailures()) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				insert into login_lockouts (login, locked_until) values (:login, :until)
				on conflict (login) do update set locked_until = excluded.locked_until
				""").param("login", key).param("until", utc(until)).update();
		this.audit.record(userId, "login.locked", "login", key,
				Map.of("failures", failures, "until", until.toString(), "ip", ip == null ? "" : ip));
		return Optional.of(until);
	}

	private Optional<Instant> lockEnd(String sql, String key) {
		Instant now = this.clock.instant();
		return this.jdbc.sql(sql)
			.param("key", key)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.filter(now::isBefore);
	}

	private long insert(String key, @Nullable String ip, boolean success, @Nullable Device device) {
		return this.jdbc.sql("""
				insert into login_attempts (login, ip, success, at, device)
				values (:login, :ip, :success, :at, :device)
				returning id
				""")
			.param("login", key)
			.param("ip", ip)
			.param("success", success)
			.param("at", utc(this.clock.instant()))
			.param("device", device == null ? null : device.id())
			.query(Long.class)
			.single();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
