package kz.zhilyego.telegram;

import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.media.InputMedia;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Dev only: a Bot API for simulated chats (ids from 2^52 on) kept in memory, so the chat
 * simulator at {@code /dev/telegram} shows exactly what the bot sent — the same Bot API
 * calls, with TelegramBots' types, that go to Telegram in production. Edits change the
 * stored message; "not modified" is answered like Telegram does.
 */
@Component
@Profile("dev")
class SimulatedChats implements BotApi {

	/** One entry of a transcript. */
	static final class Entry {

		final int messageId;

		final boolean fromBot;

		volatile String html;

		volatile List<List<SimButton>> buttons;

		final List<String> photos;

		final @Nullable String contactButton;

		Entry(int messageId, boolean fromBot, String html, List<List<SimButton>> buttons, List<String> photos,
				@Nullable String contactButton) {
			this.messageId = messageId;
			this.fromBot = fromBot;
			this.html = html;
			this.buttons = buttons;
			this.photos = photos;
			this.contactButton = contactButton;
		}

		public int getMessageId() {
			return this.messageId;
		}

		public boolean isFromBot() {
			return this.fromBot;
		}

		public String getHtml() {
			return this.html;
		}

		public List<List<SimButton>> getButtons() {
			return this.buttons;
		}

		public List<String> getPhotos() {
			return this.photos;
		}

		public @Nullable String getContactButton() {
			return this.contactButton;
		}

	}

	/** An inline button as the page shows it. */
	record SimButton(String label, @Nullable String data, @Nullable String url) {
	}

	private final Map<Long, List<Entry>> chats = new ConcurrentHashMap<>();

	private final Map<Long, String> toasts = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final Clock clock;

	SimulatedChats(Clock clock) {
		this.clock = clock;
	}

	List<Entry> transcript(long chatId) {
		return List.copyOf(this.chats.getOrDefault(chatId, List.of()));
	}

	@Nullable String takeToast(long chatId) {
		return this.toasts.remove(chatId);
	}

	/** What the user did, shown on the user's side of the transcript. */
	void userSaid(long chatId, String text) {
		entries(chatId)
			.add(new Entry(this.ids.incrementAndGet(), false, TelegramHtml.escape(text), List.of(), List.of(), null));
	}

	void reset(long chatId) {
		this.chats.remove(chatId);
	}

	private List<Entry> entries(long chatId) {
		return this.chats.computeIfAbsent(chatId, id -> java.util.Collections.synchronizedList(new ArrayList<>()));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends Serializable> T execute(BotApiMethod<T> method) throws TelegramApiException {
		if (method instanceof SendMessage send) {
			long chat = Long.parseLong(send.getChatId());
			return (T) add(chat, send.getText(), send.getReplyMarkup(), List.of());
		}
		if (method instanceof EditMessageText edit) {
			long chat = Long.parseLong(edit.getChatId());
			Entry entry = entries(chat).stream()
				.filter(e -> e.messageId == edit.getMessageId())
				.findFirst()
				.orElseThrow(() -> new TelegramApiRequestException("Bad Request: message to edit not found"));
			List<List<SimButton>> buttons = inline(edit.getReplyMarkup());
			if (entry.html.equals(edit.getText()) && entry.buttons.equals(buttons)) {
				throw notModified();
			}
			entry.html = edit.getText();
			entry.buttons = buttons;
			return (T) message(chat, entry.messageId);
		}
		if (method instanceof AnswerCallbackQuery answer) {
			if (answer.getText() != null && !answer.getText().isEmpty()) {
				this.toasts.put(callbackChat(answer.getCallbackQueryId()), answer.getText());
			}
			return (T) Boolean.TRUE;
		}
		if (method instanceof SetMyCommands) {
			return (T) Boolean.TRUE;
		}
		return (T) Boolean.TRUE;
	}

	@Override
	public Message execute(SendPhoto photo) {
		long chat = Long.parseLong(photo.getChatId());
		return add(chat, photo.getCaption() == null ? "" : photo.getCaption(), photo.getReplyMarkup(),
				List.of(photo.getPhoto().getAttachName()));
	}

	@Override
	public List<Message> execute(SendMediaGroup album) {
		long chat = Long.parseLong(album.getChatId());
		List<String> photos = album.getMedias().stream().map(InputMedia::getMedia).toList();
		return List.of(add(chat, "", null, photos));
	}

	@Override
	public Boolean execute(org.telegram.telegrambots.meta.api.methods.updates.SetWebhook webhook) {
		return Boolean.TRUE;
	}

	private Message add(long chat, String html, @Nullable ReplyKeyboard markup, List<String> photos) {
		int id = this.ids.incrementAndGet();
		String contact = null;
		if (markup instanceof ReplyKeyboardMarkup reply && !reply.getKeyboard().isEmpty()
				&& !reply.getKeyboard().get(0).isEmpty()) {
			contact = reply.getKeyboard().get(0).get(0).getText();
		}
		List<List<SimButton>> buttons = markup instanceof InlineKeyboardMarkup inline ? inline(inline) : List.of();
		if (markup instanceof ReplyKeyboardRemove) {
			entries(chat).forEach(e -> {
			});
		}
		entries(chat).add(new Entry(id, true, html, buttons, photos, contact));
		return message(chat, id);
	}

	private static List<List<SimButton>> inline(@Nullable InlineKeyboardMarkup markup) {
		if (markup == null) {
			return List.of();
		}
		List<List<SimButton>> rows = new ArrayList<>();
		for (InlineKeyboardRow row : markup.getKeyboard()) {
			List<SimButton> line = new ArrayList<>();
			for (InlineKeyboardButton button : row) {
				line.add(new SimButton(button.getText(), button.getCallbackData(), button.getUrl()));
			}
			rows.add(line);
		}
		return rows;
	}

	private Message message(long chat, int id) {
		Message message = new Message();
		message.setMessageId(id);
		message.setChat(new Chat(chat, "private"));
		message.setDate((int) this.clock.instant().getEpochSecond());
		return message;
	}

	/** Callback query ids of the simulator are {@code <chat>:<n>}. */
	private static long callbackChat(String queryId) {
		return Long.parseLong(queryId.substring(0, queryId.indexOf(':')));
	}

	private static TelegramApiRequestException notModified() {
		org.telegram.telegrambots.meta.api.objects.ApiResponse<Object> response = new org.telegram.telegrambots.meta.api.objects.ApiResponse<>(
				false, 400,
				"Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
				null, null);
		return new TelegramApiRequestException("Error editing message", response);
	}

}
