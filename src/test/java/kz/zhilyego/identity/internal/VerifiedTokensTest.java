package kz.zhilyego.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import kz.zhilyego.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

	private static final SecretKeySpec KEY = new SecretKeySpec(
			"verified-tokens-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger verifications = new AtomicInteger();

	private final VerifiedTokens tokens;

	VerifiedTokensTest() {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
		timestamps.setClock(this.clock);
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps);
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
		nimbus.setJwtValidator(validator);
		JwtDecoder counted = token -> {
			this.verifications.incrementAndGet();
			return nimbus.decode(token);
		};
		this.tokens = new VerifiedTokens(counted, validator, Duration.ofMinutes(15));
	}

	@Test
	void aTokenUsedAgainIsVerifiedOnce() {
		String token = token("42");

		assertThat(this.tokens.decode(token).getSubject()).isEqualTo("42");
		assertThat(this.tokens.decode(token).getSubject()).isEqualTo("42");
		assertThat(this.verifications).hasValue(1);
		assertThat(this.tokens.decode(token("43")).getSubject()).isEqualTo("43");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aKeptTokenIsRefusedOnceItExpiresOnTheApplicationClock() {
		String token = token("42");
		this.tokens.decode(token);

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.tokens.decode(token).getSubject()).isEqualTo("42");
		this.clock.advance(Duration.ofMinutes(2));
		assertThatThrownBy(() -> this.tokens.decode(token)).isInstanceOf(JwtValidationException.class);
	}

	@Test
	void aTokenWithAnotherSignatureThanAKeptOneIsVerifiedAndRefused() {
		String token = token("42");
		this.tokens.decode(token);
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "A".repeat(43);

		assertThatThrownBy(() -> this.tokens.decode(forged)).isInstanceOf(BadJwtException.class);
		assertThat(this.verifications).hasValue(2);
	}

	private String token(String subject) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(subject)
			.issuedAt(this.clock.instant())
			.expiresAt(this.clock.instant().plus(Duration.ofMinutes(15)))
			.build();
		return new NimbusJwtEncoder(new ImmutableSecret<>(KEY))
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

}
