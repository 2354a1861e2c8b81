package kz.zhilyego.telegram;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.flags.FeatureFlagAdmin;
import kz.zhilyego.flags.FeatureFlags;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A guest writes in the booking chat; the realtor gets the notice in Telegram (the fake
 * Bot API) with a "Reply" button, taps it, types the answer, and the answer lands in the
 * same chat — once the chat is closed, the button says so and nothing is posted.
 */
@IntegrationTest
class TelegramChatReplyIT {

	private static final long REALTOR_CHAT = 772001;

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
	Dispatcher dispatcher;

	@Autowired
	FeatureFlagAdmin flags;

	Api api;

	String guest;

	UUID booking;

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
		fake.clear();
		this.api = new Api(this.port);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		long realtor = identity.realtor("realtor@test.kz", null);
		this.jdbc
			.sql("update users set telegram_chat_id = :chat, telegram_user_id = :chat, telegram_enabled = true"
					+ " where id = :id")
			.param("chat", REALTOR_CHAT)
			.param("id", realtor)
			.update();
		long guestId = identity.user("guest@test.kz");
		this.guest = identity.bearer(guestId);
		long listing = new CatalogFixtures(this.jdbc).listing().owner(realtor).title("Студия у Байтерека").create();
		this.booking = new BookingFixtures(this.context.getBean(PlaceHold.class))
			.hold(listing, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 12), guestId)
			.id();
		this.flags.enableForEveryone(FeatureFlags.BOOKING_CHAT, "test");
	}

	@Test
	void aReplyFromTelegramLandsInTheSameChat() {
		String path = "/api/v1/bookings/" + this.booking + "/messages";
		assertThat(this.api.post(path, Map.of("text", "Можно заехать в 11?"), "Authorization", this.guest).status())
			.isEqualTo(201);
		this.dispatcher.dispatchDue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> fake.messages(REALTOR_CHAT)
				.stream()
				.anyMatch(c -> c.actions().contains("cr:" + this.booking)));
		assertThat(fake.last(REALTOR_CHAT).text()).contains("Можно заехать в 11?", "Студия у Байтерека");

		BotDriver realtor = new BotDriver(this.api, fake, this.jdbc, REALTOR_CHAT, "ru");
		realtor.tap("cr:" + this.booking);
		assertThat(realtor.lastText()).contains("Напишите ответ");
		realtor.type("Да, квартира будет готова к 11:00");
		assertThat(realtor.lastText()).contains("Ответ отправлен");

		Api.Response chat = this.api.get(path, "Authorization", this.guest);
		assertThat(chat.json().get("items").get(0).get("text").asString())
			.isEqualTo("Да, квартира будет готова к 11:00");
		assertThat(chat.json().get("items").get(0).get("side").asString()).isEqualTo("REALTOR");
		assertThat(chat.json().get("items").get(0).get("via").asString()).isEqualTo("TELEGRAM");
		assertThat(chat.json().get("unread").asInt()).isEqualTo(1);

		// a plain message afterwards is not taken as another answer
		realtor.type("Ещё одно");
		assertThat(this.jdbc.sql("select count(*) from booking_chat_messages").query(Long.class).single()).isEqualTo(2);

		// once the chat is closed the button refuses
		this.clock.set(java.time.Instant.parse("2026-12-27T00:00:00Z"));
		realtor.tap("cr:" + this.booking);
		assertThat(this.jdbc.sql("select count(*) from booking_chat_messages").query(Long.class).single()).isEqualTo(2);
	}

}
