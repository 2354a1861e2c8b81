package kz.zhilyego.telegram;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.booking.ExpireHolds;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.chatbot.CallbackData;
import kz.zhilyego.chatbot.DialogState;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.identity.AccessCodes;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.internal.Dispatcher;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot end to end: updates posted to the webhook as Telegram posts them, the bot's
 * calls answered by a real local HTTP server speaking the Bot API ({@link FakeBotApi}),
 * the booking core, payments and notifications real.
 */
@IntegrationTest
class TelegramBotIT {

	/**
	 * Taps to book, counted in {@link #aGuestBooksAFlatInChatFromStartToTheConfirmation}.
	 */
	static final int TAPS_TO_BOOK = 13;

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
	AccessCodes codes;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	ExpireHolds expireHolds;

	Api api;

	IdentityFixtures identity;

	long listing;

	static final AtomicChats CHATS = new AtomicChats();

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
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.listing = catalog.listing().title("Студия <у Байтерека> & парк").price(20000).create();
		photos(this.listing, 4);
		catalog.listing().title("Двушка на Левом берегу").price(26000).create();
		catalog.listing().title("Квартира у Хан Шатыра").price(30000).create();
		catalog.listing().title("Лофт в Есиле").price(35000).create();
		this.codes.store(this.listing, new AccessCodeSet("1234#", "77", null),
				this.identity.currentUser(catalog.defaultOwner()));
	}

	private void photos(long listing, int count) {
		for (int i = 0; i < count; i++) {
			this.jdbc.sql("""
					insert into listing_photos (listing_id, position, main, storage_key, content_type, width, height)
					values (:listing, :position, :main, :key, 'image/jpeg', 480, 320)
					""")
				.param("listing", listing)
				.param("position", i)
				.param("main", i == 0)
				.param("key", "test/bot-photo-" + i + ".jpg")
				.update();
		}
	}

	private BotDriver driver(String language) {
		return new BotDriver(this.api, fake, this.jdbc, CHATS.next(), language);
	}

	@Test
	void aGuestBooksAFlatInChatFromStartToTheConfirmation() throws Exception {
		long guest = this.identity.user("aigerim@test.kz");
		BotDriver bot = driver("ru");

		bot.type("/start");
		FakeBotApi.Call ask = fake.last(bot.chat);
		assertThat(ask.json().path("reply_markup").path("keyboard").get(0).get(0).path("request_contact").asBoolean())
			.isTrue();

		bot.shareContact(this.identity.phone(guest).substring(1));
		assertThat(bot.texts()).anySatisfy(text -> assertThat(text).contains("привязан"));
		assertThat(this.jdbc.sql("select telegram_user_id from users where id = :id")
			.param("id", guest)
			.query(Long.class)
			.single()).isEqualTo(bot.chat);

		bot.tap("s:open");
		int panel = bot.messageWith("s:go");
		bot.tapOn(panel, "s:f:dt");
		bot.tapOn(panel, "s:day:2026-12-10");
		bot.tapOn(panel, "s:day:2026-12-13");
		FakeBotApi.Call edited = fake.last(bot.chat);
		assertThat(edited.method()).isEqualTo("editmessagetext");
		assertThat(BotDriver.messageIdOf(edited)).as("the search is one edited message").isEqualTo(panel);
		assertThat(edited.text()).contains("10.12", "13.12.2026", "3 сут.");
		bot.tapOn(panel, "s:go");
		List<FakeBotApi.Call> cards = fake.calls("sendPhoto").stream().filter(c -> c.chat() == bot.chat).toList();
		assertThat(cards).hasSize(1);
		assertThat(cards.get(0).text()).contains("Студия &lt;у Байтерека&gt; &amp; парк", "20 000 ₸", "60 000 ₸");
		assertThat(bot.lastText()).contains("Найдено: 4", "1 из 2");

		bot.tap("l:" + this.listing);
		List<FakeBotApi.Call> albums = fake.calls("sendMediaGroup").stream().filter(c -> c.chat() == bot.chat).toList();
		assertThat(albums).hasSize(1);
		assertThat(albums.get(0).body()).contains("/media/test/bot-photo-0.jpg", "/media/test/bot-photo-3.jpg");
		assertThat(fake.last(bot.chat).actions()).contains("b:" + this.listing, "f:" + this.listing,
				"av:" + this.listing);

		bot.tap("b:" + this.listing);
		String quote = bot.lastText();
		assertThat(quote).contains("10.12 — 20 000 ₸", "11.12 — 20 000 ₸", "12.12 — 20 000 ₸", "Итого: 60 000 ₸",
				"полный возврат");
		bot.tap("b:ok");
		assertThat(bot.lastText()).contains("Правила проживания", "Не курить");
		bot.tap("b:hold");
		FakeBotApi.Call hold = fake.last(bot.chat);
		assertThat(hold.text()).contains("Бронь №", "Даты держим до 10:15 (15 мин)");
		UUID booking = this.jdbc.sql("select id from bookings where guest_id = :g")
			.param("g", guest)
			.query(UUID.class)
			.single();
		assertThat(this.jdbc.sql("select status from bookings where id = :id")
			.param("id", booking)
			.query(String.class)
			.single()).isEqualTo("HOLD");
		String payLink = hold.links().get(0);
		assertThat(payLink).contains("/payments/sandbox/");

		// the guest opens the sandbox payment page and pays (two taps)
		String paymentPath = URI.create(payLink).getPath();
		assertThat(this.api.get(paymentPath).status()).isEqualTo(200);
		assertThat(this.api.postForm(paymentPath + "/complete?outcome=success", "").status()).isEqualTo(303);
		int taps = 1 + bot.taps + 2;
		System.out.println("telegram-bot: taps to book = " + taps);
		assertThat(taps).isEqualTo(TAPS_TO_BOOK);

		// the hold message turns into "paid"; the confirmation comes with buttons into
		// the bot
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> fake.calls("editMessageText")
				.stream()
				.anyMatch(c -> c.chat() == bot.chat && c.text().contains("Оплачено")
						&& BotDriver.messageIdOf(c) == BotDriver.messageIdOf(hold)));
		// the confirmation is written to the outbox by a listener after the payment's
		// commit
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.dispatcher.dispatchDue();
			return fake.messages(bot.chat).stream().anyMatch(c -> c.text().contains("Бронирование подтверждено"));
		});
		FakeBotApi.Call confirmation = fake.messages(bot.chat)
			.stream()
			.filter(c -> c.text().contains("Бронирование подтверждено"))
			.findFirst()
			.orElseThrow();
		assertThat(confirmation.text()).contains("10.12.2026", "13.12.2026", "60 000", "+77011234567", "1234#");
		assertThat(confirmation.actions()).contains("mb:ins:" + booking, "mb:" + booking);

		bot.tap("mb:ins:" + booking);
		assertThat(bot.lastText()).contains("Как заселиться", "ул. Тестовая", "<code>1234#</code>", "<code>77</code>");
		assertThat(
				this.jdbc.sql("select count(*) from access_code_reveals where booking_id = :b and channel = 'telegram'")
					.param("b", booking)
					.query(Long.class)
					.single())
			.isGreaterThanOrEqualTo(2);

		// the same booking on the web cabinet and through the API
		Api.Response mine = this.api.get("/api/v1/me/bookings", "Authorization", this.identity.bearer(guest));
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).contains(booking.toString(), "CONFIRMED");
		assertThat(cabinet("aigerim@test.kz")).contains("Студия &lt;у Байтерека&gt; &amp; парк",
				"data-booking-id=\"" + booking + "\"");
	}

	/** The web cabinet's bookings page after a form sign-in. */
	private String cabinet(String email) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://127.0.0.1:" + this.port;
		String login = http
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + email + "&password=" + IdentityFixtures.PASSWORD + "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/account/bookings")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body();
	}

	@Test
	void aNewUserIsRegisteredByTheirOwnContactOnly() {
		BotDriver bot = driver("en");
		bot.type("/start");
		assertThat(bot.lastText()).contains("This is ЖильеGO");

		int refused = BotDriver.nextUpdateId();
		bot.deliver(bot.contactUpdate(refused, "77019990001", bot.chat + 1), refused);
		assertThat(bot.texts()).anySatisfy(text -> assertThat(text).contains("someone else"));
		assertThat(this.jdbc.sql("select count(*) from users where phone = '+77019990001'").query(Long.class).single())
			.isZero();

		bot.shareContact("77019990001");
		assertThat(this.jdbc.sql("select count(*) from users where phone = '+77019990001' and telegram_user_id = :tg")
			.param("tg", bot.chat)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(bot.texts()).anySatisfy(text -> assertThat(text).contains("Welcome"));
		assertThat(fake.calls("setMyCommands")).anySatisfy(call -> assertThat(call.body()).contains("mybookings")
			.contains("\"" + bot.chat + "\"")
			.doesNotContain("properties"));
	}

	@Test
	void deepLinksOpenAListingAfterRegistrationAndABookingOfItsGuestOnly() {
		long guest = this.identity.user("deep@test.kz");
		BotDriver bot = driver("ru");
		bot.type("/start listing-" + this.listing);
		bot.shareContact(this.identity.phone(guest));
		assertThat(fake.calls("sendMediaGroup").stream().filter(c -> c.chat() == bot.chat)).hasSize(1);
		assertThat(fake.last(bot.chat).actions()).contains("b:" + this.listing);

		String path = this.jdbc.sql("""
				select '/astana/' || d.slug || '/' from listings l join districts d on d.id = l.district_id
				where l.id = :id""").param("id", this.listing).query(String.class).single();
		Api.Response page = this.api.get("/api/v1/listings/" + this.listing);
		String cardPath = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(page.body())
			.get("path")
			.asString();
		assertThat(cardPath).startsWith(path);
		assertThat(this.api.get(cardPath).body())
			.contains("https://t.me/zhilyego_test_bot?start=listing-" + this.listing);

		UUID own = new CatalogFixtures(this.jdbc).occupyByBooking(this.listing, java.time.LocalDate.parse("2026-12-20"),
				java.time.LocalDate.parse("2026-12-22"));
		bot.type("/start booking-" + own);
		assertThat(bot.lastText()).contains("не найдено").doesNotContain("Бронирование №");
		this.jdbc.sql("update bookings set guest_id = :g where id = :id").param("g", guest).param("id", own).update();
		bot.type("/start booking-" + own);
		assertThat(bot.lastText()).contains("Бронирование №" + own.toString().substring(0, 8).toUpperCase());
	}

	@Test
	void theSameUpdateDeliveredTwiceIsHandledOnce() {
		BotDriver bot = driver("ru");
		int id = BotDriver.nextUpdateId();
		String update = bot.textUpdate(id, "/start");
		assertThat(bot.post(update).status()).isEqualTo(200);
		assertThat(bot.post(update).status()).isEqualTo(200);
		bot.awaitProcessed(id);
		assertThat(this.jdbc.sql("select count(*) from telegram_updates where update_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(fake.messages(bot.chat)).hasSize(1);
	}

	@Test
	void aWebhookWithoutTheRightSecretIsRefusedAndChangesNothing() {
		BotDriver bot = driver("ru");
		int id = BotDriver.nextUpdateId();
		String update = bot.textUpdate(id, "/start");
		assertThat(this.api.post("/telegram/webhook", update).status()).isEqualTo(403);
		assertThat(this.api.post("/telegram/webhook", update, "X-Telegram-Bot-Api-Secret-Token", "wrong").status())
			.isEqualTo(403);
		assertThat(this.api.post("/telegram/webhook", update, "X-Telegram-Bot-Api-Secret-Token", BotDriver.SECRET + "x")
			.status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from telegram_updates").query(Long.class).single()).isZero();
		assertThat(fake.calls()).isEmpty();
		assertThat(this.api.post("/telegram/webhook", "{not json", "X-Telegram-Bot-Api-Secret-Token", BotDriver.SECRET)
			.status()).isEqualTo(400);
	}

	@Test
	void aDoubleTapOnBookHoldsOnce() throws Exception {
		long guest = this.identity.user("double@test.kz");
		BotDriver bot = driver("ru");
		bot.type("/start listing-" + this.listing);
		bot.shareContact(this.identity.phone(guest));
		bot.tap("b:" + this.listing);
		bot.tapFirst("b:day:2026-12-15");
		bot.tapFirst("b:day:2026-12-17");
		bot.tap("b:ok");
		int rules = bot.messageWith("b:hold");
		int first = BotDriver.nextUpdateId();
		int second = BotDriver.nextUpdateId();
		CompletableFuture<Api.Response> a = CompletableFuture
			.supplyAsync(() -> bot.post(bot.tapUpdate(first, rules, "b:hold")));
		CompletableFuture<Api.Response> b = CompletableFuture
			.supplyAsync(() -> bot.post(bot.tapUpdate(second, rules, "b:hold")));
		assertThat(a.get().status()).isEqualTo(200);
		assertThat(b.get().status()).isEqualTo(200);
		bot.awaitProcessed(first);
		bot.awaitProcessed(second);
		bot.awaitAnswered("q" + first);
		bot.awaitAnswered("q" + second);
		assertThat(this.jdbc.sql("select count(*) from bookings where guest_id = :g")
			.param("g", guest)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from payments p join bookings b on b.id = p.booking_id where b.guest_id = :g")
			.param("g", guest)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anExpiredHoldEditsItsHoldMessage() {
		long guest = this.identity.user("late@test.kz");
		BotDriver bot = driver("ru");
		bot.type("/start listing-" + this.listing);
		bot.shareContact(this.identity.phone(guest));
		bot.tap("b:" + this.listing);
		bot.tapFirst("b:day:2026-12-05");
		bot.tapFirst("b:day:2026-12-06");
		bot.tap("b:ok");
		int holdMessage = bot.messageWith("b:hold");
		bot.tap("b:hold");

		this.clock.advance(Duration.ofMinutes(16));
		this.expireHolds.expireDue();

		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> fake.calls("editMessageText")
				.stream()
				.anyMatch(c -> c.chat() == bot.chat && BotDriver.messageIdOf(c) == holdMessage
						&& c.text().contains("истекла")));
		assertThat(fake.last(bot.chat).actions()).contains("b:" + this.listing);
	}

	@Test
	void afterAFailedPaymentPayInMyBookingsSendsANewLinkOnceInsteadOfTheDeadOne() {
		long guest = this.identity.user("retry@test.kz");
		BotDriver bot = driver("ru");
		bot.type("/start listing-" + this.listing);
		bot.shareContact(this.identity.phone(guest));
		bot.tap("b:" + this.listing);
		bot.tapFirst("b:day:2026-12-24");
		bot.tapFirst("b:day:2026-12-26");
		bot.tap("b:ok");
		bot.tap("b:hold");
		String failedLink = fake.last(bot.chat).links().get(0);
		assertThat(fake.last(bot.chat).actions()).as("no expiry with the sandbox: no new-link button")
			.noneMatch(action -> action.startsWith("mb:pay:"));
		UUID booking = this.jdbc.sql("select id from bookings where guest_id = :g")
			.param("g", guest)
			.query(UUID.class)
			.single();
		assertThat(this.api.postForm(URI.create(failedLink).getPath() + "/complete?outcome=failure", "").status())
			.isEqualTo(303);

		bot.type("/mybookings");
		bot.tap("mb:" + booking);
		bot.tap("mb:pay:" + booking);
		String newLink = fake.last(bot.chat).links().get(0);
		bot.tap("mb:pay:" + booking);
		String again = fake.last(bot.chat).links().get(0);

		assertThat(newLink).contains("/payments/sandbox/").isNotEqualTo(failedLink);
		assertThat(again).as("a second tap: the same new payment").isEqualTo(newLink);
		assertThat(this.jdbc.sql("select status from payments where booking_id = :b order by created_at, id")
			.param("b", booking)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("FAILED", "PENDING");
		assertThat(this.api.postForm(URI.create(newLink).getPath() + "/complete?outcome=success", "").status())
			.isEqualTo(303);
		assertThat(this.jdbc.sql("select status from bookings where id = :id")
			.param("id", booking)
			.query(String.class)
			.single()).isEqualTo("CONFIRMED");
	}

	@Test
	void cancellingShowsTheRefundBeforeConfirming() {
		long guest = this.identity.user("cancel@test.kz");
		BotDriver bot = driver("ru");
		bot.type("/start listing-" + this.listing);
		bot.shareContact(this.identity.phone(guest));
		bot.tap("b:" + this.listing);
		bot.tapFirst("b:day:2026-12-20");
		bot.tapFirst("b:day:2026-12-21");
		bot.tap("b:ok");
		bot.tap("b:hold");
		UUID booking = this.jdbc.sql("select id from bookings where guest_id = :g")
			.param("g", guest)
			.query(UUID.class)
			.single();
		bot.type("/mybookings");
		bot.tap("mb:" + booking);
		bot.tap("mb:cq:" + booking);
		assertThat(bot.lastText()).contains("Вам вернётся 0 ₸");
		assertThat(this.jdbc.sql("select status from bookings where id = :id")
			.param("id", booking)
			.query(String.class)
			.single()).isEqualTo("HOLD");
		bot.tap("mb:cx:" + booking);
		assertThat(this.jdbc.sql("select status from bookings where id = :id")
			.param("id", booking)
			.query(String.class)
			.single()).isEqualTo("CANCELLED");
	}

	@Test
	void aDialogLeftAloneLongerThanItsTtlStartsAfresh() {
		long guest = this.identity.user("idle@test.kz");
		BotDriver bot = driver("ru");
		bot.type("/start listing-" + this.listing);
		bot.shareContact(this.identity.phone(guest));
		bot.tap("b:" + this.listing);
		bot.tapFirst("b:day:2026-12-15");
		bot.tapFirst("b:day:2026-12-17");
		int quote = bot.messageWith("b:ok");

		this.clock.advance(Duration.ofHours(25));
		bot.tapOn(quote, "b:ok");

		assertThat(fake.calls("answerCallbackQuery")).last()
			.satisfies(answer -> assertThat(answer.body()).contains("устарела"));
		assertThat(this.jdbc.sql("select count(*) from bookings where guest_id = :g")
			.param("g", guest)
			.query(Long.class)
			.single()).isZero();
	}

	@Autowired
	UpdateProcessor processor;

	@Test
	void anUpdateLeftPendingByADeadNodeIsProcessedByTheSweeperAndOldOnesAreForgotten() {
		BotDriver bot = driver("ru");
		int stuck = BotDriver.nextUpdateId();
		java.sql.Timestamp now = java.sql.Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into telegram_updates (update_id, chat_id, payload, received_at)
				values (:id, :chat, :payload, :now)
				""")
			.param("id", stuck)
			.param("chat", bot.chat)
			.param("payload", bot.textUpdate(stuck, "/start"))
			.param("now", now)
			.update();
		// the node that took the chat died: its lease ran out a minute ago
		this.jdbc.sql("insert into telegram_chats (chat_id, lease_owner, lease_until) values (:chat, 'dead', :until)")
			.param("chat", bot.chat)
			.param("until", java.sql.Timestamp.from(this.clock.instant().minusSeconds(60)))
			.update();
		int old = BotDriver.nextUpdateId();
		this.jdbc.sql("""
				insert into telegram_updates (update_id, chat_id, payload, received_at, processed_at)
				values (:id, 1, '{}', :at, :at)
				""")
			.param("id", old)
			.param("at", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(8))))
			.update();

		this.processor.sweep();

		bot.awaitProcessed(stuck);
		assertThat(bot.lastText()).contains("Здравствуйте");
		assertThat(this.jdbc.sql("select count(*) from telegram_updates where update_id = :id")
			.param("id", old)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theBotSpeaksTheUsersLanguageAndSwitchesWithLanguage() {
		BotDriver bot = driver("kk");
		bot.type("/start");
		assertThat(bot.lastText()).contains("Сәлеметсіз бе");
		bot.type("/language");
		bot.tap("lang:en");
		bot.type("/help");
		assertThat(bot.lastText()).contains("What the ЖильеGO bot can do");
	}

	@Test
	void everyCallbackIsAnsweredQuicklyAndTheP95IsMeasured() {
		long guest = this.identity.user("fast@test.kz");
		BotDriver bot = driver("ru");
		bot.type("/start");
		bot.shareContact(this.identity.phone(guest));
		bot.tap("s:open");
		int panel = bot.messageWith("s:go");
		List<Long> latencies = new ArrayList<>();
		String[] actions = { "s:f:g", "s:v:g:2", "s:f:r", "s:v:r:2", "s:f:p", "s:v:p:-" };
		for (int i = 0; i < 120; i++) {
			String action = actions[i % actions.length];
			int id = BotDriver.nextUpdateId();
			long sent = System.nanoTime();
			assertThat(bot.post(bot.tapUpdate(id, panel, action)).status()).isEqualTo(200);
			bot.awaitAnswered("q" + id);
			FakeBotApi.Call answer = fake.calls("answerCallbackQuery")
				.stream()
				.filter(c -> c.body().contains("\"q" + id + "\""))
				.findFirst()
				.orElseThrow();
			if (i >= 20) {
				latencies.add(answer.receivedAt() - sent);
			}
			bot.awaitProcessed(id);
		}
		Collections.sort(latencies);
		long p95 = latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
		long p50 = latencies.get(latencies.size() / 2);
		System.out.printf("telegram-bot: callback answered p50 %.1f ms, p95 %.1f ms over %d taps%n", p50 / 1e6,
				p95 / 1e6, latencies.size());
		assertThat(Duration.ofNanos(p95)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void callbackDataStaysWithin64BytesEvenForCyrillicPayloads() {
		DialogState state = new DialogState();
		String cyrillic = "s:v:d:" + "район-Есиль-у-Байтерека-и-набережной";
		assertThat(CallbackData.bytes(cyrillic)).isGreaterThan(64);
		assertThat(cyrillic.length()).isLessThan(64);
		String fitted = CallbackData.fit(cyrillic, state);
		assertThat(CallbackData.bytes(fitted)).isLessThanOrEqualTo(CallbackData.MAX_BYTES);
		assertThat(CallbackData.resolve(fitted, state)).isEqualTo(cyrillic);
		assertThat(CallbackData.fit(cyrillic, state)).isEqualTo(fitted);
		assertThat(CallbackData.fit("s:go", state)).isEqualTo("s:go");
		// and every button the bot sent in these tests carried at most 64 bytes
		fake.calls()
			.forEach(call -> call.actions()
				.forEach(action -> assertThat(CallbackData.bytes(action)).isLessThanOrEqualTo(64)));
	}

	/** Distinct chat ids per test so the fake's records never mix. */
	static final class AtomicChats {

		private final java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(
				500_000_000L + (System.nanoTime() % 1_000_000) * 10);

		long next() {
			return this.next.incrementAndGet();
		}

	}

}
