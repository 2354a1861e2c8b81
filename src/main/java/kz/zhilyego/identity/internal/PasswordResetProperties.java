package kz.zhilyego.identity.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Password reset settings.
 *
 * @param ttl how long a reset link works (default 1 hour)
 * @param perAccountPerHour reset messages one account gets per hour at most (default 3);
 * more requests are answered the same way and send nothing
 * @param perClientPerHour reset requests one client address may make per hour (default
 * 10); more get "try again later", which says nothing about any account
 */
@ConfigurationProperties("zhilyego.identity.password-reset")
public record PasswordResetProperties(@Nullable Duration ttl, int perAccountPerHour, int perClientPerHour) {

	public PasswordResetProperties {
		ttl = ttl == null || ttl.isNegative() || ttl.isZero() ? Duration.ofHours(1) : ttl;
		perAccountPerHour = perAccountPerHour > 0 ? perAccountPerHour : 3;
		perClientPerHour = perClientPerHour > 0 ? perClientPerHour : 10;
	}

}
