package kz.zhilyego.identity.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API tokens.
 *
 * @param secret HMAC-SHA256 key (at least 32 bytes of text); required outside dev and
 * test
 * @param issuer the {@code iss} claim
 * @param accessTtl lifetime of an access token
 * @param refreshTtl lifetime of a refresh token
 */
@ConfigurationProperties("zhilyego.jwt")
public record JwtProperties(@Nullable String secret, @DefaultValue("zhilyego") String issuer,
		@DefaultValue("15m") Duration accessTtl, @DefaultValue("30d") Duration refreshTtl) {
}
