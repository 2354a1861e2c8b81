package kz.zhilyego.channel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

	private static final String SECRET = "whsec_test-secret";

	private static final byte[] BODY = "{\"event\":\"booking.created\"}".getBytes(StandardCharsets.UTF_8);

	private static final Instant NOW = Instant.parse("2026-12-01T05:00:00Z");

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	@Test
	void aSignatureOverTheTimestampAndTheRawBodyIsValid() {
		long ts = NOW.getEpochSecond();
		assertThat(WebhookSignature.verify(SECRET, String.valueOf(ts), WebhookSignature.sign(SECRET, ts, BODY), BODY,
				NOW, FIVE_MINUTES))
			.isEqualTo(WebhookSignature.Verdict.VALID);
		assertThat(WebhookSignature.sign(SECRET, ts, BODY)).matches("sha256=[0-9a-f]{64}");
	}

	@Test
	void anotherBodyTimestampOrSecretIsInvalid() {
		long ts = NOW.getEpochSecond();
		String signature = WebhookSignature.sign(SECRET, ts, BODY);
		byte[] other = "{\"event\":\"booking.cancelled\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(WebhookSignature.verify(SECRET, String.valueOf(ts), signature, other, NOW, FIVE_MINUTES))
			.isEqualTo(WebhookSignature.Verdict.INVALID);
		assertThat(WebhookSignature.verify(SECRET, String.valueOf(ts + 1), signature, BODY, NOW, FIVE_MINUTES))
			.isEqualTo(WebhookSignature.Verdict.INVALID);
		assertThat(WebhookSignature.verify("whsec_other", String.valueOf(ts), signature, BODY, NOW, FIVE_MINUTES))
			.isEqualTo(WebhookSignature.Verdict.INVALID);
		assertThat(WebhookSignature.verify(SECRET, String.valueOf(ts), "sha1=abc", BODY, NOW, FIVE_MINUTES))
			.isEqualTo(WebhookSignature.Verdict.INVALID);
		assertThat(WebhookSignature.verify(SECRET, String.valueOf(ts), "sha256=zz", BODY, NOW, FIVE_MINUTES))
			.isEqualTo(WebhookSignature.Verdict.INVALID);
		assertThat(WebhookSignature.verify(SECRET, null, signature, BODY, NOW, FIVE_MINUTES))
			.isEqualTo(WebhookSignature.Verdict.MISSING);
	}

	@Test
	void aTimestampMoreThanFiveMinutesOffEitherWayIsStale() {
		for (long offset : new long[] { -301, 301 }) {
			long ts = NOW.getEpochSecond() + offset;
			assertThat(WebhookSignature.verify(SECRET, String.valueOf(ts), WebhookSignature.sign(SECRET, ts, BODY),
					BODY, NOW, FIVE_MINUTES))
				.as("offset %d s", offset)
				.isEqualTo(WebhookSignature.Verdict.STALE);
		}
		long edge = NOW.getEpochSecond() - 300;
		assertThat(WebhookSignature.verify(SECRET, String.valueOf(edge), WebhookSignature.sign(SECRET, edge, BODY),
				BODY, NOW, FIVE_MINUTES))
			.isEqualTo(WebhookSignature.Verdict.VALID);
	}

}
