package kz.zhilyego.notification.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import kz.zhilyego.TestPorts;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.common.Language;
import kz.zhilyego.notification.FakeHttpServer;
import kz.zhilyego.notification.NotificationFixtures;
import kz.zhilyego.notification.Notifications;
import kz.zhilyego.notification.OutgoingMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Several dispatchers on one database, and the crash between send and mark. */
@IntegrationTest
class DispatcherConcurrencyIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(TestPorts.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static FakeHttpServer botApi;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Notifications notifications;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	Outbox outbox;

	@Autowired
	MutableClock clock;

	NotificationFixtures fixtures;

	@BeforeAll
	static void startBotApi() {
		botApi = new FakeHttpServer(TestPorts.TELEGRAM);
	}

	@AfterAll
	static void stopBotApi() {
		botApi.close();
	}

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
		botApi.clear();
		botApi.answer(request -> new FakeHttpServer.Answer(200, "{\"ok\":true,\"result\":{\"message_id\":1}}"));
		this.fixtures = new NotificationFixtures(this.jdbc, this.transactionManager, this.notifications);
	}

	@Test
	void fourDispatchersSharingOneQueueNeverSendAMessageTwice() throws Exception {
		int perChannel = 30;
		for (int i = 0; i < perChannel; i++) {
			this.fixtures.enqueue(
					NotificationFixtures.confirmation("ZH-C" + i, i, Language.RU).email("guest" + i + "@example.kz"));
			this.fixtures.enqueue(NotificationFixtures.confirmation("ZH-C" + i, i, Language.RU).telegram("9000" + i));
			this.fixtures.enqueue(NotificationFixtures.confirmation("ZH-C" + i, i, Language.RU).inApp());
		}

		int threads = 4;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (int t = 0; t < threads; t++) {
				results.add(pool.submit(() -> {
					start.await();
					int attempted = 0;
					for (int round = 0; round < 200 && this.fixtures.waiting() > 0; round++) {
						attempted += this.dispatcher.dispatchDue();
					}
					return attempted;
				}));
			}
			start.countDown();
			int attempted = 0;
			for (Future<Integer> result : results) {
				attempted += result.get(2, TimeUnit.MINUTES);
			}
			assertThat(attempted).as("every claim is one attempt, none repeated").isEqualTo(3 * perChannel);
		}

		assertThat(this.fixtures.counts()).containsExactly(Map.entry("SENT", (Object) (long) (3 * perChannel)));
		Map<String, Long> perChat = botApi.requests()
			.stream()
			.collect(Collectors.groupingBy(request -> request.json().get("chat_id").asString(), Collectors.counting()));
		assertThat(perChat).hasSize(perChannel).allSatisfy((chat, count) -> assertThat(count).isEqualTo(1L));
		MimeMessage[] mails = smtp.getReceivedMessages();
		Map<String, Long> perAddress = java.util.Arrays.stream(mails)
			.collect(Collectors.groupingBy(mail -> recipient(mail), Collectors.counting()));
		assertThat(perAddress).hasSize(perChannel).allSatisfy((address, count) -> assertThat(count).isEqualTo(1L));
		assertThat(this.jdbc.sql("select count(*) from in_app_notifications").query(Long.class).single())
			.isEqualTo(perChannel);
	}

	@Test
	void aMessageStuckInSendingPastItsLeaseIsSentAgainExactlyOnce() {
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-L", 7L, Language.RU).telegram("777");
		this.fixtures.enqueue(message);
		// A dispatcher claims it and dies before recording the outcome.
		List<OutboxMessage> crashed = new TransactionTemplate(this.transactionManager)
			.execute(status -> this.outbox.claim(10, Duration.ofMinutes(2)));
		assertThat(crashed).hasSize(1);

		assertThat(this.dispatcher.dispatchDue()).as("still leased").isZero();
		this.clock.advance(Duration.ofMinutes(2));

		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(this.dispatcher.dispatchDue()).isZero();
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.dispatcher.dispatchDue()).isZero();

		assertThat(botApi.requests()).hasSize(1);
		NotificationFixtures.Row row = this.fixtures.row(message.dedupKey());
		assertThat(row.status()).isEqualTo("SENT");
		assertThat(row.attempts()).isEqualTo(2);
		assertThat(this.outbox.markSent(crashed.get(0), "late")).as("the dead dispatcher's late mark is ignored")
			.isFalse();
	}

	@Test
	void anInAppMessageDeliveredTwiceAfterALostLeaseAppearsOnce() {
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-I", 7L, Language.RU).inApp();
		this.fixtures.enqueue(message);
		List<OutboxMessage> first = new TransactionTemplate(this.transactionManager)
			.execute(status -> this.outbox.claim(10, Duration.ofMinutes(2)));
		assertThat(first).hasSize(1);
		this.dispatcher.deliver(first.get(0));
		this.jdbc.sql("update notification_outbox set status = 'SENDING' where id = :id")
			.param("id", first.get(0).id())
			.update();
		this.clock.advance(Duration.ofMinutes(3));

		this.dispatcher.dispatchDue();

		assertThat(this.jdbc.sql("select count(*) from in_app_notifications").query(Long.class).single()).isOne();
	}

	private static String recipient(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
