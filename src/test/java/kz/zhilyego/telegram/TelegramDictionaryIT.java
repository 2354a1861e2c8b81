package kz.zhilyego.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot's search dialog picks up a dictionary change without a restart: the superuser
 * renames one district and deactivates another over the admin API while a guest's search
 * panel is open, and the next time the guest opens the district choice the bot offers the
 * new state (its reads of the dictionaries are cached per node and dropped when the
 * data's version moves).
 */
@IntegrationTest
class TelegramDictionaryIT {

	static FakeBotApi fake;

	static final TelegramBotIT.AtomicChats CHATS = new TelegramBotIT.AtomicChats();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	Api api;

	IdentityFixtures identity;

	long superuser;

	@BeforeAll
	static void startBotApi() {
		fake = new FakeBotApi(TestPorts.TELEGRAM);
	}

	@AfterAll
	static void stopBotApi() {
		fake.close();
	}

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		fake.clear();
		this.api = new Api(this.port);
		this.identity = new IdentityFixtures(this.context);
		this.superuser = this.identity.superuser("dict-root@test.kz");
		new CatalogFixtures(this.jdbc).listing().title("Студия в Есиле").district("esil").price(20000).create();
	}

	/**
	 * Districts are reference data the database reset keeps: undo the test's changes (the
	 * tables' triggers move the cache version, so every node reads them again).
	 */
	@AfterEach
	void restoreTheDistricts() {
		this.jdbc.sql("update districts set name_ru = 'Есильский' where slug = 'esil'").update();
		this.jdbc.sql("update districts set valid_to = null where slug = 'nura'").update();
	}

	private String root() {
		return this.identity.bearer(this.superuser);
	}

	/** The labels of the inline buttons of the bot's latest message in the chat. */
	private static List<String> labels(long chat) {
		List<String> labels = new ArrayList<>();
		for (JsonNode row : fake.last(chat).json().path("reply_markup").path("inline_keyboard")) {
			for (JsonNode button : row) {
				labels.add(button.get("text").asString());
			}
		}
		return labels;
	}

	private JsonNode district(String code) {
		Api.Response list = this.api.get("/api/v1/admin/dictionaries/districts", "Authorization", root());
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		for (JsonNode entry : list.json()) {
			if (entry.get("code").asString().equals(code)) {
				return entry;
			}
		}
		throw new AssertionError("no district " + code);
	}

	@Test
	void aRenamedAndADeactivatedDistrictShowInTheOpenSearchDialogWithoutARestart() {
		long guest = this.identity.user("dict-guest@test.kz");
		BotDriver bot = new BotDriver(this.api, fake, this.jdbc, CHATS.next(), "ru");
		bot.type("/start");
		bot.shareContact(this.identity.phone(guest));
		bot.tap("s:open");
		int panel = bot.messageWith("s:go");
		bot.tapOn(panel, "s:f:d");
		assertThat(labels(bot.chat)).contains("Есильский", "Нура");
		assertThat(fake.last(bot.chat).actions()).contains("s:v:d:esil", "s:v:d:nura");
		bot.tapOn(panel, "s:v:d:-");

		JsonNode esil = district("esil");
		Map<String, Object> renamed = new LinkedHashMap<>();
		renamed.put("nameRu", "Есиль-Сити");
		renamed.put("nameKk", esil.get("nameKk").asString());
		renamed.put("nameEn", esil.get("nameEn").asString());
		renamed.put("validFrom", esil.get("validFrom").asString());
		renamed.put("position", esil.get("position").asInt());
		Api.Response put = this.api.put("/api/v1/admin/dictionaries/districts/" + esil.get("key").asString(), renamed,
				"Authorization", root());
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		Api.Response off = this.api.post(
				"/api/v1/admin/dictionaries/districts/" + district("nura").get("key").asString() + "/deactivate", "{}",
				"Authorization", root());
		assertThat(off.status()).as(off.body()).isEqualTo(200);

		bot.tapOn(panel, "s:f:d");
		assertThat(labels(bot.chat)).contains("Есиль-Сити", "Сарыаркинский").doesNotContain("Есильский", "Нура");
		assertThat(fake.last(bot.chat).actions()).contains("s:v:d:esil").doesNotContain("s:v:d:nura");
		bot.tapOn(panel, "s:v:d:esil");
		assertThat(bot.lastText()).contains("Есиль-Сити");
		bot.tapOn(panel, "s:go");
		assertThat(bot.texts()).anySatisfy(text -> assertThat(text).contains("Студия в Есиле"));
	}

}
