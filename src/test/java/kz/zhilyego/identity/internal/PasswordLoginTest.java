package kz.zhilyego.identity.internal;

import java.util.Optional;

import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.settings.Settings;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The comparison hash of unknown logins is made on the first sign-in attempt, not when
 * the bean is created (a bcrypt hash at start-up), and an unknown login still costs one
 * hash check against it.
 */
class PasswordLoginTest {

	private final Users users = mock(Users.class);

	private final PasswordEncoder passwords = mock(PasswordEncoder.class);

	private final LoginThrottle throttle = mock(LoginThrottle.class);

	private final DeviceTokens devices = mock(DeviceTokens.class);

	private final AuditLog audit = mock(AuditLog.class);

	@Test
	void hashesNothingWhenCreated() {
		newLogin();

		verifyNoInteractions(this.passwords);
	}

	@Test
	void anUnknownLoginIsCheckedAgainstTheDummyHashMadeOnce() {
		PasswordLogin login = newLogin();
		when(this.passwords.encode(anyString())).thenReturn("{bcrypt}dummy");
		when(this.users.findByLogin(anyString())).thenReturn(Optional.empty());
		when(this.devices.verify(isNull())).thenReturn(Optional.empty());
		when(this.throttle.lockedUntil(anyString())).thenReturn(Optional.empty());
		when(this.throttle.failure(anyString(), any(), any(), any())).thenReturn(Optional.empty());

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(LoginFailedException.class)
				.isThrownBy(() -> login.authenticate("nobody@test.kz", "guess", null, "203.0.113.5", null, "api"))
				.satisfies(ex -> assertThat(ex.reason()).isEqualTo(LoginFailedException.Reason.BAD_CREDENTIALS));
		}

		verify(this.passwords, times(1)).encode(anyString());
		verify(this.passwords, times(2)).matches(eq("guess"), eq("{bcrypt}dummy"));
	}

	private PasswordLogin newLogin() {
		return new PasswordLogin(this.users, this.passwords, this.throttle, mock(TwoFactor.class), this.audit,
				this.devices, mock(Settings.class));
	}

}
