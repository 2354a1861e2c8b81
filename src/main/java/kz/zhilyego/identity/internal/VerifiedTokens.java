package kz.zhilyego.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Access tokens already verified on this node, so that a client's next request with the
 * same token skips parsing it and checking its signature (~6 % of a hold's CPU,
 * docs/benchmarks.md). Every hit is validated again, timestamps on the application's
 * clock and issuer: a token is accepted exactly as long as the decoder accepts it. Keyed
 * by the token's SHA-256, so the cache never compares a presented token with a kept one;
 * bounded in size and kept no longer than a token lives.
 */
final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Duration lifetime) {
		this.decoder = decoder;
		this.validator = validator;
		this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(lifetime).build();
	}

	@Override
	public Jwt decode(String token) {
		String key = sha256(token);
		Jwt known = this.verified.getIfPresent(key);
		if (known != null && !this.validator.validate(known).hasErrors()) {
			return known;
		}
		// a new token, or one no longer valid: the decoder verifies it (and refuses it)
		Jwt decoded = this.decoder.decode(token);
		this.verified.put(key, decoded);
		return decoded;
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

}
