package kz.zhilyego.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import kz.zhilyego.chatbot.ChatInput;
import kz.zhilyego.chatbot.ChatKey;
import kz.zhilyego.chatbot.Conversation;
import kz.zhilyego.chatbot.Reply;
import kz.zhilyego.chatbot.Sender;
import kz.zhilyego.chatbot.Turn;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Updates in, from the webhook, long polling or the dev simulator alike: each is stored
 * once (a duplicate {@code update_id} is dropped by PostgreSQL), then the chat's pending
 * updates are processed oldest first under the chat's lease, so one chat is worked on by
 * one thread of one node at a time and its updates keep their order. Per update: the
 * conversation's turn, the callback answered at once, the replies sent, then in one
 * transaction the dialog state saved and the update marked processed. A node that dies
 * mid-update leaves it pending; the sweeper processes it again once the lease ran out
 * (holds and payments have idempotency keys from the dialog, so a repeat is harmless).
 */
@Component
class UpdateProcessor implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);

	static final Duration LEASE = Duration.ofMinutes(2);

	private final TelegramUpdates updates;

	private final Conversation conversation;

	private final TelegramReplies replies;

	private final TelegramClient client;

	private final TransactionTemplate transactions;

	private final String node = UUID.randomUUID().toString().substring(0, 8);

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	UpdateProcessor(TelegramUpdates updates, Conversation conversation, TelegramReplies replies, TelegramClient client,
			TransactionTemplate transactions) {
		this.updates = updates;
		this.conversation = conversation;
		this.replies = replies;
		this.client = client;
		this.transactions = transactions;
	}

	/** The private chat an update belongs to, if it is one the bot handles. */
	static Optional<Long> chatOf(Update update) {
		if (update.hasMessage() && update.getMessage().getChat() != null
				&& "private".equals(update.getMessage().getChat().getType())) {
			return Optional.of(update.getMessage().getChatId());
		}
		if (update.hasCallbackQuery() && update.getCallbackQuery().getFrom() != null) {
			CallbackQuery query = update.getCallbackQuery();
			if (query.getMessage() != null && query.getMessage().getChatId() != null) {
				return Optional.of(query.getMessage().getChatId());
			}
			return Optional.of(query.getFrom().getId());
		}
		return Optional.empty();
	}

	/**
	 * Stores the update and starts its chat's processing in the background.
	 * @return false for an update seen before or one the bot ignores
	 */
	boolean receive(Update update) {
		Optional<Long> chat = store(update);
		chat.ifPresent(id -> this.workers.execute(() -> processChat(id)));
		return chat.isPresent();
	}

	/**
	 * Stores the update and processes its chat in the caller's thread (the simulator).
	 */
	boolean receiveAndWait(Update update) {
		Optional<Long> chat = store(update);
		chat.ifPresent(this::processChat);
		return chat.isPresent();
	}

	private Optional<Long> store(Update update) {
		Optional<Long> chat = chatOf(update);
		if (chat.isEmpty() || update.getUpdateId() == null) {
			return Optional.empty();
		}
		String payload;
		try {
			payload = BotJson.MAPPER.writeValueAsString(update);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalArgumentException("update not serializable", ex);
		}
		if (!this.updates.store(update.getUpdateId(), chat.get(), payload)) {
			log.debug("Telegram update {} seen before: dropped", update.getUpdateId());
			return Optional.empty();
		}
		return chat;
	}

	/**
	 * Processes the chat's pending updates in order, unless another thread or node holds
	 * the chat (it processes them then).
	 */
	void processChat(long chatId) {
		String owner = this.node + "/" + UUID.randomUUID().toString().substring(0, 8);
		while (this.updates.lease(chatId, owner, LEASE)) {
			try {
				Optional<TelegramUpdates.Pending> next;
				while ((next = this.updates.next(chatId)).isPresent()) {
					process(chatId, next.get());
					this.updates.lease(chatId, owner, LEASE);
				}
			}
			finally {
				this.updates.release(chatId, owner);
			}
			// an update stored while we were releasing: its own thread found the lease
			// taken, so it is ours to process
			if (!this.updates.hasPending(chatId)) {
				return;
			}
		}
	}

	/** How long processed updates are kept for the duplicate check. */
	static final Duration KEEP = Duration.ofDays(7);

	/**
	 * Processes what nobody is working on (a node died, a thread was lost) and forgets
	 * updates older than {@link #KEEP}.
	 */
	int sweep() {
		List<Long> chats = this.updates.chatsWithPending(100);
		chats.forEach(this::processChat);
		this.updates.deleteProcessedBefore(this.updates.now().minus(KEEP));
		return chats.size();
	}

	private void process(long chatId, TelegramUpdates.Pending pending) {
		Update update;
		try {
			update = BotJson.MAPPER.readValue(pending.payload(), Update.class);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			this.updates.markProcessed(pending.updateId(), "unreadable: " + ex.getOriginalMessage());
			return;
		}
		this.updates.clearBlocked(chatId);
		CallbackQuery query = update.hasCallbackQuery() ? update.getCallbackQuery() : null;
		boolean answered = false;
		try {
			Incoming incoming = incoming(update);
			if (incoming == null) {
				this.updates.markProcessed(pending.updateId(), null);
				return;
			}
			Turn turn = this.conversation.handle(ChatKey.telegram(chatId), incoming.sender(), incoming.input());
			List<Reply> toSend = turn.replies();
			if (query != null) {
				String toast = turn.replies()
					.stream()
					.filter(Reply.Toast.class::isInstance)
					.map(r -> ((Reply.Toast) r).text())
					.filter(text -> !text.isEmpty())
					.findFirst()
					.orElse(null);
				answer(chatId, query, toast);
				answered = true;
				toSend = turn.replies().stream().filter(r -> !(r instanceof Reply.Toast)).toList();
			}
			Map<String, Integer> slots = this.replies.deliver(turn.key(), toSend, turn.state().refs);
			this.transactions.executeWithoutResult(status -> {
				this.conversation.commit(turn, slots);
				this.updates.markProcessed(pending.updateId(), null);
			});
		}
		catch (RuntimeException ex) {
			log.warn("Telegram update {} of chat {} failed: {}", pending.updateId(), chatId, ex.toString(), ex);
			this.updates.markProcessed(pending.updateId(), ex.getClass().getSimpleName());
		}
		finally {
			if (query != null && !answered) {
				answer(chatId, query, null);
			}
		}
	}

	/** Every callback query is answered, with the dialog's notice when it has one. */
	private void answer(long chatId, CallbackQuery query, @Nullable String text) {
		AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder()
			.callbackQueryId(query.getId());
		if (text != null) {
			answer.text(text.length() > 200 ? text.substring(0, 199) + "…" : text);
		}
		AnswerCallbackQuery method = answer.build();
		this.client.direct(chatId, api -> api.execute(method));
	}

	private record Incoming(Sender sender, ChatInput input) {
	}

	private static @Nullable Incoming incoming(Update update) {
		if (update.hasCallbackQuery()) {
			CallbackQuery query = update.getCallbackQuery();
			Integer messageId = query.getMessage() == null ? null : query.getMessage().getMessageId();
			return new Incoming(sender(query.getFrom()),
					new ChatInput.Tap(query.getData() == null ? "" : query.getData(), messageId));
		}
		if (!update.hasMessage()) {
			return null;
		}
		Message message = update.getMessage();
		if (message.getFrom() == null) {
			return null;
		}
		Sender sender = sender(message.getFrom());
		if (message.hasContact()) {
			Long owner = message.getContact().getUserId();
			return new Incoming(sender, new ChatInput.SharedContact(message.getContact().getPhoneNumber(),
					owner != null && owner.equals(message.getFrom().getId())));
		}
		if (message.hasText()) {
			return new Incoming(sender, new ChatInput.Text(message.getText()));
		}
		return new Incoming(sender, new ChatInput.Text(""));
	}

	private static Sender sender(User user) {
		String name = (user.getFirstName() == null ? "" : user.getFirstName())
				+ (user.getLastName() == null ? "" : " " + user.getLastName());
		return new Sender(user.getId(), name.strip(), user.getLanguageCode());
	}

	@Override
	public void close() throws InterruptedException {
		this.workers.shutdown();
		this.workers.awaitTermination(10, TimeUnit.SECONDS);
	}

}
