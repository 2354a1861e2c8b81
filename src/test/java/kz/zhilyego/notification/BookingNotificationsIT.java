package kz.zhilyego.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import kz.zhilyego.TestPorts;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingFixtures;
import kz.zhilyego.booking.CancelBooking;
import kz.zhilyego.booking.CancellationReason;
import kz.zhilyego.booking.ConfirmPayment;
import kz.zhilyego.booking.ExpireHolds;
import kz.zhilyego.booking.MarkStay;
import kz.zhilyego.booking.PlaceHold;
import kz.zhilyego.catalog.CatalogFixtures;
import kz.zhilyego.common.Money;
import kz.zhilyego.payment.PaymentFailed;
import org.springframework.transaction.support.TransactionTemplate;
import kz.zhilyego.identity.AccessCodeSet;
import kz.zhilyego.identity.AccessCodes;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The booking triggers end to end: a booking change → its event after commit → outbox
 * rows → the dispatcher → real SMTP (GreenMail), with reminders on the test clock.
 */
@IntegrationTest
class BookingNotificationsIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

	private static final LocalDate DEC_13 = LocalDate.of(2026, 12, 13);

	private static final AccessCodeSet CODES = new AccessCodeSet("4711#", "8842", "0309");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceHold placeHold;

	@Autowired
	ConfirmPayment confirmPayment;

	@Autowired
	CancelBooking cancelBooking;

	@Autowired
	ExpireHolds expireHolds;

	@Autowired
	AccessCodes accessCodes;

	@Autowired
	Reminders reminders;

	@Autowired
	MarkStay markStay;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	long guest;

	long realtor;

	long listing;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		IdentityFixtures identity = new IdentityFixtures(this.jdbc);
		this.guest = identity.user("guest@test.kz");
		this.jdbc.sql("update users set language = 'kk' where id = :id").param("id", this.guest).update();
		this.realtor = identity.realtor("realtor@test.kz", null);
		this.listing = new CatalogFixtures(this.jdbc).listing().owner(this.realtor).price(20_000).create();
		this.accessCodes.store(this.listing, this.realtor, CODES, identity.currentUser(this.realtor));
	}

	@Test
	void aConfirmationMailsTheGuestInTheirLanguageWithCodesAndTheRealtorWithout() throws Exception {
		BookingDetails booking = confirmedBooking();

		awaitOutbox("BOOKING_CONFIRMED_GUEST", 1);
		awaitOutbox("BOOKING_CONFIRMED_REALTOR", 1);
		this.dispatcher.dispatchDue();

		MimeMessage toGuest = mailTo("guest@example.kz");
		MimeMessage toRealtor = mailTo("realtor@test.kz");
		// people read the short booking number, as the site shows it, not the id
		assertThat(toGuest.getSubject()).contains(booking.number())
			.doesNotContain(booking.id().toString())
			.doesNotContain("8842");
		assertThat(decoded(toGuest)).contains(booking.number(), "10.12.2026", "13.12.2026", "60")
			.contains("Брондау нөмірі")
			.contains("4711#", "8842", "0309");
		assertThat(decoded(toRealtor)).contains(booking.number()).doesNotContain("8842").doesNotContain("4711#");
		assertThat(this.jdbc.sql("select count(*) from notification_outbox where params::text like '%8842%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from in_app_notifications where body like '%8842%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theRealtorsNewBookingMailOpensTheBookingDeskAndTheGuestsOpensTheGuestView() throws Exception {
		BookingDetails booking = confirmedBooking();

		awaitOutbox("BOOKING_CONFIRMED_REALTOR", 1);
		awaitOutbox("BOOKING_CONFIRMED_GUEST", 1);
		this.dispatcher.dispatchDue();

		assertThat(decoded(mailTo("realtor@test.kz"))).contains("/realtor/bookings/" + booking.id())
			.doesNotContain("/account/bookings/");
		assertThat(decoded(mailTo("guest@example.kz"))).contains("/account/bookings/" + booking.id())
			.doesNotContain("/realtor/bookings/");
		assertThat(this.jdbc.sql("""
				select link from in_app_notifications where user_id = :realtor
				""").param("realtor", this.realtor).query(String.class).list()).isNotEmpty()
			.allSatisfy(link -> assertThat(link).endsWith("/realtor/bookings/" + booking.id()));
	}

	@Test
	void theRealtorsNewBookingMessageCarriesTheGuestsCommentAndTheGuestsDoesNot() throws Exception {
		PlaceHold.Request request = BookingFixtures.request(this.listing, DEC_10, DEC_13);
		BookingDetails hold = this.placeHold.place(new PlaceHold.Request(request.listingId(), request.checkIn(),
				request.checkOut(), request.guests(), request.guestName(), request.guestPhone(), request.guestEmail(),
				true, "Приедем поздно, около 23:00. Нужна детская кроватка."), this.guest, null);
		this.confirmPayment.confirm(hold.id(), "pay-1", Money.kzt(60_000));
		awaitOutbox("BOOKING_CONFIRMED_REALTOR", 1);
		awaitOutbox("BOOKING_CONFIRMED_GUEST", 1);
		this.dispatcher.dispatchDue();

		assertThat(decoded(mailTo("realtor@test.kz"))).contains("Комментарий гостя")
			.contains("Приедем поздно, около 23:00. Нужна детская кроватка.");
		assertThat(decoded(mailTo("guest@example.kz"))).doesNotContain("кроватка");
	}

	@Test
	void remindersFireAtTheirTimeAndACancelledBookingGetsNoMore() {
		BookingDetails booking = confirmedBooking();
		await().atMost(Duration.ofSeconds(10)).until(() -> pendingReminders(booking) == 3);

		// 24 h before check-in: Dec 9, 14:00 in Astana.
		this.clock.set(Instant.parse("2026-12-09T09:00:00Z"));
		this.reminders.fireDue();
		assertThat(outbox("REMINDER_BEFORE_CHECK_IN")).isPositive();
		assertThat(outbox("REMINDER_CHECK_IN_DAY")).isZero();

		this.cancelBooking.cancel(booking.id(), CancellationReason.CHANGE_OF_PLANS, null,
				BookingFixtures.guest(this.guest));
		awaitOutbox("BOOKING_CANCELLED_GUEST", 1);
		this.clock.set(Instant.parse("2026-12-14T00:00:00Z"));
		this.reminders.fireDue();

		assertThat(pendingReminders(booking)).isZero();
		assertThat(outbox("REMINDER_CHECK_IN_DAY")).isZero();
		assertThat(outbox("REMINDER_BEFORE_CHECK_OUT")).isZero();
	}

	@Test
	void theCheckInDayReminderCarriesTheCodesOnlyWhileTheBookingIsActive() throws Exception {
		BookingDetails booking = confirmedBooking();
		awaitOutbox("BOOKING_CONFIRMED_GUEST", 1);
		this.dispatcher.dispatchDue();
		int before = smtp.getReceivedMessages().length;

		this.clock.set(Instant.parse("2026-12-10T04:00:00Z"));
		this.reminders.fireDue();
		this.dispatcher.dispatchDue();

		List<String> newMails = new ArrayList<>();
		MimeMessage[] received = smtp.getReceivedMessages();
		for (int i = before; i < received.length; i++) {
			newMails.add(received[i].getSubject() + "\n" + decoded(received[i]));
		}
		assertThat(newMails).anySatisfy(mail -> assertThat(mail).contains(booking.id().toString(), "8842"));
	}

	@Test
	void aCompletedStayAsksForAReviewWithALinkToTheReviewForm() throws Exception {
		BookingDetails booking = confirmedBooking();
		this.clock.set(Instant.parse("2026-12-10T10:00:00Z"));
		this.markStay.checkIn(booking.id(), BookingFixtures.realtor(this.realtor));
		this.clock.set(Instant.parse("2026-12-13T06:00:00Z"));
		this.markStay.checkOut(booking.id(), BookingFixtures.realtor(this.realtor));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.sql("select count(*) from notification_reminders where booking_id = :id and kind = 'REVIEW_REQUEST'")
				.param("id", booking.id())
				.query(Long.class)
				.single() == 1);

		this.clock.advance(Duration.ofHours(3));
		this.reminders.fireDue();
		awaitOutbox("REVIEW_REQUEST", 1);
		this.dispatcher.dispatchDue();

		List<String> toGuest = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals("guest@example.kz")) {
				toGuest.add(decoded(message));
			}
		}
		assertThat(toGuest).anySatisfy(
				mail -> assertThat(mail).contains("/account/bookings/" + booking.id() + "/review", "Пікір қалдыру"));
	}

	@Test
	void anExpiredHoldTellsTheGuestWithoutCodes() throws Exception {
		BookingDetails hold = this.placeHold.place(BookingFixtures.request(this.listing, DEC_10, DEC_13), this.guest,
				null);
		this.clock.advance(Duration.ofMinutes(16));
		this.expireHolds.expireDue();

		awaitOutbox("HOLD_EXPIRED_GUEST", 1);
		this.dispatcher.dispatchDue();

		MimeMessage mail = mailTo("guest@example.kz");
		assertThat(decoded(mail)).contains(hold.id().toString()).doesNotContain("8842");
	}

	@Test
	void aPaymentThatSucceedsAfterAFailureClearsTheStaleFailureNotice() {
		BookingDetails hold = this.placeHold.place(BookingFixtures.request(this.listing, DEC_10, DEC_13), this.guest,
				null);
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult(status -> this.events.publishEvent(new PaymentFailed(UUID.randomUUID(), hold.id())));
		awaitOutbox("PAYMENT_FAILED_GUEST", 1);
		this.dispatcher.dispatchDue();
		assertThat(inAppKinds()).containsExactly("PAYMENT_FAILED_GUEST");
		// a second failure whose messages are still waiting when the payment succeeds
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult(status -> this.events.publishEvent(new PaymentFailed(UUID.randomUUID(), hold.id())));
		awaitOutbox("PAYMENT_FAILED_GUEST", 2);

		this.confirmPayment.confirm(hold.id(), "pay-2", Money.kzt(60_000));
		awaitOutbox("BOOKING_CONFIRMED_GUEST", 1);
		this.dispatcher.dispatchDue();

		assertThat(inAppKinds()).containsExactly("BOOKING_CONFIRMED_GUEST");
		assertThat(this.jdbc
			.sql("select count(*) from notification_outbox where kind = 'PAYMENT_FAILED_GUEST'"
					+ " and status in ('PENDING', 'SENDING')")
			.query(Long.class)
			.single()).isZero();
		String body = this.jdbc.sql("select body from in_app_notifications where user_id = :guest")
			.param("guest", this.guest)
			.query(String.class)
			.single();
		assertThat(body).contains(hold.number()).doesNotContain(hold.id().toString());
		assertThat(this.jdbc.sql("select link from in_app_notifications where user_id = :guest")
			.param("guest", this.guest)
			.query(String.class)
			.single()).isEqualTo("/account/bookings/" + hold.id());
	}

	private java.util.List<String> inAppKinds() {
		return this.jdbc.sql("select kind from in_app_notifications where user_id = :guest order by id")
			.param("guest", this.guest)
			.query(String.class)
			.list();
	}

	private BookingDetails confirmedBooking() {
		BookingDetails hold = this.placeHold.place(BookingFixtures.request(this.listing, DEC_10, DEC_13), this.guest,
				null);
		this.confirmPayment.confirm(hold.id(), "pay-1", Money.kzt(60_000));
		return hold;
	}

	private void awaitOutbox(String kind, long count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> outbox(kind) >= count);
	}

	private long outbox(String kind) {
		return this.jdbc.sql("select count(*) from notification_outbox where kind = :kind and channel = 'EMAIL'")
			.param("kind", kind)
			.query(Long.class)
			.single();
	}

	private long pendingReminders(BookingDetails booking) {
		return this.jdbc
			.sql("select count(*) from notification_reminders where booking_id = :id and status = 'PENDING'")
			.param("id", booking.id())
			.query(Long.class)
			.single();
	}

	private static MimeMessage mailTo(String address) throws Exception {
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				return message;
			}
		}
		throw new AssertionError("No mail to " + address);
	}

	private static String decoded(MimeMessage message) throws Exception {
		return String.join("\n", EmailDeliveryIT.parts(message).values());
	}

}
