package kz.zhilyego.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import kz.zhilyego.Api;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.TestPorts;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Request ids end to end: every answer names its id (header and problem body), an id a
 * client makes up is not believed, and the id of a request that changed a booking follows
 * the work into the outbox and the log line of the e-mail the dispatcher sent later.
 */
@IntegrationTest
class RequestIdIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Dispatcher dispatcher;

	final ListAppender<ILoggingEvent> dispatcherLog = new ListAppender<>();

	final ListAppender<ILoggingEvent> bookingLog = new ListAppender<>();

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.dispatcherLog.start();
		this.bookingLog.start();
		((Logger) LoggerFactory.getLogger(Dispatcher.class)).addAppender(this.dispatcherLog);
		((Logger) LoggerFactory.getLogger("kz.zhilyego.booking.BookingMetrics")).addAppender(this.bookingLog);
	}

	@AfterEach
	void tearDown() {
		((Logger) LoggerFactory.getLogger(Dispatcher.class)).detachAppender(this.dispatcherLog);
		((Logger) LoggerFactory.getLogger("kz.zhilyego.booking.BookingMetrics")).detachAppender(this.bookingLog);
	}

	@Test
	void everyAnswerCarriesAGeneratedIdInItsHeaderAndProblemBodyAndAClientCannotChooseIt() {
		// an ordinary client: the test profile trusts 127.0.0.1 as a proxy
		Api api = Api.from("127.0.0.2", this.port);

		Api.Response notFound = api.get("/api/v1/listings/987654321", "X-Request-Id", "chosen-by-the-client");
		Api.Response unauthorized = api.get("/api/v1/me/bookings", "X-Request-Id", "chosen-by-the-client");
		Api.Response page = api.get("/");

		assertThat(notFound.status()).isEqualTo(404);
		String id = notFound.header("X-Request-Id");
		assertThat(id).isNotEqualTo("chosen-by-the-client");
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(notFound.json().get("requestId").asString()).isEqualTo(id);
		assertThat(unauthorized.status()).isEqualTo(401);
		assertThat(unauthorized.json().get("requestId").asString()).isEqualTo(unauthorized.header("X-Request-Id"))
			.isNotEqualTo("chosen-by-the-client")
			.isNotEqualTo(id);
		assertThat(page.header("X-Request-Id")).isNotBlank().isNotEqualTo(id);
	}

	@Test
	void theIdOfTheRequestThatCancelledABookingIsStoredWithItsOutboxMessagesAndLoggedWithTheSentEmail() {
		IdentityFixtures identity = new IdentityFixtures(this.context);
		long guestId = identity.user("traveller@test.kz");
		long realtorId = identity.realtor("host@test.kz", null);
		long listing = new CatalogFixtures(this.jdbc).listing().owner(realtorId).price(20_000).create();
		Api guest = new Api(this.port).with("Authorization", identity.bearer(guestId));
		Api.Response hold = guest.post("/api/v1/bookings", Map.of("listingId", listing, "checkIn", "2026-12-10",
				"checkOut", "2026-12-13", "guests", 1, "rulesAccepted", true));
		assertThat(hold.status()).as(hold.body()).isEqualTo(201);
		String bookingId = hold.json().get("id").asString();

		Api.Response cancelled = guest.post("/api/v1/bookings/" + bookingId + "/cancel",
				Map.of("reason", "CHANGE_OF_PLANS"));

		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		String requestId = cancelled.header("X-Request-Id");
		assertThat(requestId).isNotBlank().isNotEqualTo(hold.header("X-Request-Id"));
		assertThat(this.bookingLog.list)
			.filteredOn(event -> event.getFormattedMessage().contains(bookingId + " cancelled"))
			.singleElement()
			.satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", requestId)
				.containsEntry("userId", Long.toString(guestId)));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> emailsOf(requestId).size() == 2 && emailsOf(requestId)
				.containsAll(List.of("BOOKING_CANCELLED_GUEST", "BOOKING_CANCELLED_REALTOR")));

		this.dispatcher.dispatchDue();

		assertThat(smtp.getReceivedMessages()).hasSize(2);
		List<ILoggingEvent> sent = this.dispatcherLog.list.stream()
			.filter(event -> event.getFormattedMessage().endsWith(" sent"))
			.filter(event -> event.getFormattedMessage().contains("via EMAIL"))
			.toList();
		assertThat(sent).hasSize(2)
			.allSatisfy(event -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", requestId));
		assertThat(sent).extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy(line -> assertThat(line).contains("BOOKING_CANCELLED_GUEST"))
			.anySatisfy(line -> assertThat(line).contains("BOOKING_CANCELLED_REALTOR"));
	}

	private List<String> emailsOf(String requestId) {
		return this.jdbc
			.sql("select kind from notification_outbox where channel = 'EMAIL' and request_id = :id order by id")
			.param("id", requestId)
			.query(String.class)
			.list();
	}

}
