package kz.zhilyego.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The connections' signature: {@code X-Zhilyego-Timestamp: <Unix seconds>} and
 * {@code X-Zhilyego-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>}.
 * The comparison is constant-time; a timestamp more than the tolerance away from our
 * clock is refused (a captured request cannot be replayed later).
 */
public final class WebhookSignature {

	public static final String TIMESTAMP = "X-Zhilyego-Timestamp";

	public static final String SIGNATURE = "X-Zhilyego-Signature";

	private static final String SCHEME = "sha256=";

	private WebhookSignature() {
	}

	public enum Verdict {

		VALID, MISSING, INVALID, STALE

	}

	/** The header value for a body (what a sender computes). */
	public static String sign(String secret, long timestamp, byte[] body) {
		return SCHEME + HexFormat.of().formatHex(hmac(secret, timestamp, body));
	}

	public static Verdict verify(String secret, @Nullable String timestampHeader, @Nullable String signatureHeader,
			byte[] body, Instant now, Duration tolerance) {
		if (timestampHeader == null || signatureHeader == null || timestampHeader.isBlank()
				|| signatureHeader.isBlank()) {
			return Verdict.MISSING;
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(timestampHeader.strip());
		}
		catch (NumberFormatException ex) {
			return Verdict.INVALID;
		}
		String value = signatureHeader.strip();
		if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return Verdict.INVALID;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(value.substring(SCHEME.length()).toLowerCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return Verdict.INVALID;
		}
		if (!MessageDigest.isEqual(hmac(secret, timestamp, body), given)) {
			return Verdict.INVALID;
		}
		return Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds() ? Verdict.STALE : Verdict.VALID;
	}

	private static byte[] hmac(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
