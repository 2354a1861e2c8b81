package kz.zhilyego.payment.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The callback signature scheme (the one Stripe made common): header
 * {@code X-Signature: t=<unix seconds>,v1=<hex>} where {@code hex} is HMAC-SHA256(secret,
 * {@code t + "." + raw body}). Several {@code v1} values are allowed (secret rotation);
 * other schemes are ignored. Comparison is constant-time; a timestamp further than the
 * tolerance from our clock is stale (replay protection).
 */
public final class WebhookSignatures {

	public static final String HEADER = "X-Signature";

	private WebhookSignatures() {
	}

	public enum Verdict {

		VALID, MISSING, INVALID, STALE

	}

	public static String sign(String secret, long timestamp, byte[] body) {
		return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
	}

	public static Verdict verify(String secret, @Nullable String header, byte[] body, Instant now, Duration tolerance) {
		if (header == null || header.isBlank() || secret.isBlank()) {
			return Verdict.MISSING;
		}
		Long timestamp = null;
		List<byte[]> candidates = new ArrayList<>();
		for (String part : header.split(",")) {
			int eq = part.indexOf('=');
			if (eq < 0) {
				continue;
			}
			String key = part.substring(0, eq).trim();
			String value = part.substring(eq + 1).trim();
			if (key.equals("t")) {
				try {
					timestamp = Long.parseLong(value);
				}
				catch (NumberFormatException ex) {
					return Verdict.INVALID;
				}
			}
			else if (key.equals("v1")) {
				try {
					candidates.add(HexFormat.of().parseHex(value));
				}
				catch (IllegalArgumentException ex) {
					// Not hex: cannot match; other candidates may.
					candidates.add(new byte[0]);
				}
			}
		}
		if (timestamp == null || candidates.isEmpty()) {
			return Verdict.MISSING;
		}
		byte[] expected = hmac(secret, timestamp, body);
		boolean matches = false;
		for (byte[] candidate : candidates) {
			matches |= MessageDigest.isEqual(expected, candidate);
		}
		if (!matches) {
			return Verdict.INVALID;
		}
		long skew = Math.abs(now.getEpochSecond() - timestamp);
		return skew > tolerance.toSeconds() ? Verdict.STALE : Verdict.VALID;
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
