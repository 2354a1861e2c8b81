package kz.zhilyego.identity;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.identity.internal.TelegramAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TelegramAndTwoFactorIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	UserDirectory directory;

	@Value("${zhilyego.telegram.bot-token}")
	String botToken;

	Api api;

	IdentityFixtures fixtures;

	long userId;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.api = new Api(this.port);
		this.fixtures = new IdentityFixtures(this.context);
		this.userId = this.fixtures.user("tg@test.kz");
	}

	@Test
	void linksTelegramFromTheCabinetThenSignsInWithMiniAppInitData() {
		assertThat(this.api
			.post("/api/v1/me/telegram", widget(555001L), "Authorization", this.fixtures.bearer(this.userId))
			.status()).isEqualTo(204);
		assertThat(this.directory.find(this.userId).orElseThrow().telegramChatId()).isEqualTo(555001L);

		String initData = initData(555001L);
		Api.Response signIn = this.api.post("/api/v1/auth/telegram", Map.of("initData", initData));
		assertThat(signIn.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/me", "Authorization", "Bearer " + signIn.json().get("accessToken").asString())
			.json()
			.get("id")
			.asLong()).isEqualTo(this.userId);

		Api.Response tampered = this.api.post("/api/v1/auth/telegram",
				Map.of("initData", initData.replace("555001", "555002")));
		assertThat(tampered.status()).isEqualTo(401);
		assertThat(tampered.json().get("type").asString()).endsWith("/telegram-invalid");
	}

	@Test
	void signsInWithLoginWidgetDataOnlyWhenTheAccountIsLinked() {
		Api.Response unlinked = this.api.post("/api/v1/auth/telegram", widget(555003L));
		assertThat(unlinked.status()).isEqualTo(401);
		assertThat(unlinked.json().get("type").asString()).endsWith("/telegram-not-linked");

		this.directory.linkTelegramByPhone(this.fixtures.phone(this.userId), 555003L, 555003L);
		assertThat(this.api.post("/api/v1/auth/telegram", widget(555003L)).status()).isEqualTo(200);

		Map<String, Object> forged = widget(555003L);
		forged.put("first_name", "Другой");
		assertThat(this.api.post("/api/v1/auth/telegram", forged).status()).isEqualTo(401);

		this.directory.disableTelegram(this.userId);
		assertThat(this.directory.find(this.userId).orElseThrow().telegramEnabled()).isFalse();
	}

	@Test
	void totpEnrolmentProtectsSignInAndRecoveryCodesWorkOnce() {
		String bearer = this.fixtures.bearer(this.userId);
		JsonNode enrolment = this.api.post("/api/v1/me/2fa/enrol", "{}", "Authorization", bearer).json();
		String secret = enrolment.get("secret").asString();
		assertThat(enrolment.get("otpauthUri").asString()).startsWith("otpauth://totp/");
		assertThat(enrolment.get("qrDataUri").asString()).startsWith("data:image/png;base64,");

		assertThat(this.api.post("/api/v1/me/2fa/confirm", Map.of("code", "000000"), "Authorization", bearer).status())
			.isEqualTo(400);
		Api.Response confirmed = this.api.post("/api/v1/me/2fa/confirm", Map.of("code", code(secret)), "Authorization",
				bearer);
		assertThat(confirmed.status()).isEqualTo(200);
		List<String> recovery = confirmed.json().get("recoveryCodes").valueStream().map(JsonNode::asString).toList();
		assertThat(recovery).hasSize(10);

		Map<String, Object> credentials = new LinkedHashMap<>(
				Map.of("login", "tg@test.kz", "password", IdentityFixtures.PASSWORD));
		Api.Response noCode = this.api.post("/api/v1/auth/token", credentials);
		assertThat(noCode.status()).isEqualTo(401);
		assertThat(noCode.json().get("type").asString()).endsWith("/totp-required");

		credentials.put("totp", code(secret));
		assertThat(this.api.post("/api/v1/auth/token", credentials).status()).isEqualTo(200);

		credentials.put("totp", recovery.get(0));
		assertThat(this.api.post("/api/v1/auth/token", credentials).status()).isEqualTo(200);
		Api.Response reused = this.api.post("/api/v1/auth/token", credentials);
		assertThat(reused.json().get("type").asString()).endsWith("/totp-invalid");

		// Telegram proves only the Telegram account: the second factor is still asked for
		this.directory.linkTelegramByPhone(this.fixtures.phone(this.userId), 555004L, 555004L);
		Api.Response telegramOnly = this.api.post("/api/v1/auth/telegram", widget(555004L));
		assertThat(telegramOnly.status()).isEqualTo(401);
		assertThat(telegramOnly.json().get("type").asString()).endsWith("/totp-required");
		Map<String, Object> wrongCode = widget(555004L);
		wrongCode.put("totp", "not-a-code");
		assertThat(this.api.post("/api/v1/auth/telegram", wrongCode).json().get("type").asString())
			.endsWith("/totp-invalid");
		Map<String, Object> withCode = widget(555004L);
		withCode.put("totp", recovery.get(1));
		Api.Response telegram = this.api.post("/api/v1/auth/telegram", withCode);
		assertThat(telegram.status()).isEqualTo(200);
		assertThat(telegram.json().get("accessToken").asString()).isNotBlank();
	}

	private String code(String secret) {
		try {
			return new DefaultCodeGenerator().generate(secret, this.clock.instant().getEpochSecond() / 30);
		}
		catch (dev.samstevens.totp.exceptions.CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Object> widget(long telegramId) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("id", String.valueOf(telegramId));
		fields.put("first_name", "Айгерим");
		fields.put("auth_date", String.valueOf(this.clock.instant().getEpochSecond()));
		fields.put("hash", TelegramAuth.hmacHex(TelegramAuth.sha256(this.botToken.getBytes(StandardCharsets.UTF_8)),
				TelegramAuth.dataCheckString(fields)));
		return new LinkedHashMap<>(fields);
	}

	private String initData(long telegramId) {
		Map<String, String> fields = new java.util.TreeMap<>();
		fields.put("auth_date", String.valueOf(this.clock.instant().getEpochSecond()));
		fields.put("user", "{\"id\":" + telegramId + ",\"first_name\":\"Айгерим\"}");
		byte[] key = TelegramAuth.hmac("WebAppData".getBytes(StandardCharsets.UTF_8),
				this.botToken.getBytes(StandardCharsets.UTF_8));
		String hash = TelegramAuth.hmacHex(key, TelegramAuth.dataCheckString(fields));
		StringBuilder query = new StringBuilder();
		fields.forEach((k, v) -> query.append(k)
			.append('=')
			.append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8))
			.append('&'));
		return query + "hash=" + hash;
	}

}
