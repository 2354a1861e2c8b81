package kz.zhilyego.notification;

import java.time.Duration;
import java.time.Instant;

import kz.zhilyego.TestPorts;
import kz.zhilyego.IntegrationTest;
import kz.zhilyego.MutableClock;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.common.Language;
import kz.zhilyego.notification.FakeHttpServer.Answer;
import kz.zhilyego.notification.internal.Dispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram notifications through the Telegram module's client against a fake Bot API on
 * the test profile's port: sendMessage, 429 retry_after, 5xx backoff and dead parking,
 * 403 blocked. The test profile allows 3 attempts, backoff 10 s doubling, jitter 50 %.
 */
@IntegrationTest
class TelegramDeliveryIT {

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
	DeadMessages deadMessages;

	@Autowired
	MutableClock clock;

	@Autowired
	NotificationTestConfig.RecordingTelegramBlockedHandler blockedHandler;

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
		this.blockedHandler.blocked.clear();
		this.fixtures = new NotificationFixtures(this.jdbc, this.transactionManager, this.notifications);
	}

	static Answer ok(long messageId) {
		return new Answer(200, "{\"ok\":true,\"result\":{\"message_id\":" + messageId + "}}");
	}

	@Test
	void sendsAnHtmlMessageWithEscapedParametersToTheChat() {
		botApi.answer(request -> ok(555));
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-1", 7L, Language.RU)
			.param("listingTitle", "Лофт <Premium> & \"Sky\"")
			.telegram("100200300");
		this.fixtures.enqueue(message);

		this.dispatcher.dispatchDue();

		assertThat(botApi.requests()).hasSize(1);
		FakeHttpServer.Request request = botApi.requests().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualToIgnoringCase("/bot123456789:TEST-bot-token-for-signatures/sendMessage");
		JsonNode body = request.json();
		assertThat(body.get("chat_id").asString()).isEqualTo("100200300");
		assertThat(body.get("parse_mode").asString()).isEqualTo("HTML");
		String text = body.get("text").asString();
		assertThat(text).startsWith("<b>Бронирование подтверждено</b>")
			.contains("Лофт &lt;Premium&gt; &amp; &quot;Sky&quot;")
			.contains("Номер бронирования: <b>ZH-1</b>")
			.doesNotContain("<Premium>");
		NotificationFixtures.Row row = this.fixtures.row(message.dedupKey());
		assertThat(row.status()).isEqualTo("SENT");
		assertThat(row.providerMessageId()).isEqualTo("555");
	}

	@Test
	void aRetryAfterAnswerPostponesTheMessageForThatLongWithoutCountingAnAttempt() {
		botApi.answer(request -> new Answer(429,
				"{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 30\","
						+ "\"parameters\":{\"retry_after\":30}}"));
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-2", 7L, Language.RU).telegram("111");
		this.fixtures.enqueue(message);
		Instant start = this.clock.instant();

		this.dispatcher.dispatchDue();

		NotificationFixtures.Row waiting = this.fixtures.row(message.dedupKey());
		assertThat(waiting.status()).isEqualTo("PENDING");
		assertThat(waiting.attempts()).isZero();
		assertThat(waiting.nextAttemptAt()).isEqualTo(start.plusSeconds(30));
		assertThat(waiting.lastError()).contains("429");

		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.dispatcher.dispatchDue()).isZero();
		assertThat(botApi.requests()).hasSize(1);

		botApi.answer(request -> ok(1));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(botApi.requests()).hasSize(2);
		assertThat(this.fixtures.row(message.dedupKey()).status()).isEqualTo("SENT");
	}

	@Test
	void serverErrorsAreRetriedWithGrowingDelaysAndTheMessageIsParkedAsDeadAfterTheLastAttempt() {
		botApi.answer(request -> new Answer(500, "{\"ok\":false,\"description\":\"Internal Server Error\"}"));
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-3", 7L, Language.RU).telegram("222");
		this.fixtures.enqueue(message);

		this.dispatcher.dispatchDue();
		NotificationFixtures.Row first = this.fixtures.row(message.dedupKey());
		assertThat(first.status()).isEqualTo("PENDING");
		assertThat(first.attempts()).isEqualTo(1);
		Duration firstDelay = Duration.between(this.clock.instant(), first.nextAttemptAt());
		assertThat(firstDelay).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));

		this.clock.set(first.nextAttemptAt());
		this.dispatcher.dispatchDue();
		NotificationFixtures.Row second = this.fixtures.row(message.dedupKey());
		assertThat(second.attempts()).isEqualTo(2);
		Duration secondDelay = Duration.between(this.clock.instant(), second.nextAttemptAt());
		assertThat(secondDelay).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));

		this.clock.set(second.nextAttemptAt().minusMillis(1));
		assertThat(this.dispatcher.dispatchDue()).as("not due before its backoff").isZero();
		this.clock.set(second.nextAttemptAt());
		this.dispatcher.dispatchDue();

		NotificationFixtures.Row dead = this.fixtures.row(message.dedupKey());
		assertThat(dead.status()).isEqualTo("DEAD");
		assertThat(dead.attempts()).isEqualTo(3);
		assertThat(dead.lastError()).contains("Internal Server Error");
		assertThat(botApi.requests()).hasSize(3);
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.dispatcher.dispatchDue()).as("a dead message stays parked").isZero();

		assertThat(this.deadMessages.list(0, 10).items()).singleElement()
			.satisfies(m -> assertThat(m.id()).isEqualTo(dead.id()))
			.satisfies(m -> assertThat(m.channel()).isEqualTo(Channel.TELEGRAM));

		botApi.answer(request -> ok(9));
		this.deadMessages.retry(dead.id());
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(this.fixtures.row(message.dedupKey()).status()).isEqualTo("SENT");
		assertThat(this.deadMessages.list(0, 10).items()).isEmpty();
	}

	@Test
	void aBlockedBotSkipsTheMessageAndReportsTheChatSoTheChannelGetsTurnedOff() {
		botApi.answer(request -> new Answer(403,
				"{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-4", 42L, Language.RU).telegram("333");
		this.fixtures.enqueue(message);

		this.dispatcher.dispatchDue();

		NotificationFixtures.Row row = this.fixtures.row(message.dedupKey());
		assertThat(row.status()).isEqualTo("SKIPPED");
		assertThat(row.lastError()).contains("blocked by the user");
		assertThat(this.blockedHandler.blocked).containsExactly("42:333");
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.dispatcher.dispatchDue()).isZero();
		assertThat(botApi.requests()).hasSize(1);
	}

	@Test
	void aMessageTelegramRejectsAsMalformedIsParkedAtOnce() {
		botApi.answer(request -> new Answer(400, "{\"ok\":false,\"description\":\"Bad Request: chat not found\"}"));
		OutgoingMessage message = NotificationFixtures.confirmation("ZH-5", 7L, Language.RU).telegram("444");
		this.fixtures.enqueue(message);

		this.dispatcher.dispatchDue();

		NotificationFixtures.Row row = this.fixtures.row(message.dedupKey());
		assertThat(row.status()).isEqualTo("DEAD");
		assertThat(row.attempts()).isEqualTo(1);
		assertThat(row.lastError()).contains("chat not found");
	}

}
