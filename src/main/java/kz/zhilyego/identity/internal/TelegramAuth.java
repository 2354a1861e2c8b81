package kz.zhilyego.identity.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies data Telegram signed for a bot:
 * <ul>
 * <li>Login Widget:
 * {@code hex(HMAC-SHA256(key = SHA-256(bot token), data-check-string)) == hash};</li>
 * <li>Mini App {@code initData}: the same with
 * {@code key = HMAC-SHA256(key = "WebAppData", bot
 * token)};</li>
 * </ul>
 * where the data-check-string is every received field except {@code hash}, sorted by key,
 * as {@code key=value} lines joined with {@code \n}. {@code auth_date} must not be older
 * than {@code maxAge} (nor in the future). Hashes are compared in constant time.
 */
public final class TelegramAuth {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final byte[] botToken;

	private final Duration maxAge;

	private final Clock clock;

	public TelegramAuth(String botToken, Duration maxAge, Clock clock) {
		this.botToken = botToken.getBytes(StandardCharsets.UTF_8);
		this.maxAge = maxAge;
		this.clock = clock;
	}

	/** Who Telegram says signed in. */
	public record TelegramIdentity(long userId, @Nullable String firstName, @Nullable String username) {
	}

	public Optional<TelegramIdentity> verifyLoginWidget(Map<String, String> fields) {
		String hash = fields.get("hash");
		if (hash == null || !fresh(fields.get("auth_date")) || !fields.containsKey("id")) {
			return Optional.empty();
		}
		byte[] key = sha256(this.botToken);
		if (!matches(hmacHex(key, dataCheckString(fields)), hash)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new TelegramIdentity(Long.parseLong(fields.get("id")), fields.get("first_name"),
					fields.get("username")));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	public Optional<TelegramIdentity> verifyInitData(String initData) {
		Map<String, String> fields = new TreeMap<>();
		for (String pair : initData.split("&")) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		String hash = fields.get("hash");
		if (hash == null || !fresh(fields.get("auth_date")) || !fields.containsKey("user")) {
			return Optional.empty();
		}
		byte[] key = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), this.botToken);
		if (!matches(hmacHex(key, dataCheckString(fields)), hash)) {
			return Optional.empty();
		}
		try {
			JsonNode user = JSON.readTree(fields.get("user"));
			if (user.get("id") == null || !user.get("id").canConvertToLong()) {
				return Optional.empty();
			}
			return Optional
				.of(new TelegramIdentity(user.get("id").asLong(), text(user, "first_name"), text(user, "username")));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Every field but {@code hash} (and the third-party {@code signature} is kept),
	 * sorted, {@code k=v\n…}.
	 */
	public static String dataCheckString(Map<String, String> fields) {
		return new TreeMap<>(fields).entrySet()
			.stream()
			.filter(e -> !e.getKey().equals("hash"))
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("\n"));
	}

	/**
	 * The hex HMAC-SHA256 of {@code data} under {@code key} (public for tests that sign
	 * vectors).
	 */
	public static String hmacHex(byte[] key, String data) {
		return HexFormat.of().formatHex(hmac(key, data.getBytes(StandardCharsets.UTF_8)));
	}

	public static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private boolean fresh(@Nullable String authDate) {
		if (authDate == null) {
			return false;
		}
		try {
			Instant at = Instant.ofEpochSecond(Long.parseLong(authDate));
			Instant now = this.clock.instant();
			return !at.isAfter(now.plusSeconds(60)) && !at.isBefore(now.minus(this.maxAge));
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static boolean matches(String expectedHex, String presentedHex) {
		return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
				presentedHex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

}
