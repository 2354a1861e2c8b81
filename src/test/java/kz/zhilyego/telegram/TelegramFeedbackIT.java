package kz.zhilyego.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.booking.ExternalStays;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.channel.ChannelFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.FakeHttpServer;
import kz.zhilyego.notification.Reminders;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guests someone else booked, in Telegram: the WhatsApp message to the phone of their
 * account carries the one-tap link {@code t.me/<bot>?start=g-<token>} (never an e-mail to
 * an address the other system named); once they open it, the feedback request after the
 * stay comes to the chat with five rating buttons (against the fake Bot API). A 5 gets
 * the review sites as link buttons; a 3 gets the question, and the next message — the
 * answer — reaches the realtor in Telegram and by e-mail (GreenMail).
 */
@IntegrationTest
class TelegramFeedbackIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final Pattern GUEST_LINK = Pattern
		.compile("https://t\\.me/zhilyego_test_bot\\?start=(g-[A-Za-z0-9_-]+)");

	private static final long REALTOR_CHAT = 771001;

	static FakeBotApi fake;

	static FakeHttpServer whatsApp;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	ExternalStays stays;

	@Autowired
	Reminders reminders;

	@Autowired
	Dispatcher dispatcher;

	Api api;

	long listing;

	ChannelFixtures.Connection connection;

	@BeforeAll
	static void startBotApi() {
		fake = new FakeBotApi(TestPorts.TELEGRAM);
		whatsApp = new FakeHttpServer(TestPorts.WHATSAPP);
		whatsApp.answer(request -> new FakeHttpServer.Answer(200,
				"{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid." + UUID.randomUUID() + "\"}]}"));
	}

	@AfterAll
	static void stopBotApi() {
		fake.close();
		whatsApp.close();
	}

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		fake.clear();
		whatsApp.clear();
		this.api = new Api(this.port);
		IdentityFixtures identity = new IdentityFixtures(this.context);
		long realtor = identity.realtor("realtor@test.kz", null);
		this.jdbc
			.sql("update users set telegram_chat_id = :chat, telegram_user_id = :chat, telegram_enabled = true"
					+ " where id = :id")
			.param("chat", REALTOR_CHAT)
			.param("id", realtor)
			.update();
		String bearer = identity.bearer(realtor);
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(realtor).title("Студия у Байтерека").create();
		this.connection = ChannelFixtures.connect(this.api, bearer, "Bukza", List.of(this.listing), Map.of());
		assertThat(this.api
			.put("/api/v1/realtor/listings/" + this.listing + "/review-links",
					Map.of("twoGis", "https://2gis.kz/astana/firm/70000001", "ownForm", false), "Authorization", bearer)
			.status()).isEqualTo(200);
	}

	@Test
	void aGuestLinksTelegramFromTheEmailAndRatesTheStayWithOneTap() throws Exception {
		UUID happy = stay("T-1", "2026-12-10", "2026-12-13", "aigerim@example.kz", "+77010000021");
		UUID unhappy = stay("T-2", "2026-12-05", "2026-12-08", "bolat@example.kz", "+77010000022");
		this.dispatcher.dispatchDue();
		BotDriver aigerim = new BotDriver(this.api, fake, this.jdbc, 661001, "ru");
		BotDriver bolat = new BotDriver(this.api, fake, this.jdbc, 661002, "ru");
		aigerim.type("/start " + guestLink("+77010000021"));
		assertThat(aigerim.lastText()).contains("Готово, Дана Сейткали!");
		bolat.type("/start " + guestLink("+77010000022"));
		assertThat(telegramChat("+77010000021")).isEqualTo(661001L);
		assertThat(telegramChat("+77010000022")).isEqualTo(661002L);
		// the link is single-use: opened again (or forwarded), it links nobody
		BotDriver stranger = new BotDriver(this.api, fake, this.jdbc, 661003, "ru");
		stranger.type("/start " + guestLink("+77010000021"));
		assertThat(stranger.lastText()).contains("Ссылка устарела");

		// both stays end; the request goes out three hours after check-out, in the window
		this.clock.set(Instant.parse("2026-12-13T07:00:00Z"));
		assertThat(this.stays.completeEnded()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> pendingRequests() == 2);
		this.clock.set(Instant.parse("2026-12-13T10:00:00Z"));
		this.reminders.fireDue();
		this.dispatcher.dispatchDue();

		long happyRequest = requestOf(happy);
		assertThat(fake.messages(661001).stream().flatMap(call -> call.actions().stream()))
			.containsSubsequence("fb:" + happyRequest + ":1", "fb:" + happyRequest + ":5");
		aigerim.tap("fb:" + happyRequest + ":5");
		FakeBotApi.Call thanks = fake.last(661001);
		assertThat(thanks.text()).contains("Спасибо за оценку 5").doesNotContain("Что мы могли бы сделать лучше");
		assertThat(thanks.links()).containsExactly("https://2gis.kz/astana/firm/70000001");
		assertThat(rating(happy)).isEqualTo(5);

		long unhappyRequest = requestOf(unhappy);
		bolat.tap("fb:" + unhappyRequest + ":3");
		assertThat(bolat.lastText()).contains("Спасибо за оценку 3", "Что мы могли бы сделать лучше");
		assertThat(fake.last(661002).links()).isEmpty();
		bolat.type("Холодно в спальне");
		assertThat(bolat.lastText()).contains("передали ваш ответ риелтору");
		// someone else's tap on Bolat's request records nothing
		aigerim.tapOn(aigerim.messageWith("fb:" + happyRequest + ":5"), "fb:" + unhappyRequest + ":1");
		assertThat(rating(unhappy)).isEqualTo(3);

		this.dispatcher.dispatchDue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> fake.messages(REALTOR_CHAT).stream().anyMatch(c -> c.text().contains("Холодно в спальне")));
		assertThat(fake.messages(REALTOR_CHAT).stream().filter(c -> c.text().contains("Холодно в спальне")))
			.singleElement()
			.satisfies(call -> assertThat(call.text()).contains("3 / 5"));
		assertThat(mailTo("realtor@test.kz")).anyMatch(text -> text.contains("Холодно в спальне"));
		assertThat(this.jdbc.sql("select rated_via from feedback_requests where booking_id = :id")
			.param("id", unhappy)
			.query(String.class)
			.single()).isEqualTo("TELEGRAM");
	}

	private UUID stay(String ref, String checkIn, String checkOut, String email, String phone) {
		Api.Response response = ChannelFixtures.send(this.api, this.connection,
				ChannelFixtures.booking("booking.created", ref, this.listing, checkIn, checkOut, null, phone, email),
				this.clock.instant());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return UUID.fromString(response.json().get("bookingId").asString());
	}

	/**
	 * A stay whose e-mail address, named by the other system, is not the phone's owner's:
	 * the e-mail about the booking goes there, but the one-tap link (which links whoever
	 * opens it to the account of that phone) goes only to the phone. Before, the e-mail
	 * carried it: anyone who could send a booking took the account of any phone number
	 * nobody had registered yet, and with it the password reset of that phone (sent by
	 * Telegram) and every later booking matched to the phone.
	 */
	@Test
	void theOneTapLinkNeverGoesToAnAddressTheOtherSystemNamed() throws Exception {
		stay("T-3", "2026-12-10", "2026-12-13", "someone-else@example.kz", "+77010000023");

		String link = guestLink("+77010000023");
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.dispatcher.dispatchDue();
			return !mailTo("someone-else@example.kz").isEmpty();
		});

		assertThat(mailTo("someone-else@example.kz"))
			.noneMatch(text -> GUEST_LINK.matcher(text).find() || text.contains(link));
		BotDriver owner = new BotDriver(this.api, fake, this.jdbc, 661004, "ru");
		owner.type("/start " + link);
		assertThat(telegramChat("+77010000023")).isEqualTo(661004L);
	}

	/** The link in a WhatsApp message to the phone (the account's own number). */
	private String guestLink(String phone) throws Exception {
		String to = "\"to\":\"" + phone.substring(1) + "\"";
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.dispatcher.dispatchDue();
			return whatsApp.requests()
				.stream()
				.anyMatch(request -> request.body().contains(to) && GUEST_LINK.matcher(request.body()).find());
		});
		for (FakeHttpServer.Request request : whatsApp.requests()) {
			Matcher m = GUEST_LINK.matcher(request.body());
			if (request.body().contains(to) && m.find()) {
				return m.group(1);
			}
		}
		throw new AssertionError("no Telegram link to " + phone);
	}

	/** The guest's account has no e-mail (not confirmed by its owner); found by phone. */
	private Long telegramChat(String phone) {
		return this.jdbc.sql("select telegram_chat_id from users where phone = :phone")
			.param("phone", phone)
			.query(Long.class)
			.single();
	}

	private long pendingRequests() {
		return this.jdbc
			.sql("select count(*) from notification_reminders where kind = 'FEEDBACK_REQUEST' and status = 'PENDING'")
			.query(Long.class)
			.single();
	}

	private long requestOf(UUID booking) {
		return this.jdbc.sql("select id from feedback_requests where booking_id = :id")
			.param("id", booking)
			.query(Long.class)
			.single();
	}

	private Integer rating(UUID booking) {
		return this.jdbc.sql("select rating from feedback_requests where booking_id = :id")
			.param("id", booking)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject("rating", Integer.class)))
			.single()
			.orElse(null);
	}

	private static List<String> mailTo(String address) throws Exception {
		List<String> found = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				found.add(message.getSubject() + "\n" + text(message));
			}
		}
		return found;
	}

	private static String text(Part part) throws Exception {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i))).append('\n');
			}
			return text.toString();
		}
		Object content = part.getContent();
		return content instanceof String s ? s : "";
	}

}
