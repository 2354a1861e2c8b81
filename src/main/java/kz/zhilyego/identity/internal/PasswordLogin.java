package kz.zhilyego.identity.internal;

import java.util.Map;
import java.util.Optional;

import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.internal.LoginFailedException.Reason;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Sign-in with login (e-mail or phone), password and, when enrolled, a TOTP or recovery
 * code. Shared by the web form and the token API. Attempts are throttled and audited; an
 * unknown login and a wrong password fail the same way.
 */
@Service
public class PasswordLogin {

	/**
	 * Compared against when the login is unknown, so both cases cost one bcrypt check.
	 */
	private final String dummyHash;

	private final Users users;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final TwoFactor twoFactor;

	private final AuditLog audit;

	PasswordLogin(Users users, PasswordEncoder passwords, LoginThrottle throttle, TwoFactor twoFactor, AuditLog audit) {
		this.users = users;
		this.passwords = passwords;
		this.throttle = throttle;
		this.twoFactor = twoFactor;
		this.audit = audit;
		this.dummyHash = passwords.encode("not-a-password-" + Hashes.randomToken(8));
	}

	/**
	 * @param channel {@code web} or {@code api}
	 * @throws LoginFailedException when refused
	 */
	public UserRecord authenticate(String login, String password, @Nullable String code, @Nullable String ip,
			String channel) {
		Optional<java.time.Instant> locked = this.throttle.lockedUntil(login);
		if (locked.isPresent()) {
			this.audit.record(null, "login.refused-locked", "login", LoginThrottle.key(login),
					Map.of("channel", channel, "ip", ip == null ? "" : ip));
			throw new LoginFailedException(Reason.LOCKED, locked.get());
		}
		Optional<UserRecord> found = this.users.findByLogin(login);
		boolean matches = this.passwords.matches(password, found.map(UserRecord::passwordHash).orElse(this.dummyHash));
		if (found.isEmpty() || !matches) {
			fail(login, ip, channel, found.map(UserRecord::id).orElse(null), "bad-credentials");
			throw new LoginFailedException(Reason.BAD_CREDENTIALS, null);
		}
		UserRecord user = found.get();
		if (!user.active()) {
			this.audit.record(user.id(), "login.refused-blocked", "user", String.valueOf(user.id()),
					Map.of("channel", channel));
			throw new LoginFailedException(Reason.BLOCKED, null);
		}
		if (user.totpEnabled()) {
			if (code == null || code.isBlank()) {
				throw new LoginFailedException(Reason.TOTP_REQUIRED, null);
			}
			if (!this.twoFactor.verify(user.id(), code)) {
				fail(login, ip, channel, user.id(), "bad-totp");
				throw new LoginFailedException(Reason.TOTP_INVALID, null);
			}
		}
		this.throttle.success(login, ip);
		this.audit.record(user.id(), "login.succeeded", "user", String.valueOf(user.id()),
				Map.of("channel", channel, "ip", ip == null ? "" : ip));
		return user;
	}

	private void fail(String login, @Nullable String ip, String channel, @Nullable Long userId, String why) {
		this.audit.record(userId, "login.failed", "login", LoginThrottle.key(login),
				Map.of("channel", channel, "reason", why, "ip", ip == null ? "" : ip));
		Optional<java.time.Instant> lockedNow = this.throttle.failure(login, ip, userId);
		if (lockedNow.isPresent()) {
			throw new LoginFailedException(Reason.LOCKED, lockedNow.get());
		}
	}

}
