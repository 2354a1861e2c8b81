package kz.zhilyego.identity.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the identity module ({@code zhilyego.identity.*}). */
@ConfigurationProperties("zhilyego.identity")
public record IdentityProperties(@DefaultValue Login login, @DefaultValue TwoFactor twoFactor,
		@DefaultValue Telegram telegram, @DefaultValue RateLimit rateLimit, @DefaultValue Bootstrap bootstrap,
		@DefaultValue("14d") Duration rememberMe, @Nullable String rememberMeKey,
		@DefaultValue Invitations invitations) {

	/**
	 * Agency invitations: how long the link in the e-mail stays valid, and how many
	 * unexpired invitations one agency may have pending at a time.
	 */
	public record Invitations(@DefaultValue("7d") Duration ttl, @DefaultValue("50") int maxPending) {
	}

	/**
	 * Brute-force protection: {@code maxFailures} failed sign-ins within {@code window}
	 * lock out for {@code lockout} — per login for clients without a device token, per
	 * device for clients with one. A device token is valid for {@code deviceTtl}.
	 */
	public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration lockout, @DefaultValue("180d") Duration deviceTtl) {
	}

	/**
	 * TOTP: whether staff roles must enrol, and the issuer shown in authenticator apps.
	 */
	public record TwoFactor(@DefaultValue("true") boolean requiredForStaff, @DefaultValue("ZhilyeGO") String issuer) {
	}

	/**
	 * Telegram sign-in: how old {@code auth_date} of Login Widget and Mini App data may
	 * be. The bot token and username are {@code zhilyego.telegram.*}
	 * ({@link kz.zhilyego.common.TelegramProperties}).
	 */
	public record Telegram(@DefaultValue("24h") Duration maxAge) {
	}

	/**
	 * Requests per minute, never counting static files and media: {@code perMinute} per
	 * signed-in user, and per visitor when the browser carries the visitor's CSRF cookie;
	 * {@code addressPerMinute} for all anonymous requests from one client address
	 * (visitors behind one shared address, and the ceiling for cookie holders);
	 * {@code authPerMinute} per address for sign-in, token, registration and password
	 * endpoints; {@code maxKeys} bounds the number of buckets kept in memory.
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("300") int perMinute,
			@DefaultValue("1200") int addressPerMinute, @DefaultValue("10") int authPerMinute,
			@DefaultValue("100000") int maxKeys) {
	}

	/**
	 * The first superuser outside dev ({@code ZHILYEGO_BOOTSTRAP_ADMIN_EMAIL},
	 * {@code _PHONE}, {@code _PASSWORD}), created once if no superuser exists.
	 */
	public record Bootstrap(@Nullable String adminEmail, @Nullable String adminPhone, @Nullable String adminPassword) {
	}

}
