package kz.zhilyego.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import kz.zhilyego.Api;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a Telegram user against the app's webhook, as Telegram would post the updates,
 * and reads what the bot sent from the {@link FakeBotApi}. Counts the taps (button
 * presses and the shared contact).
 */
final class BotDriver {

	static final String SECRET = "test-webhook-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger UPDATE_IDS = new AtomicInteger(100_000);

	private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(1);

	private final FakeBotApi fake;

	private final JdbcClient jdbc;

	final long chat;

	private final String language;

	private Api api;

	int taps;

	BotDriver(Api api, FakeBotApi fake, JdbcClient jdbc, long chat, String language) {
		this.api = api;
		this.fake = fake;
		this.jdbc = jdbc;
		this.chat = chat;
		this.language = language;
	}

	/** Posts the following updates to another node. */
	BotDriver on(Api node) {
		this.api = node;
		return this;
	}

	static int nextUpdateId() {
		return UPDATE_IDS.incrementAndGet();
	}

	private String from() {
		return "{\"id\":" + this.chat + ",\"is_bot\":false,\"first_name\":\"Айгерим\",\"language_code\":\""
				+ this.language + "\"}";
	}

	private String chatJson() {
		return "{\"id\":" + this.chat + ",\"type\":\"private\"}";
	}

	String textUpdate(int updateId, String text) {
		return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + MESSAGE_IDS.incrementAndGet()
				+ ",\"date\":1780000000,\"chat\":" + chatJson() + ",\"from\":" + from() + ",\"text\":"
				+ JSON.writeValueAsString(text) + "}}";
	}

	String contactUpdate(int updateId, String phone, long contactUserId) {
		return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + MESSAGE_IDS.incrementAndGet()
				+ ",\"date\":1780000000,\"chat\":" + chatJson() + ",\"from\":" + from()
				+ ",\"contact\":{\"phone_number\":\"" + phone + "\",\"first_name\":\"Айгерим\",\"user_id\":"
				+ contactUserId + "}}}";
	}

	String tapUpdate(int updateId, int messageId, String data) {
		return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"q" + updateId + "\",\"from\":" + from()
				+ ",\"message\":{\"message_id\":" + messageId + ",\"date\":1780000000,\"chat\":" + chatJson()
				+ "},\"chat_instance\":\"1\",\"data\":" + JSON.writeValueAsString(data) + "}}";
	}

	Api.Response post(String update) {
		return this.api.post("/telegram/webhook", update, "X-Telegram-Bot-Api-Secret-Token", SECRET);
	}

	/** Posts the update and waits until it is processed. */
	void deliver(String update, int updateId) {
		assertThat(post(update).status()).isEqualTo(200);
		awaitProcessed(updateId);
	}

	void awaitProcessed(int updateId) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> this.jdbc
				.sql("select count(*) from telegram_updates where update_id = :id and processed_at is not null")
				.param("id", updateId)
				.query(Long.class)
				.single() == 1);
	}

	void type(String text) {
		int id = nextUpdateId();
		deliver(textUpdate(id, text), id);
	}

	void shareContact(String phone) {
		this.taps++;
		int id = nextUpdateId();
		deliver(contactUpdate(id, phone, this.chat), id);
	}

	/** Taps the button with this action on the newest message that has it. */
	void tap(String action) {
		tapOn(messageWith(action), action);
	}

	/**
	 * Taps the first button whose action starts with the prefix, on the newest such
	 * message.
	 */
	String tapFirst(String prefix) {
		for (FakeBotApi.Call call : newestFirst()) {
			for (String action : call.actions()) {
				if (action.startsWith(prefix)) {
					tapOn(messageIdOf(call), action);
					return action;
				}
			}
		}
		throw new AssertionError("no button starting with " + prefix + " in chat " + this.chat);
	}

	void tapOn(int messageId, String action) {
		this.taps++;
		int id = nextUpdateId();
		deliver(tapUpdate(id, messageId, action), id);
		awaitAnswered("q" + id);
	}

	void awaitAnswered(String queryId) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> this.fake.calls("answerCallbackQuery")
				.stream()
				.anyMatch(c -> c.body().contains("\"" + queryId + "\"")));
	}

	int messageWith(String action) {
		for (FakeBotApi.Call call : newestFirst()) {
			if (call.actions().contains(action)) {
				return messageIdOf(call);
			}
		}
		throw new AssertionError("no button " + action + " in chat " + this.chat + "; last: " + lastText());
	}

	private List<FakeBotApi.Call> newestFirst() {
		List<FakeBotApi.Call> calls = new java.util.ArrayList<>(this.fake.messages(this.chat));
		java.util.Collections.reverse(calls);
		return calls;
	}

	static int messageIdOf(FakeBotApi.Call call) {
		if (call.method().equals("editmessagetext")) {
			return call.json().get("message_id").asInt();
		}
		return call.messageId();
	}

	String lastText() {
		FakeBotApi.Call last = this.fake.last(this.chat);
		return last == null ? "" : last.text();
	}

	/** Texts of everything the bot put into the chat, oldest first. */
	List<String> texts() {
		return this.fake.messages(this.chat).stream().map(FakeBotApi.Call::text).toList();
	}

}
