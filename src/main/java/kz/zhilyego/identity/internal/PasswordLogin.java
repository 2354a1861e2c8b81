package kz.zhilyego.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.zhilyego.common.IpRanges;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.internal.DeviceTokens.Device;
import kz.zhilyego.identity.internal.LoginFailedException.Reason;
import org.jspecify.annotations.Nullable;
import kz.zhilyego.settings.Settings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sign-in with login (e-mail or phone), password and, when enrolled, a TOTP or recovery
 * code. Shared by the web form and the token API. Attempts are throttled
 * ({@link LoginThrottle}: per device for a client with a device token of the account, per
 * login for strangers) and audited; an unknown login and a wrong password fail the same
 * way.
 */
@Service
public class PasswordLogin {

	/**
	 * Compared against when the login is unknown, so both cases cost one bcrypt check.
	 */
	/**
	 * Compared with when the login names nobody, so that an unknown login costs one hash
	 * check like a known one. Made on the first sign-in attempt (known or unknown login
	 * alike, so that attempt stays as long for both), not at start-up: a bcrypt hash is a
	 * few hundred milliseconds of a cold JVM's start.
	 */
	private final SingletonSupplier<String> dummyHash;

	private final Users users;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final TwoFactor twoFactor;

	private final AuditLog audit;

	private final DeviceTokens devices;

	private final Settings settings;

	PasswordLogin(Users users, PasswordEncoder passwords, LoginThrottle throttle, TwoFactor twoFactor, AuditLog audit,
			DeviceTokens devices, Settings settings) {
		this.settings = settings;
		this.devices = devices;
		this.users = users;
		this.passwords = passwords;
		this.throttle = throttle;
		this.twoFactor = twoFactor;
		this.audit = audit;
		this.dummyHash = SingletonSupplier.of(() -> passwords.encode("not-a-password-" + Hashes.randomToken(8)));
	}

	/**
	 * @param deviceToken the client's device token ({@link DeviceTokens}), if it sent
	 * one: a valid token of this account makes the attempt count per device, so strangers
	 * who locked the account out do not lock out its owner
	 * @param channel {@code web} or {@code api}
	 * @throws LoginFailedException when refused
	 */
	public UserRecord authenticate(String login, String password, @Nullable String code, @Nullable String ip,
			@Nullable String deviceToken, String channel) {
		String dummy = this.dummyHash.obtain();
		Optional<UserRecord> found = this.users.findByLogin(login);
		// a device token counts only for the account it was issued to, and only while its
		// device is not locked; otherwise the client is a stranger
		Device device = this.devices.verify(deviceToken)
			.filter(d -> found.isPresent() && found.get().id() == d.userId())
			.filter(d -> !this.throttle.deviceLocked(d))
			.orElse(null);
		if (device == null) {
			Optional<Instant> locked = this.throttle.lockedUntil(login);
			if (locked.isPresent()) {
				this.audit.record(null, "login.refused-locked", "login", LoginThrottle.key(login),
						Map.of("channel", channel, "ip", ip == null ? "" : ip));
				throw new LoginFailedException(Reason.LOCKED, locked.get());
			}
		}
		boolean matches = this.passwords.matches(password, found.map(UserRecord::passwordHash).orElse(dummy));
		if (found.isEmpty() || !matches) {
			fail(login, ip, channel, found.map(UserRecord::id).orElse(null), device, "bad-credentials");
			throw new LoginFailedException(Reason.BAD_CREDENTIALS, null);
		}
		UserRecord user = found.get();
		if (!user.active()) {
			this.audit.record(user.id(), "login.refused-blocked", "user", String.valueOf(user.id()),
					Map.of("channel", channel));
			throw new LoginFailedException(Reason.BLOCKED, null);
		}
		if (user.isStaff() && !staffMaySignInFrom(ip)) {
			this.audit.record(user.id(), "login.refused-address", "user", String.valueOf(user.id()),
					Map.of("channel", channel, "ip", ip == null ? "" : ip));
			throw new LoginFailedException(Reason.ADDRESS_NOT_ALLOWED, null);
		}
		if (user.totpEnabled()) {
			if (code == null || code.isBlank()) {
				throw new LoginFailedException(Reason.TOTP_REQUIRED, null);
			}
			if (!this.twoFactor.verify(user.id(), code)) {
				fail(login, ip, channel, user.id(), device, "bad-totp");
				throw new LoginFailedException(Reason.TOTP_INVALID, null);
			}
		}
		this.throttle.success(login, ip, device);
		this.audit.record(user.id(), "login.succeeded", "user", String.valueOf(user.id()),
				Map.of("channel", channel, "ip", ip == null ? "" : ip, "device", device == null ? "new" : "known"));
		return user;
	}

	/**
	 * Whether staff may sign in from this address: the platform settings' allow-list
	 * (addresses and CIDR ranges; empty = anywhere).
	 */
	boolean staffMaySignInFrom(@Nullable String ip) {
		List<String> allowed = this.settings.current().staffIpAllowList();
		return allowed.isEmpty() || IpRanges.of(allowed).contains(ip);
	}

	private void fail(String login, @Nullable String ip, String channel, @Nullable Long userId, @Nullable Device device,
			String why) {
		this.audit.record(userId, "login.failed", "login", LoginThrottle.key(login), Map.of("channel", channel,
				"reason", why, "ip", ip == null ? "" : ip, "device", device == null ? "none" : "known"));
		Optional<Instant> lockedNow = this.throttle.failure(login, ip, userId, device);
		if (lockedNow.isPresent()) {
			throw new LoginFailedException(Reason.LOCKED, lockedNow.get());
		}
	}

}
