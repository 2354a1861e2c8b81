package kz.zhilyego.identity.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in was refused; {@link #reason()} says why (the same for unknown user and wrong
 * password).
 */
public class LoginFailedException extends RuntimeException {

	public enum Reason {

		BAD_CREDENTIALS, LOCKED, BLOCKED, TOTP_REQUIRED, TOTP_INVALID,

		/** Staff signing in from an address outside the platform's allow-list. */
		ADDRESS_NOT_ALLOWED

	}

	private final Reason reason;

	private final @Nullable Instant lockedUntil;

	public LoginFailedException(Reason reason, @Nullable Instant lockedUntil) {
		super(reason.name());
		this.reason = reason;
		this.lockedUntil = lockedUntil;
	}

	public Reason reason() {
		return this.reason;
	}

	public @Nullable Instant lockedUntil() {
		return this.lockedUntil;
	}

}
