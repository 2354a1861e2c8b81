package kz.zhilyego.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import kz.zhilyego.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known-good vectors are signed here with a test bot token following Telegram's
 * documented algorithms; tampered or stale data must fail.
 */
class TelegramAuthTest {

	private static final String BOT_TOKEN = "7000000001:AAEtest-token-for-unit-tests";

	private final MutableClock clock = new MutableClock();

	private final TelegramAuth auth = new TelegramAuth(BOT_TOKEN, Duration.ofHours(24), this.clock);

	private final long now = MutableClock.START.getEpochSecond();

	@Test
	void acceptsLoginWidgetDataSignedWithTheSha256OfTheBotToken() {
		Map<String, String> fields = widget(Map.of("id", "424242", "first_name", "Айгерим", "username", "aigerim",
				"auth_date", String.valueOf(this.now - 60)));

		assertThat(this.auth.verifyLoginWidget(fields)).hasValueSatisfying(identity -> {
			assertThat(identity.userId()).isEqualTo(424242L);
			assertThat(identity.firstName()).isEqualTo("Айгерим");
		});
	}

	@Test
	void rejectsLoginWidgetDataWithAChangedField() {
		Map<String, String> fields = widget(
				Map.of("id", "424242", "first_name", "Айгерим", "auth_date", String.valueOf(this.now)));
		fields.put("id", "424243");

		assertThat(this.auth.verifyLoginWidget(fields)).isEmpty();
	}

	@Test
	void rejectsLoginWidgetDataWithAForgedHashOrWithoutHash() {
		Map<String, String> fields = widget(Map.of("id", "1", "auth_date", String.valueOf(this.now)));
		fields.put("hash", "0".repeat(64));
		assertThat(this.auth.verifyLoginWidget(fields)).isEmpty();
		fields.remove("hash");
		assertThat(this.auth.verifyLoginWidget(fields)).isEmpty();
	}

	@Test
	void rejectsLoginWidgetDataOlderThanTheAllowedAge() {
		Map<String, String> fields = widget(
				Map.of("id", "424242", "auth_date", String.valueOf(this.now - Duration.ofHours(25).toSeconds())));

		assertThat(this.auth.verifyLoginWidget(fields)).isEmpty();
	}

	@Test
	void rejectsLoginWidgetDataSignedForAnotherBot() {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("id", "424242", "auth_date", String.valueOf(this.now)));
		fields.put("hash", TelegramAuth.hmacHex(TelegramAuth.sha256("999:other".getBytes(StandardCharsets.UTF_8)),
				TelegramAuth.dataCheckString(fields)));

		assertThat(this.auth.verifyLoginWidget(fields)).isEmpty();
	}

	@Test
	void acceptsMiniAppInitDataSignedWithTheWebAppDataKey() {
		String initData = initData(String.valueOf(this.now - 10), "{\"id\":777001,\"first_name\":\"Ерлан\"}");

		assertThat(this.auth.verifyInitData(initData)).hasValueSatisfying(identity -> {
			assertThat(identity.userId()).isEqualTo(777001L);
			assertThat(identity.firstName()).isEqualTo("Ерлан");
		});
	}

	@Test
	void rejectsInitDataWithAChangedUser() {
		String initData = initData(String.valueOf(this.now), "{\"id\":777001,\"first_name\":\"Ерлан\"}")
			.replace("777001", "777002");

		assertThat(this.auth.verifyInitData(initData)).isEmpty();
	}

	@Test
	void rejectsInitDataSignedWithTheLoginWidgetKey() {
		Map<String, String> fields = new TreeMap<>(
				Map.of("auth_date", String.valueOf(this.now), "query_id", "AAH", "user", "{\"id\":777001}"));
		String hash = TelegramAuth.hmacHex(TelegramAuth.sha256(BOT_TOKEN.getBytes(StandardCharsets.UTF_8)),
				TelegramAuth.dataCheckString(fields));

		assertThat(this.auth.verifyInitData(encode(fields) + "&hash=" + hash)).isEmpty();
	}

	@Test
	void rejectsStaleInitData() {
		String initData = initData(String.valueOf(this.now - Duration.ofDays(2).toSeconds()), "{\"id\":777001}");

		assertThat(this.auth.verifyInitData(initData)).isEmpty();
	}

	private static Map<String, String> widget(Map<String, String> data) {
		Map<String, String> fields = new LinkedHashMap<>(data);
		byte[] key = TelegramAuth.sha256(BOT_TOKEN.getBytes(StandardCharsets.UTF_8));
		fields.put("hash", TelegramAuth.hmacHex(key, TelegramAuth.dataCheckString(fields)));
		return fields;
	}

	static String initData(String authDate, String userJson) {
		return signInitData(BOT_TOKEN, authDate, userJson);
	}

	/**
	 * Mini App initData as Telegram builds it: URL-encoded values, hash over the decoded
	 * ones.
	 */
	static String signInitData(String botToken, String authDate, String userJson) {
		Map<String, String> fields = new TreeMap<>(
				Map.of("auth_date", authDate, "query_id", "AAHdF6IQAAAAAN0XohDhrOrc", "user", userJson));
		byte[] key = TelegramAuth.hmac("WebAppData".getBytes(StandardCharsets.UTF_8),
				botToken.getBytes(StandardCharsets.UTF_8));
		String hash = TelegramAuth.hmacHex(key, TelegramAuth.dataCheckString(fields));
		return encode(fields) + "&hash=" + hash;
	}

	private static String encode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
