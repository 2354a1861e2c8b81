package kz.zhilyego.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.util.StringUtils;

/**
 * Password hashing, the AES-GCM box and the JWT encoder/decoder (timed by the application
 * clock).
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfig {

	/**
	 * No Spring Security observations:
	 * {@code management.observations.enable.spring.security} is off, so they would record
	 * nothing, yet the chain would still wrap every filter, the authentication manager
	 * and every authorization decision in observation decorators on every request.
	 * {@code http.server.requests} stays observed.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default; the {id} prefix leaves room to move to Argon2id later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecretBox secretBox(CryptoProperties properties) {
		byte[] key = SecretBox.decodeKey(properties.key(), "ZHILYEGO_ENCRYPTION_KEY (zhilyego.crypto.key)");
		byte[] previous = StringUtils.hasText(properties.previousKey())
				? SecretBox.decodeKey(properties.previousKey(), "zhilyego.crypto.previous-key") : null;
		return new SecretBox(key, properties.keyVersion(), previous);
	}

	@Bean
	JwtEncoder jwtEncoder(JwtProperties properties) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(key(properties)));
	}

	@Bean
	JwtDecoder jwtDecoder(JwtProperties properties, Clock clock) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key(properties))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
		timestamps.setClock(clock);
		// Our issuer is a plain name, not a URL: the default claim converter would try
		// (and fail, with an exception per request) to turn it into a java.net.URL.
		decoder.setClaimSetConverter(MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps,
				new JwtIssuerValidator(properties.issuer()));
		decoder.setJwtValidator(validator);
		return new VerifiedTokens(decoder, validator, properties.accessTtl());
	}

	private static SecretKey key(JwtProperties properties) {
		String secret = properties.secret();
		if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalStateException("zhilyego.jwt.secret (ZHILYEGO_JWT_SECRET) must be at least 32 bytes");
		}
		return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

}
