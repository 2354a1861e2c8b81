package kz.zhilyego.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.zhilyego.notification.FakeHttpServer;
import kz.zhilyego.notification.FakeHttpServer.Answer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server that speaks enough of the Bot API for the bot: answers
 * {@code sendMessage}, {@code sendPhoto}, {@code sendMediaGroup}, {@code editMessageText}
 * with messages (ids counting up), {@code answerCallbackQuery} and the set-up calls with
 * {@code true}, serves queued updates to {@code getUpdates}, records every call with its
 * chat and arrival time, and plays scripted failures: 429 with {@code retry_after}, 403
 * "blocked by the user", 400 "message is not modified".
 */
final class FakeBotApi implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern MULTIPART_CHAT = Pattern
		.compile("name=\"chat_id\"\\r?\\n(?:[^\\r\\n]*\\r?\\n)*?\\r?\\n(-?\\d+)");

	private final FakeHttpServer server;

	private final AtomicInteger messageIds = new AtomicInteger(1000);

	private final List<Call> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final ConcurrentLinkedQueue<Script> scripts = new ConcurrentLinkedQueue<>();

	private final BlockingQueue<String> updates = new LinkedBlockingQueue<>();

	/** A recorded call: method name in lower case, chat (0 if none), body, arrival. */
	record Call(String method, long chat, String body, long receivedAt, int status, int messageId) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		boolean isJson() {
			return this.body.startsWith("{");
		}

		/** A field of a multipart body (sendPhoto, sendMediaGroup). */
		@Nullable String field(String name) {
			Matcher m = Pattern
				.compile("name=\"" + name + "\"\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([\\s\\S]*?)\\r?\\n--")
				.matcher(this.body);
			return m.find() ? m.group(1) : null;
		}

		/** The text or caption; no-break spaces (digit grouping) read as plain spaces. */
		String text() {
			String text;
			if (!isJson()) {
				String caption = field("caption");
				text = caption == null ? "" : caption;
			}
			else {
				JsonNode node = json();
				text = node.has("text") ? node.get("text").asString() : node.path("caption").asString("");
			}
			return text.replace('\u00a0', ' ').replace('\u202f', ' ');
		}

		/** Callback data of every inline button, in order. */
		List<String> actions() {
			List<String> actions = new ArrayList<>();
			if (!isJson()) {
				Matcher m = Pattern.compile("\"callback_data\"\\s*:\\s*\"([^\"]+)\"").matcher(this.body);
				while (m.find()) {
					actions.add(m.group(1));
				}
				return actions;
			}
			for (JsonNode row : json().path("reply_markup").path("inline_keyboard")) {
				for (JsonNode button : row) {
					if (button.has("callback_data")) {
						actions.add(button.get("callback_data").asString());
					}
				}
			}
			return actions;
		}

		/** URLs of link buttons. */
		List<String> links() {
			List<String> links = new ArrayList<>();
			if (isJson()) {
				for (JsonNode row : json().path("reply_markup").path("inline_keyboard")) {
					for (JsonNode button : row) {
						if (button.has("url")) {
							links.add(button.get("url").asString());
						}
					}
				}
			}
			return links;
		}

	}

	private record Script(String method, Predicate<Long> chat, Answer answer) {
	}

	private final Map<Integer, Long> messageChats = new ConcurrentHashMap<>();

	FakeBotApi(int port) {
		this.server = new FakeHttpServer(port);
		this.server.answer(request -> {
			String path = request.path();
			String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
			long chat = chatOf(request.body());
			Answer answer = answer(method, chat);
			Matcher id = Pattern.compile("\"message_id\":(\\d+)").matcher(answer.body());
			this.calls.add(new Call(method, chat, request.body(), request.receivedAt(), answer.status(),
					id.find() ? Integer.parseInt(id.group(1)) : 0));
			return answer;
		});
	}

	private Answer answer(String method, long chat) {
		for (Script script : this.scripts) {
			if (script.method().equals(method) && script.chat().test(chat) && this.scripts.remove(script)) {
				return script.answer();
			}
		}
		return switch (method) {
			case "sendmessage", "sendphoto", "editmessagetext" ->
				new Answer(200, "{\"ok\":true,\"result\":" + message(chat) + "}");
			case "sendmediagroup" ->
				new Answer(200, "{\"ok\":true,\"result\":[" + message(chat) + "," + message(chat) + "]}");
			case "getupdates" -> {
				List<String> batch = new ArrayList<>();
				try {
					String first = this.updates.poll(300, TimeUnit.MILLISECONDS);
					if (first != null) {
						batch.add(first);
						this.updates.drainTo(batch);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				yield new Answer(200, "{\"ok\":true,\"result\":[" + String.join(",", batch) + "]}");
			}
			default -> new Answer(200, "{\"ok\":true,\"result\":true}");
		};
	}

	private String message(long chat) {
		int id = this.messageIds.incrementAndGet();
		this.messageChats.put(id, chat);
		return "{\"message_id\":" + id + ",\"date\":1780000000,\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}}";
	}

	private static long chatOf(String body) {
		if (body.startsWith("{")) {
			JsonNode node = JSON.readTree(body);
			JsonNode chat = node.get("chat_id");
			if (chat != null) {
				return chat.asLong(0);
			}
			return 0;
		}
		Matcher m = MULTIPART_CHAT.matcher(body);
		return m.find() ? Long.parseLong(m.group(1)) : 0;
	}

	/** The next call of {@code method} (any chat, or the given one) gets this answer. */
	void script(String method, @Nullable Long chat, Answer answer) {
		this.scripts.add(new Script(method.toLowerCase(Locale.ROOT), c -> chat == null || chat.equals(c), answer));
	}

	static Answer tooManyRequests(int retryAfter) {
		return new Answer(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
				+ retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
	}

	static Answer blocked() {
		return new Answer(403,
				"{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
	}

	static Answer notModified() {
		return new Answer(400,
				"{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is not modified: "
						+ "specified new message content and reply markup are exactly the same as a current content and reply "
						+ "markup of the message\"}");
	}

	/** Queues an update (JSON) for getUpdates. */
	void offer(String updateJson) {
		this.updates.add(updateJson);
	}

	List<Call> calls() {
		return List.copyOf(this.calls);
	}

	List<Call> calls(String method) {
		return this.calls.stream().filter(c -> c.method().equals(method.toLowerCase(Locale.ROOT))).toList();
	}

	/** Successful (200) calls that put something into a chat, in arrival order. */
	List<Call> messages(long chat) {
		return this.calls.stream()
			.filter(c -> c.chat() == chat && c.status() == 200 && !c.method().equals("answercallbackquery")
					&& !c.method().equals("setmycommands"))
			.toList();
	}

	@Nullable Call last(long chat) {
		List<Call> messages = messages(chat);
		return messages.isEmpty() ? null : messages.get(messages.size() - 1);
	}

	void clear() {
		this.calls.clear();
		this.scripts.clear();
		this.updates.clear();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
