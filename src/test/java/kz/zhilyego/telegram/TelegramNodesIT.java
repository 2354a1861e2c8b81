package kz.zhilyego.telegram;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariDataSource;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestApps;
import kz.zhilyego.TestClockConfig;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot on more than one app node over one database: an update delivered to two nodes
 * is handled once, and a node restarted in the middle of a booking dialog — coming back
 * in long-polling mode — carries on where the user was.
 */
@IntegrationTest
class TelegramNodesIT {

	static FakeBotApi fake;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	HikariDataSource dataSource;

	IdentityFixtures identity;

	long listing;

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
		this.identity = new IdentityFixtures(this.context);
		this.listing = new CatalogFixtures(this.jdbc).listing().title("Студия на Абая").price(18000).create();
	}

	private ConfigurableApplicationContext node(String mode) {
		ConfigurableApplicationContext node = TestApps.start(Map.of("spring.profiles.active", "test", "server.port", 0,
				"spring.datasource.url", this.dataSource.getJdbcUrl(), "spring.datasource.username", "postgres",
				"spring.datasource.hikari.maximum-pool-size", 6, "spring.flyway.enabled", false,
				"zhilyego.telegram.mode", mode), TestClockConfig.class);
		node.getBean(MutableClock.class).reset();
		return node;
	}

	@Test
	void anUpdateDeliveredToTwoNodesIsHandledOnce() throws Exception {
		try (ConfigurableApplicationContext second = node("webhook")) {
			Api first = new Api(this.port);
			Api other = new Api(TestApps.port(second));
			BotDriver bot = new BotDriver(first, fake, this.jdbc, TelegramBotIT.CHATS.next(), "ru");
			for (int round = 0; round < 10; round++) {
				int id = BotDriver.nextUpdateId();
				String update = bot.textUpdate(id, "/help");
				CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> first.post("/telegram/webhook",
						update, "X-Telegram-Bot-Api-Secret-Token", BotDriver.SECRET));
				CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> other.post("/telegram/webhook",
						update, "X-Telegram-Bot-Api-Secret-Token", BotDriver.SECRET));
				assertThat(a.get().status()).isEqualTo(200);
				assertThat(b.get().status()).isEqualTo(200);
				bot.awaitProcessed(id);
			}
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fake.messages(bot.chat).size() >= 10);
			Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> true);
			assertThat(fake.messages(bot.chat)).as("one answer per update, not two").hasSize(10);
			assertThat(this.jdbc.sql("select count(*) from telegram_updates where chat_id = :c")
				.param("c", bot.chat)
				.query(Long.class)
				.single()).isEqualTo(10);
		}
	}

	@Test
	void aRestartInTheMiddleOfABookingDialogLosesNothing() {
		long guest = this.identity.user("restart@test.kz");
		long chat = TelegramBotIT.CHATS.next();
		ConfigurableApplicationContext before = node("webhook");
		BotDriver bot = new BotDriver(new Api(TestApps.port(before)), fake, this.jdbc, chat, "ru");
		bot.type("/start listing-" + this.listing);
		bot.shareContact(this.identity.phone(guest));
		bot.tap("b:" + this.listing);
		bot.tapFirst("b:day:2026-12-08");
		bot.tapFirst("b:day:2026-12-11");
		assertThat(bot.lastText()).contains("Итого: 54 000 ₸");
		int quote = bot.messageWith("b:ok");
		before.close();

		// the node comes back, this time polling Telegram for updates
		try (ConfigurableApplicationContext after = node("polling")) {
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !fake.calls("getUpdates").isEmpty());
			int ok = BotDriver.nextUpdateId();
			fake.offer(bot.tapUpdate(ok, quote, "b:ok"));
			bot.awaitProcessed(ok);
			assertThat(bot.lastText()).contains("Правила проживания");
			int hold = BotDriver.nextUpdateId();
			fake.offer(bot.tapUpdate(hold, quote, "b:hold"));
			bot.awaitProcessed(hold);
			bot.awaitAnswered("q" + hold);
			UUID booking = this.jdbc.sql("select id from bookings where guest_id = :g")
				.param("g", guest)
				.query(UUID.class)
				.single();
			assertThat(this.jdbc.sql("select check_in || '/' || check_out from bookings where id = :id")
				.param("id", booking)
				.query(String.class)
				.single()).isEqualTo("2026-12-08/2026-12-11");
			assertThat(fake.calls("deleteWebhook")).isNotEmpty();
		}
	}

}
