package kz.zhilyego.chat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.ConfirmPayment;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Money;
import kz.zhilyego.flags.FeatureFlagAdmin;
import kz.zhilyego.flags.FeatureFlags;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.web.SiteSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking chat end to end over HTTP: who may read and write (everyone else gets a
 * 404), masking before payment, read receipts and unread counts, one notice per burst,
 * photos, soft delete with audit, the 14-day window on the test clock, the flag, and the
 * realtor's first-response time.
 */
@IntegrationTest
@RecordApplicationEvents
class BookingChatIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	FeatureFlagAdmin flags;

	@Autowired
	ConfirmPayment confirmPayment;

	@Autowired
	ChatResponseTimes responseTimes;

	@Autowired
	ApplicationEvents events;

	Api api;

	final Map<String, String> callers = new LinkedHashMap<>();

	final Map<String, Long> users = new LinkedHashMap<>();

	IdentityFixtures fixtures;

	long guest;

	long realtor;

	long listing;

	UUID booking;

	String path;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.api = new Api(this.port);
		IdentityFixtures fixtures = new IdentityFixtures(this.context);
		this.fixtures = fixtures;
		long agencyA = fixtures.agency("Агентство А");
		long agencyB = fixtures.agency("Агентство Б");
		this.guest = fixtures.user("guest@test.kz");
		long otherGuest = fixtures.user("other@test.kz");
		this.realtor = fixtures.realtor("realtor-a@test.kz", agencyA);
		long otherRealtor = fixtures.realtor("realtor-b@test.kz", agencyB);
		long colleague = fixtures.realtor("colleague-a@test.kz", agencyA);
		long headA = fixtures.superAdmin("head-a@test.kz", agencyA);
		long headB = fixtures.superAdmin("head-b@test.kz", agencyB);
		long root = fixtures.superuser("root@test.kz");
		this.listing = new CatalogFixtures(this.jdbc).listing()
			.owner(this.realtor)
			.title("Студия у Байтерека")
			.create();
		this.booking = hold(this.guest, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 12));
		this.path = "/api/v1/bookings/" + this.booking + "/messages";
		this.users.put("guest", this.guest);
		this.users.put("otherGuest", otherGuest);
		this.users.put("realtor", this.realtor);
		this.users.put("otherRealtor", otherRealtor);
		this.users.put("colleague", colleague);
		this.users.put("headA", headA);
		this.users.put("headB", headB);
		this.users.put("superuser", root);
		signIn();
		this.flags.enableForEveryone(FeatureFlags.BOOKING_CHAT, "test");
	}

	/** Fresh access tokens at the clock's time (they last 15 minutes). */
	private void signIn() {
		this.callers.clear();
		this.callers.put("anonymous", null);
		this.users.forEach((caller, id) -> this.callers.put(caller, this.fixtures.bearer(id)));
	}

	/** Pays the booking (a hold left alone would expire when the clock moves on). */
	private void pay(UUID bookingId) {
		java.math.BigDecimal total = this.context.getBean(kz.zhilyego.booking.BookingQueries.class)
			.find(bookingId)
			.orElseThrow()
			.total();
		assertThat(this.confirmPayment.confirm(bookingId, "pay-" + bookingId, Money.kzt(total)))
			.isInstanceOf(ConfirmPayment.Outcome.Confirmed.class);
	}

	private void advance(Duration duration) {
		this.clock.advance(duration);
		signIn();
	}

	private void moveTo(Instant instant) {
		this.clock.set(instant);
		signIn();
	}

	private UUID hold(long guestId, LocalDate in, LocalDate out) {
		return new BookingFixtures(this.context.getBean(PlaceHold.class)).hold(this.listing, in, out, guestId).id();
	}

	@Test
	void guestAndRealtorWriteStaffInScopeReadsEveryoneElseGetsA404() {
		assertThat(post("guest", "Здравствуйте! Во сколько заезд?").status()).isEqualTo(201);
		for (String caller : this.callers.keySet()) {
			int read = switch (caller) {
				case "anonymous" -> 401;
				case "guest", "realtor", "headA", "superuser" -> 200;
				default -> 404;
			};
			int write = switch (caller) {
				case "anonymous" -> 401;
				case "guest", "realtor" -> 201;
				case "headA", "superuser" -> 403;
				default -> 404;
			};
			Api.Response page = get(this.path, caller);
			assertThat(page.status()).as(caller + " reads").isEqualTo(read);
			if (read != 200) {
				assertThat(page.body()).as(caller).doesNotContain("Во сколько заезд");
			}
			else {
				assertThat(page.body()).as(caller).contains("Во сколько заезд");
			}
			assertThat(post(caller, "Пишет " + caller).status()).as(caller + " writes").isEqualTo(write);
		}
		// a booking that does not exist looks the same as someone else's
		Api.Response unknown = get("/api/v1/bookings/" + UUID.randomUUID() + "/messages", "otherGuest");
		Api.Response foreign = get(this.path, "otherGuest");
		assertThat(unknown.status()).isEqualTo(foreign.status()).isEqualTo(404);
		assertThat(unknown.json().get("type").asString()).isEqualTo(foreign.json().get("type").asString());
		assertThat(
				this.jdbc.sql("select author_side from booking_chat_messages order by id").query(String.class).list())
			.containsExactly("GUEST", "GUEST", "REALTOR");
		// the event of a post (recorded in this thread: the service called directly)
		ChatMessage direct = this.context.getBean(BookingChat.class)
			.post(this.booking, this.fixtures.currentUser(this.guest), "Из теста", null, "API");
		assertThat(this.events.stream(ChatMessagePosted.class)).singleElement().satisfies(e -> {
			assertThat(e.bookingId()).isEqualTo(this.booking);
			assertThat(e.messageId()).isEqualTo(direct.id());
			assertThat(e.authorId()).isEqualTo(this.guest);
			assertThat(e.at()).isEqualTo(this.clock.instant());
		});
		// on the platform record: one row per message, on the booking, by its author
		assertThat(this.jdbc.sql("""
				select subject_id || ':' || actor_id || ':' || (payload ->> 'messageId')
				from platform_events where type = 'chat.message_posted' order by id""").query(String.class).list())
			.hasSize(4)
			.allSatisfy(row -> assertThat(row).startsWith(this.booking + ":"))
			.last()
			.isEqualTo(this.booking + ":" + this.guest + ":" + direct.id());
	}

	@Test
	void contactsAreMaskedUntilTheBookingIsPaid() {
		Api.Response before = post("guest", "Позвоните мне: +7 701 123 45 67 или пишите guest@mail.kz, t.me/guest");
		assertThat(before.status()).isEqualTo(201);
		assertThat(before.json().get("masked").asBoolean()).isTrue();
		assertThat(before.json().get("text").asString()).doesNotContain("701", "guest@mail.kz", "t.me")
			.contains(ContactMasking.MASK);
		assertThat(this.jdbc.sql("select body from booking_chat_messages").query(String.class).single())
			.as("the original is not kept")
			.doesNotContain("701");
		pay(this.booking);
		assertThat(this.jdbc.sql("select status from bookings where id = :id")
			.param("id", this.booking)
			.query(String.class)
			.single()).isEqualTo("CONFIRMED");
		Api.Response after = post("realtor", "Мой номер +7 701 765 43 21, до встречи 12.12");
		assertThat(after.json().get("masked").asBoolean()).isFalse();
		assertThat(after.json().get("text").asString()).contains("+7 701 765 43 21");
		assertThat(get(this.path, "guest").json().get("masking").asBoolean()).isFalse();
	}

	@Test
	void readReceiptsUnreadCountsAndOneNoticePerBurst() {
		post("guest", "Первое");
		post("guest", "Второе");
		post("guest", "Третье");
		assertThat(notices(this.realtor)).as("one notice for the burst").isEqualTo(1);
		assertThat(notices(this.guest)).isZero();
		Api.Response realtorPage = get(this.path, "realtor");
		assertThat(realtorPage.json().get("unread").asInt()).isEqualTo(3);
		assertThat(get(this.path, "realtor").json().get("unread").asInt()).as("read now").isZero();
		Api.Response guestPage = get(this.path, "guest");
		assertThat(guestPage.json().get("items").get(0).get("read").asBoolean()).as("read receipt").isTrue();
		// the realtor read everything: the next message starts a new burst
		post("guest", "Четвёртое");
		assertThat(notices(this.realtor)).isEqualTo(2);
		assertThat(get(this.path, "guest").json().get("items").get(0).get("read").asBoolean()).isFalse();
		// a reader (agency head) reading marks nothing
		get(this.path, "headA");
		assertThat(get(this.path, "realtor").json().get("unread").asInt()).isEqualTo(1);
		// paging, newest first, by message id
		Api.Response first = get(this.path + "?size=3", "guest");
		assertThat(first.json().get("items")).hasSize(3);
		long before = first.json().get("nextBefore").asLong();
		Api.Response rest = get(this.path + "?size=3&before=" + before, "guest");
		assertThat(rest.json().get("items")).hasSize(1);
		assertThat(rest.json().get("items").get(0).get("text").asString()).isEqualTo("Первое");
		assertThat(rest.json().get("nextBefore").isNull()).isTrue();
	}

	@Test
	void wrongTextsAndPhotosAreProblemsAndChangeNothing() throws Exception {
		Api.Response tooLong = post("guest", "а".repeat(BookingChat.MAX_TEXT + 1));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").has("text")).isTrue();
		assertThat(post("guest", "   ").status()).isEqualTo(400);
		HttpResponse<String> big = multipart("guest", "Большое", "big.jpg", new byte[ChatPhotos.MAX_BYTES + 1]);
		assertThat(big.statusCode()).isEqualTo(413);
		assertThat(big.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		HttpResponse<String> text = multipart("guest", null, "photo.jpg",
				"not a picture".getBytes(StandardCharsets.UTF_8));
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat(text.body()).contains("\"photo\"");
		assertThat(this.jdbc.sql("select count(*) from booking_chat_messages").query(Long.class).single()).isZero();

		HttpResponse<String> ok = multipart("guest", "Вот вход в подъезд", "door.png", png());
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
		String photoUrl = new Api.Response(201, Map.of(), ok.body()).json().get("photoUrl").asString();
		Api.Response photo = get(photoUrl, "realtor");
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(photo.header("Cache-Control")).contains("no-store");
		assertThat(get(photoUrl, "otherGuest").status()).isEqualTo(404);
		String key = this.jdbc.sql("select photo_key from booking_chat_messages").query(String.class).single();
		assertThat(key).startsWith("private/chat/");
		assertThat(this.api.get("/media/" + key).status()).as("never public").isEqualTo(404);
	}

	@Test
	void theAuthorDeletesOwnMessagesAndTheDeletionIsAudited() {
		long id = post("guest", "Ошибся адресом").json().get("id").asLong();
		String message = this.path + "/" + id;
		assertThat(this.api.delete(message, "Authorization", this.callers.get("realtor")).status()).isEqualTo(403);
		assertThat(this.api.delete(message, "Authorization", this.callers.get("otherGuest")).status()).isEqualTo(404);
		assertThat(this.api.delete(message, "Authorization", this.callers.get("guest")).status()).isEqualTo(204);
		Api.Response page = get(this.path, "realtor");
		assertThat(page.json().get("items").get(0).get("deleted").asBoolean()).isTrue();
		assertThat(page.json().get("items").get(0).get("text").isNull()).isTrue();
		assertThat(page.body()).doesNotContain("Ошибся адресом");
		assertThat(this.jdbc.sql("select actor_id from audit_log where action = 'chat.message-deleted'")
			.query(Long.class)
			.list()).containsExactly(this.guest);
	}

	@Test
	void theChatIsReadOnlyFourteenDaysAfterCheckOut() {
		pay(this.booking);
		post("guest", "Спасибо!");
		// check-out 12.12 at 12:00 in Astana (07:00 UTC); open until 26.12 07:00 UTC
		moveTo(Instant.parse("2026-12-26T06:59:00Z"));
		assertThat(post("realtor", "Рады были принять").status()).isEqualTo(201);
		moveTo(Instant.parse("2026-12-26T07:00:00Z"));
		Api.Response closed = post("guest", "Ещё вопрос");
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.json().get("type").asString()).endsWith("chat-closed");
		Api.Response page = get(this.path, "guest");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("open").asBoolean()).isFalse();
		assertThat(page.json().get("items")).hasSize(2);
	}

	@Test
	void withTheFlagOffTheChatIsNotThere() {
		this.jdbc.sql("delete from feature_flags").update();
		Api.Response off = get(this.path, "guest");
		assertThat(off.status()).isEqualTo(404);
		assertThat(off.json().get("type").asString()).endsWith("chat-off");
		assertThat(post("realtor", "Есть кто?").status()).isEqualTo(404);
		// on for the realtor's agency only: the guest still has no chat
		this.jdbc.sql("""
				insert into feature_flags (key, agency_ids, created_at, updated_at)
				select 'booking-chat', array[agency_id], now(), now() from users where id = :realtor
				""").param("realtor", this.realtor).update();
		assertThat(get(this.path, "realtor").status()).isEqualTo(200);
		assertThat(get(this.path, "guest").status()).isEqualTo(404);
	}

	@Test
	void theRealtorsAverageFirstResponseTime() {
		Instant from = this.clock.instant();
		assertThat(this.responseTimes.averageFirstResponse(this.realtor, from, from.plus(Duration.ofDays(1))))
			.isEmpty();
		pay(this.booking);
		post("guest", "Вопрос 1");
		advance(Duration.ofMinutes(10));
		post("realtor", "Ответ 1");
		UUID second = hold(this.guest, LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 22));
		pay(second);
		String path2 = "/api/v1/bookings/" + second + "/messages";
		this.api.post(path2, Map.of("text", "Вопрос 2"), "Authorization", this.callers.get("guest"));
		advance(Duration.ofMinutes(5));
		this.api.post(path2, Map.of("text", "Ещё вопрос 2"), "Authorization", this.callers.get("guest"));
		advance(Duration.ofMinutes(15));
		this.api.post(path2, Map.of("text", "Ответ 2"), "Authorization", this.callers.get("realtor"));
		UUID third = hold(this.guest, LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25));
		this.api.post("/api/v1/bookings/" + third + "/messages", Map.of("text", "Без ответа"), "Authorization",
				this.callers.get("guest"));
		// (10 min + 20 min) / 2; the unanswered question does not count
		assertThat(this.responseTimes.averageFirstResponse(this.realtor, from, from.plus(Duration.ofDays(1))))
			.contains(Duration.ofMinutes(15));
		assertThat(this.responseTimes.averageFirstResponse(this.guest, from, from.plus(Duration.ofDays(1)))).isEmpty();
	}

	@Test
	void theChatPagesPollingFragmentPhotoAndDeleteServeTheTwoSidesOnly() throws Exception {
		HttpResponse<String> withPhoto = multipart("guest", "Вот вход в подъезд", "door.png", png());
		assertThat(withPhoto.statusCode()).as(withPhoto.body()).isEqualTo(201);
		long photo = new Api.Response(201, Map.of(), withPhoto.body()).json().get("id").asLong();
		long mistake = post("guest", "Ошибся адресом").json().get("id").asLong();
		String chat = "/bookings/" + this.booking + "/chat";
		String messages = "/bookings/" + this.booking + "/chat/messages";
		String image = "/bookings/" + this.booking + "/chat/photos/" + photo;
		SiteSession guestWeb = new SiteSession(this.port).signIn("guest@test.kz", IdentityFixtures.PASSWORD);
		SiteSession realtorWeb = new SiteSession(this.port).signIn("realtor-a@test.kz", IdentityFixtures.PASSWORD);
		SiteSession other = new SiteSession(this.port).signIn("other@test.kz", IdentityFixtures.PASSWORD);

		SiteSession.Page fragment = guestWeb.get(messages);
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("Ошибся адресом").doesNotContain("<html");
		assertThat(realtorWeb.get(messages).body()).contains("Ошибся адресом");
		assertThat(other.get(messages).status()).isEqualTo(404);
		assertThat(new SiteSession(this.port).get(messages).status()).as("anonymous: to sign-in").isEqualTo(302);

		SiteSession.Page shown = realtorWeb.get(image);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(shown.header("Cache-Control")).contains("no-store");
		assertThat(other.get(image).status()).isEqualTo(404);
		assertThat(other.get(image).body()).doesNotContain("JFIF");

		String delete = chat + "/" + mistake + "/delete";
		assertThat(realtorWeb.post(realtorWeb.get(chat), delete, Map.of()).status()).as("not the author")
			.isEqualTo(403);
		assertThat(other.post(other.get("/"), delete, Map.of()).status()).as("not a side").isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from booking_chat_messages where deleted_at is not null")
			.query(Long.class)
			.single()).isZero();
		SiteSession.Page deleted = guestWeb.post(guestWeb.get(chat), delete, Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(deleted.location()).endsWith(chat);
		assertThat(guestWeb.get(messages).body()).doesNotContain("Ошибся адресом");
	}

	@Test
	void guestAndRealtorChatOnThePages() {
		post("realtor", "Добро пожаловать!");
		SiteSession guestWeb = new SiteSession(this.port).signIn("guest@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page link = guestWeb.get("/bookings/" + this.booking + "/chat/link");
		assertThat(link.body()).contains("id=\"chat-unread\"", ">1<");
		SiteSession.Page page = guestWeb.get("/bookings/" + this.booking + "/chat");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Добро пожаловать!", "id=\"chat-form\"", "id=\"chat-masking\"");
		SiteSession.Page sent = guestWeb.post(page, "/bookings/" + this.booking + "/chat",
				Map.of("text", "Спасибо, будем к 14:00"));
		assertThat(sent.status()).isEqualTo(302);
		SiteSession.Page empty = guestWeb.post(page, "/bookings/" + this.booking + "/chat", Map.of("text", ""));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("id=\"chat-error\"").doesNotContain("\"type\"");
		SiteSession realtorWeb = new SiteSession(this.port).signIn("realtor-a@test.kz", IdentityFixtures.PASSWORD);
		for (String lang : List.of("ru", "kk", "en")) {
			SiteSession.Page desk = realtorWeb.get("/bookings/" + this.booking + "/chat?lang=" + lang);
			assertThat(desk.body()).as(lang).contains("Спасибо, будем к 14:00", switch (lang) {
				case "kk" -> "Жіберу";
				case "en" -> "Send";
				default -> "Отправить";
			});
		}
		SiteSession other = new SiteSession(this.port).signIn("other@test.kz", IdentityFixtures.PASSWORD);
		SiteSession.Page foreign = other.get("/bookings/" + this.booking + "/chat");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body()).doesNotContain("Добро пожаловать");
		assertThat(other.get("/bookings/" + this.booking + "/chat/link").body()).doesNotContain("chat-link");
	}

	private long notices(long userId) {
		return this.jdbc.sql("""
				select count(*) from notification_outbox
				where kind = 'CHAT_MESSAGE' and channel = 'IN_APP' and recipient_user_id = :user
				""").param("user", userId).query(Long.class).single();
	}

	private Api.Response get(String path, String caller) {
		String auth = this.callers.get(caller);
		return auth == null ? this.api.get(path) : this.api.get(path, "Authorization", auth);
	}

	private Api.Response post(String caller, String text) {
		String auth = this.callers.get(caller);
		Map<String, String> body = Map.of("text", text);
		return auth == null ? this.api.post(this.path, body) : this.api.post(this.path, body, "Authorization", auth);
	}

	private HttpResponse<String> multipart(String caller, String text, String fileName, byte[] bytes)
			throws IOException, InterruptedException {
		String boundary = "zg" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (text != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + text + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(bytes);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + this.path))
			.header("Authorization", this.callers.get(caller))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
