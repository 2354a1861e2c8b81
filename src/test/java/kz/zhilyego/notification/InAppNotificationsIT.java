package kz.zhilyego.notification;

import java.time.Duration;
import java.util.Map;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox contract, settings and the in-app inbox. */
@IntegrationTest
class InAppNotificationsIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationSettings settings;

	@Autowired
	InAppNotifications inbox;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Autowired
	NotificationTestConfig.TestSecretParams secrets;

	NotificationFixtures fixtures;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		this.secrets.reset();
		this.fixtures = new NotificationFixtures(this.jdbc, this.transactionManager, this.notifications);
	}

	@Test
	void enqueueingOutsideATransactionIsRefused() {
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-T", 1L, Language.RU).inApp();

		assertThatThrownBy(() -> this.notifications.enqueue(message))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void theSameDedupKeyIsEnqueuedOnceAndDeliveredOnce() {
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-D", 1L, Language.RU).inApp();

		assertThat(this.fixtures.enqueue(message)).isTrue();
		assertThat(this.fixtures.enqueue(message)).isFalse();
		this.dispatcher.dispatchDue();
		assertThat(this.fixtures.enqueue(message)).as("even after it was sent").isFalse();
		this.dispatcher.dispatchDue();

		assertThat(this.inbox.list(1L, 50).items()).hasSize(1);
	}

	@Test
	void aKindTheUserSwitchedOffForAChannelIsRecordedAsSkippedAndNeverSent() {
		this.settings.update(5L, Map.of(NotificationKind.BOOKING_CONFIRMED_GUEST, Map.of(Channel.IN_APP, false)));
		OutgoingMessage off = NotificationFixtures.confirmation("ZH-S", 5L, Language.RU).inApp();
		OutgoingMessage otherKind = OutgoingMessage.builder(NotificationKind.REVIEW_REQUEST, "review:ZH-S")
			.recipient(5L, Language.RU)
			.param("listingTitle", "Студия")
			.inApp();

		assertThat(this.fixtures.enqueue(off)).isFalse();
		assertThat(this.fixtures.enqueue(otherKind)).isTrue();
		this.dispatcher.dispatchDue();

		assertThat(this.fixtures.row(off.dedupKey()).status()).isEqualTo("SKIPPED");
		assertThat(this.inbox.list(5L, 50).items()).extracting(InAppNotification::kind)
			.containsExactly(NotificationKind.REVIEW_REQUEST);
		assertThat(this.settings.matrix(5L).get(NotificationKind.BOOKING_CONFIRMED_GUEST))
			.containsEntry(Channel.IN_APP, false)
			.containsEntry(Channel.EMAIL, true);
		assertThat(this.settings.isEnabled(6L, NotificationKind.BOOKING_CONFIRMED_GUEST, Channel.IN_APP)).isTrue();
	}

	@Test
	void theInboxListsNewestFirstWithTheUnreadCountAndMarksReadOnlyTheOwnersEntries() {
		for (int i = 1; i <= 3; i++) {
			this.fixtures.enqueue(NotificationFixtures.confirmation("ZH-" + i, 1L, Language.EN).inApp());
			this.dispatcher.dispatchDue();
			this.clock.advance(Duration.ofMinutes(1));
		}
		this.fixtures.enqueue(NotificationFixtures.confirmation("ZH-OTHER", 2L, Language.RU).inApp());
		this.dispatcher.dispatchDue();

		InAppInbox mine = this.inbox.list(1L, 50);
		assertThat(mine.unreadCount()).isEqualTo(3);
		assertThat(mine.items()).extracting(InAppNotification::title)
			.containsExactly("Booking ZH-3 is confirmed", "Booking ZH-2 is confirmed", "Booking ZH-1 is confirmed");
		// a short text written for the app: the readable number, no detail table, no
		// footer
		assertThat(mine.items().get(0).body()).contains("Booking no. ZH-3", "Студия у Байтерека")
			.doesNotContain("Booking number:")
			.doesNotContain("sent automatically")
			.doesNotContain("\n");
		// a page of the site itself: kept as a path
		assertThat(mine.items().get(0).link()).isEqualTo("/bookings/ZH-3");
		long othersId = this.inbox.list(2L, 50).items().get(0).id();

		this.inbox.markRead(1L, mine.items().get(1).id());
		this.inbox.markRead(1L, mine.items().get(1).id());
		assertThat(this.inbox.list(1L, 50).unreadCount()).isEqualTo(2);
		assertThat(this.inbox.list(1L, 50).items().get(1).read()).isTrue();

		assertThatThrownBy(() -> this.inbox.markRead(1L, othersId)).isInstanceOf(ProblemException.class)
			.satisfies(ex -> assertThat(((ProblemException) ex).status().value()).isEqualTo(404));
		assertThat(this.inbox.list(2L, 50).unreadCount()).isOne();

		assertThat(this.inbox.markAllRead(1L)).isEqualTo(2);
		assertThat(this.inbox.list(1L, 50).unreadCount()).isZero();
		assertThat(this.inbox.list(2L, 50).unreadCount()).isOne();
	}

	@Test
	void inAppEntriesNeverCarryAccessCodes() {
		this.secrets.grant("booking:b-2", 1L, Map.of("flatCode", "93528"));
		this.fixtures
			.enqueue(NotificationFixtures.confirmation("ZH-X", 1L, Language.RU).secretRef("booking:b-2").inApp());

		this.dispatcher.dispatchDue();

		assertThat(this.inbox.list(1L, 50).items().get(0).body()).doesNotContain("93528");
		assertThat(this.secrets.calls).isEmpty();
	}

}
