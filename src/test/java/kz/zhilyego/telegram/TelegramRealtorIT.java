package kz.zhilyego.telegram;

import java.time.LocalDate;
import java.util.UUID;

import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
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
 * The realtor's and agency head's commands in chat, scoped as on the web: a realtor sees
 * and marks only own bookings, a head the agency's, never another agency's — not even
 * with a forged button.
 */
@IntegrationTest
class TelegramRealtorIT {

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
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	IdentityFixtures identity;

	long realtorA;

	long headA;

	long realtorB;

	long listingA;

	long listingB;

	UUID arrivalA;

	UUID arrivalB;

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
		long agencyA = this.identity.agency("Агентство А");
		long agencyB = this.identity.agency("Агентство Б");
		this.headA = this.identity.superAdmin("head-a@test.kz", agencyA);
		this.realtorA = this.identity.realtor("realtor-a@test.kz", agencyA);
		this.realtorB = this.identity.realtor("realtor-b@test.kz", agencyB);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		this.listingA = catalog.listing().owner(this.realtorA).title("Квартира агентства А").create();
		this.listingB = catalog.listing().owner(this.realtorB).title("Квартира агентства Б").create();
		LocalDate today = LocalDate.parse("2026-12-01");
		this.arrivalA = catalog.occupyByBooking(this.listingA, today, today.plusDays(2));
		this.arrivalB = catalog.occupyByBooking(this.listingB, today, today.plusDays(3));
		guest(this.arrivalA, "Гость Альфа");
		guest(this.arrivalB, "Гость Бета");
	}

	private void guest(UUID booking, String name) {
		this.jdbc.sql("update bookings set guest_name = :name where id = :id")
			.param("name", name)
			.param("id", booking)
			.update();
	}

	private BotDriver linked(long user) {
		BotDriver bot = new BotDriver(new Api(this.port), fake, this.jdbc, TelegramBotIT.CHATS.next(), "ru");
		bot.type("/start");
		bot.shareContact(this.identity.phone(user));
		return bot;
	}

	private String status(UUID booking) {
		return this.jdbc.sql("select status from bookings where id = :id")
			.param("id", booking)
			.query(String.class)
			.single();
	}

	@Test
	void aRealtorSeesAndChecksInOnlyOwnArrivals() {
		BotDriver bot = linked(this.realtorA);
		assertThat(fake.calls("setMyCommands"))
			.anySatisfy(call -> assertThat(call.body()).contains("properties").contains("\"" + bot.chat + "\""));

		bot.type("/bookings");
		assertThat(bot.lastText()).contains("Гость Альфа").doesNotContain("Гость Бета");
		assertThat(fake.last(bot.chat).actions()).contains("rb:in:" + this.arrivalA)
			.doesNotContain("rb:in:" + this.arrivalB);

		// a forged button for another agency's booking changes nothing
		bot.tapOn(bot.messageWith("rb:in:" + this.arrivalA), "rb:in:" + this.arrivalB);
		assertThat(status(this.arrivalB)).isEqualTo("CONFIRMED");
		assertThat(fake.calls("answerCallbackQuery"))
			.anySatisfy(call -> assertThat(call.body()).contains("не найдено"));

		bot.tap("rb:in:" + this.arrivalA);
		assertThat(status(this.arrivalA)).isEqualTo("CHECKED_IN");
		assertThat(fake.last(bot.chat).actions()).contains("rb:out:" + this.arrivalA);
	}

	@Test
	void theBookingViewShowsTheGuestsRiskLevelWithItsReasons() {
		BotDriver bot = linked(this.realtorA);
		bot.type("/bookings");
		// the booking view opens from the button of a booking notification ("rb:<id>")
		bot.tapOn(bot.messageWith("rb:in:" + this.arrivalA), "rb:" + this.arrivalA);
		assertThat(bot.lastText()).contains("Гость Альфа")
			.containsPattern("Риск гостя: <b>(низкий|средний|высокий|критический) \\(\\d{1,3}/100\\)</b>")
			.contains("мало завершённых проживаний");
	}

	@Test
	void anAgencyHeadSeesTheAgencysBookingsButNotAnotherAgencys() {
		BotDriver bot = linked(this.headA);
		bot.type("/bookings");
		assertThat(bot.lastText()).contains("Гость Альфа").doesNotContain("Гость Бета");
		bot.type("/properties");
		assertThat(fake.last(bot.chat).actions()).contains("rp:off:" + this.listingA)
			.doesNotContain("rp:off:" + this.listingB);
		bot.type("/stats");
		assertThat(bot.lastText()).contains("Статистика", "Сегодня", "Неделя", "Месяц", "Выручка", "Загрузка");
	}

	@Test
	void theAgencyHeadHearsOfTheAgencysNewBookingsWithTheCheckInButton() {
		BotDriver bot = linked(this.headA);
		int before = fake.messages(bot.chat).size();
		confirmed(this.arrivalB, this.listingB, this.realtorB);
		confirmed(this.arrivalA, this.listingA, this.realtorA);

		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> fake.messages(bot.chat).size() > before);
		FakeBotApi.Call news = fake.last(bot.chat);
		assertThat(news.text()).contains("Новое бронирование", "Квартира агентства А", "Гость Альфа")
			.doesNotContain("Гость Бета");
		assertThat(news.actions()).contains("rb:in:" + this.arrivalA);
		org.awaitility.Awaitility.await()
			.during(java.time.Duration.ofMillis(500))
			.atMost(java.time.Duration.ofSeconds(3))
			.until(() -> true);
		assertThat(fake.messages(bot.chat).stream().filter(c -> c.text().contains("Гость Бета"))).isEmpty();

		bot.tap("rb:in:" + this.arrivalA);
		assertThat(status(this.arrivalA)).isEqualTo("CHECKED_IN");
	}

	private void confirmed(UUID booking, long listing, long owner) {
		this.transactions.executeWithoutResult(
				status -> this.events.publishEvent(new kz.zhilyego.booking.BookingEvents.BookingConfirmed(booking,
						listing, owner, owner, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-03"))));
	}

	@Test
	void aRealtorTurnsOwnListingsOffAndOnButNeverAnotherAgencys() {
		BotDriver bot = linked(this.realtorA);
		bot.type("/properties");
		bot.tapOn(bot.messageWith("rp:off:" + this.listingA), "rp:off:" + this.listingB);
		assertThat(listingStatus(this.listingB)).isEqualTo("ACTIVE");
		bot.tap("rp:off:" + this.listingA);
		assertThat(listingStatus(this.listingA)).isEqualTo("INACTIVE");
		bot.tap("rp:on:" + this.listingA);
		assertThat(listingStatus(this.listingA)).isEqualTo("ACTIVE");
	}

	@Test
	void guestsDoNotGetTheRealtorCommands() {
		long guest = this.identity.user("guest@test.kz");
		BotDriver bot = linked(guest);
		bot.type("/bookings");
		assertThat(bot.lastText()).contains("для риелторов");
		bot.tapOn(bot.messageWith("s:open"), "rb:in:" + this.arrivalA);
		assertThat(status(this.arrivalA)).isEqualTo("CONFIRMED");
	}

	private String listingStatus(long id) {
		return this.jdbc.sql("select status from listings where id = :id").param("id", id).query(String.class).single();
	}

}
