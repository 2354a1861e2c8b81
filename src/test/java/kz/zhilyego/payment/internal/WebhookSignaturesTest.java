package kz.zhilyego.payment.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import kz.zhilyego.payment.internal.WebhookSignatures.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignaturesTest {

	private static final String SECRET = "whsec_test";

	private static final Instant NOW = Instant.parse("2026-12-01T05:00:00Z");

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\"}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void acceptsTheSignatureItMakesWithinTheTolerance() {
		String header = WebhookSignatures.sign(SECRET, NOW.getEpochSecond() - 299, BODY);

		assertThat(WebhookSignatures.verify(SECRET, header, BODY, NOW, TOLERANCE)).isEqualTo(Verdict.VALID);
	}

	@Test
	void matchesTheStripeStyleConstructionOverTimestampDotBody() {
		// printf '1700000000.{}' | openssl dgst -sha256 -hmac secret
		String header = WebhookSignatures.sign("secret", 1_700_000_000L, "{}".getBytes(StandardCharsets.UTF_8));

		assertThat(header)
			.isEqualTo("t=1700000000,v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
		assertThat(WebhookSignatures.verify("secret", header, "{}".getBytes(StandardCharsets.UTF_8),
				Instant.ofEpochSecond(1_700_000_000L), TOLERANCE))
			.isEqualTo(Verdict.VALID);
	}

	@Test
	void rejectsATamperedBodyAWrongSecretAndGarbage() {
		String header = WebhookSignatures.sign(SECRET, NOW.getEpochSecond(), BODY);
		byte[] tampered = "{\"id\":\"evt_1\",\"type\":\"payment.failed\"}".getBytes(StandardCharsets.UTF_8);

		assertThat(WebhookSignatures.verify(SECRET, header, tampered, NOW, TOLERANCE)).isEqualTo(Verdict.INVALID);
		assertThat(WebhookSignatures.verify("other", header, BODY, NOW, TOLERANCE)).isEqualTo(Verdict.INVALID);
		assertThat(WebhookSignatures.verify(SECRET, "t=" + NOW.getEpochSecond() + ",v1=zz", BODY, NOW, TOLERANCE))
			.isEqualTo(Verdict.INVALID);
		assertThat(WebhookSignatures.verify(SECRET, "t=abc,v1=00", BODY, NOW, TOLERANCE)).isEqualTo(Verdict.INVALID);
	}

	@Test
	void rejectsStaleAndFutureTimestampsEvenWithAValidSignature() {
		String old = WebhookSignatures.sign(SECRET, NOW.getEpochSecond() - 301, BODY);
		String future = WebhookSignatures.sign(SECRET, NOW.getEpochSecond() + 301, BODY);

		assertThat(WebhookSignatures.verify(SECRET, old, BODY, NOW, TOLERANCE)).isEqualTo(Verdict.STALE);
		assertThat(WebhookSignatures.verify(SECRET, future, BODY, NOW, TOLERANCE)).isEqualTo(Verdict.STALE);
	}

	@Test
	void treatsAMissingHeaderOrSecretAsMissing() {
		String header = WebhookSignatures.sign(SECRET, NOW.getEpochSecond(), BODY);

		assertThat(WebhookSignatures.verify(SECRET, null, BODY, NOW, TOLERANCE)).isEqualTo(Verdict.MISSING);
		assertThat(WebhookSignatures.verify(SECRET, "", BODY, NOW, TOLERANCE)).isEqualTo(Verdict.MISSING);
		assertThat(WebhookSignatures.verify(SECRET, "v1=abcd", BODY, NOW, TOLERANCE)).isEqualTo(Verdict.MISSING);
		assertThat(WebhookSignatures.verify("", header, BODY, NOW, TOLERANCE)).isEqualTo(Verdict.MISSING);
	}

	@Test
	void acceptsAnyOfSeveralSignaturesDuringSecretRotation() {
		String current = WebhookSignatures.sign(SECRET, NOW.getEpochSecond(), BODY);
		String old = WebhookSignatures.sign("old-secret", NOW.getEpochSecond(), BODY);
		String both = old + "," + current.substring(current.indexOf("v1=")) + ",v0=ignored";

		assertThat(WebhookSignatures.verify(SECRET, both, BODY, NOW, TOLERANCE)).isEqualTo(Verdict.VALID);
	}

}
