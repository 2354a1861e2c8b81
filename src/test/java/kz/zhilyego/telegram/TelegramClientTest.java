package kz.zhilyego.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.common.TelegramProperties;
import okhttp3.OkHttpClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.TestSocketUtils;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one Bot API client against a real local HTTP server speaking the Bot API, with the
 * production limits (25 messages per second, one per second per chat).
 */
class TelegramClientTest {

	private static final double GLOBAL = 25;

	private static final Duration PER_CHAT = Duration.ofSeconds(1);

	private FakeBotApi fake;

	private TelegramClient client;

	private final List<Long> blocked = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		int port = TestSocketUtils.findAvailableTcpPort();
		this.fake = new FakeBotApi(port);
		TelegramProperties properties = new TelegramProperties("123:token", "bot", "http://127.0.0.1:" + port, null,
				null, null, GLOBAL, PER_CHAT, null, Duration.ofSeconds(3));
		this.client = new TelegramClient(new HttpBotApi(properties, new OkHttpClient()), null, GLOBAL, PER_CHAT,
				this.blocked::add);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.fake.close();
	}

	private CompletableFuture<?> send(long chat, String text) {
		SendMessage message = SendMessage.builder().chatId(chat).text(text).build();
		return this.client.submit(chat, api -> api.execute(message), null);
	}

	@Test
	void twoHundredQueuedMessagesWithInjected429sAreAllDeliveredInOrderPerChatWithinTheLimits() throws Exception {
		int chats = 40;
		int perChat = 5;
		// three chats are told to wait: 1 s, 2 s and 1 s again for a second message
		this.fake.script("sendMessage", 3L, FakeBotApi.tooManyRequests(1));
		this.fake.script("sendMessage", 7L, FakeBotApi.tooManyRequests(2));
		this.fake.script("sendMessage", 3L, FakeBotApi.tooManyRequests(1));
		long started = System.nanoTime();
		List<CompletableFuture<?>> futures = new ArrayList<>();
		for (int i = 0; i < perChat; i++) {
			for (long chat = 1; chat <= chats; chat++) {
				futures.add(send(chat, "chat " + chat + " message " + i));
			}
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		double seconds = (System.nanoTime() - started) / 1e9;

		List<FakeBotApi.Call> delivered = this.fake.calls("sendMessage")
			.stream()
			.filter(c -> c.status() == 200)
			.toList();
		assertThat(delivered).as("every message delivered once, none lost").hasSize(chats * perChat);
		assertThat(this.fake.calls("sendMessage").stream().filter(c -> c.status() == 429)).hasSize(3);
		Map<Long, List<FakeBotApi.Call>> byChat = new LinkedHashMap<>();
		delivered.forEach(call -> byChat.computeIfAbsent(call.chat(), c -> new ArrayList<>()).add(call));
		for (Map.Entry<Long, List<FakeBotApi.Call>> chat : byChat.entrySet()) {
			List<FakeBotApi.Call> calls = chat.getValue();
			for (int i = 0; i < calls.size(); i++) {
				assertThat(calls.get(i).text()).as("order in chat " + chat.getKey())
					.isEqualTo("chat " + chat.getKey() + " message " + i);
				if (i > 0) {
					assertThat(calls.get(i).receivedAt() - calls.get(i - 1).receivedAt())
						.as("one message per second in chat " + chat.getKey())
						.isGreaterThanOrEqualTo(PER_CHAT.toNanos() - 50_000_000L);
				}
			}
		}
		// the global bucket: a burst of 25, then 25 per second
		List<Long> times = delivered.stream().map(FakeBotApi.Call::receivedAt).sorted().toList();
		for (int i = 0; i < times.size(); i++) {
			int inWindow = 0;
			for (int j = i; j < times.size() && times.get(j) - times.get(i) < 1_000_000_000L; j++) {
				inWindow++;
			}
			assertThat(inWindow).as("calls within one second").isLessThanOrEqualTo((int) (2 * GLOBAL));
		}
		assertThat(delivered.size() / seconds).as("sustained rate").isLessThanOrEqualTo(GLOBAL + GLOBAL / seconds + 1);
		// a 429 for chat 7 (2 s) did not hold up the others: chat 8's second message went
		// out before chat 7's first
		long chat7First = byChat.get(7L).get(0).receivedAt();
		assertThat(byChat.get(8L).get(1).receivedAt()).isLessThan(chat7First);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> this.client.lanes() == 0);
		System.out.printf("telegram-client: %d messages to %d chats in %.1f s = %.1f msg/s, 429 answers: %d%n",
				delivered.size(), chats, seconds, delivered.size() / seconds, this.client.tooManyRequestsCount());
	}

	@Test
	void aBlockedChatIsMarkedUnreachableAndWhatIsQueuedForItFailsWhileOtherChatsGoOn() throws Exception {
		this.fake.script("sendMessage", 5L, FakeBotApi.blocked());
		CompletableFuture<?> first = send(5, "one");
		CompletableFuture<?> second = send(5, "two");
		CompletableFuture<?> other = send(6, "other");

		assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOfSatisfying(TelegramCallException.class,
					ex -> assertThat(ex.kind()).isEqualTo(TelegramCallException.Kind.BLOCKED));
		assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(TelegramCallException.class);
		other.get(10, TimeUnit.SECONDS);
		assertThat(this.blocked).containsExactly(5L);
		assertThat(this.fake.calls("sendMessage").stream().filter(c -> c.chat() == 5)).hasSize(1);
	}

	@Test
	void messageIsNotModifiedCountsAsDone() throws Exception {
		this.fake.script("editMessageText", 9L, FakeBotApi.notModified());
		EditMessageText edit = EditMessageText.builder().chatId(9L).messageId(100).text("same").build();

		Object result = this.client.submit(9, api -> api.execute(edit), null).get(10, TimeUnit.SECONDS);

		assertThat(result).isNull();
		assertThat(this.fake.calls("editMessageText")).singleElement()
			.satisfies(call -> assertThat(call.status()).isEqualTo(400));
	}

	@Test
	void aCallWithADeadlineGivesUpOnALongRetryAfterInsteadOfWaiting() {
		this.fake.script("sendMessage", 11L, FakeBotApi.tooManyRequests(30));
		SendMessage message = SendMessage.builder().chatId(11L).text("notification").build();

		CompletableFuture<?> result = this.client.submit(11, api -> api.execute(message), Duration.ofSeconds(2));

		assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).cause()
			.isInstanceOfSatisfying(TelegramCallException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(TelegramCallException.Kind.RETRY_LATER);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Test
	void withoutATokenNothingGoesOut() {
		TelegramClient off = new TelegramClient(null, null, GLOBAL, PER_CHAT, chat -> {
		});
		assertThat(off.reaches(42)).isFalse();
		SendMessage message = SendMessage.builder().chatId(42L).text("x").build();
		assertThatThrownBy(() -> off.submit(42, api -> api.execute(message), null).get(5, TimeUnit.SECONDS)).cause()
			.isInstanceOfSatisfying(TelegramCallException.class,
					ex -> assertThat(ex.kind()).isEqualTo(TelegramCallException.Kind.NOT_CONFIGURED));
	}

}
