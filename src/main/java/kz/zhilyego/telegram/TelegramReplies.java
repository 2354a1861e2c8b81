package kz.zhilyego.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kz.zhilyego.chatbot.Button;
import kz.zhilyego.chatbot.CallbackData;
import kz.zhilyego.chatbot.ChatDelivery;
import kz.zhilyego.chatbot.ChatKey;
import kz.zhilyego.chatbot.Keyboard;
import kz.zhilyego.chatbot.Reply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.media.InputMedia;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

/**
 * Delivers the neutral replies of a turn as Bot API calls through the one client, in
 * order, and reports the message ids of named slots. Toasts are the caller's (they answer
 * the callback query).
 */
@Component
class TelegramReplies implements ChatDelivery {

	private static final Logger log = LoggerFactory.getLogger(TelegramReplies.class);

	static final String HTML = "HTML";

	private static final long WAIT_SECONDS = 120;

	private final TelegramClient client;

	private final BotCommands commands;

	TelegramReplies(TelegramClient client, BotCommands commands) {
		this.client = client;
		this.commands = commands;
	}

	@Override
	public String messenger() {
		return "telegram";
	}

	@Override
	public Map<String, Integer> deliver(ChatKey key, List<Reply> replies, Map<String, Integer> slots) {
		long chat = key.chatId();
		Map<String, Integer> known = new LinkedHashMap<>(slots);
		Map<String, Integer> filled = new LinkedHashMap<>();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		for (Reply reply : replies) {
			switch (reply) {
				case Reply.Send send -> {
					CompletableFuture<@Nullable Message> sent = send(chat, send);
					pending.add(sent);
					if (send.slot() != null) {
						Integer id = idOf(sent);
						if (id != null) {
							filled.put(send.slot(), id);
							known.put(send.slot(), id);
						}
					}
				}
				case Reply.Edit edit -> {
					Integer id = edit.messageId() != null ? edit.messageId()
							: edit.slot() == null ? null : known.get(edit.slot());
					if (id == null) {
						CompletableFuture<@Nullable Message> sent = send(chat,
								new Reply.Send(edit.text(), edit.keyboard(), null, edit.slot()));
						pending.add(sent);
						Integer newId = edit.slot() == null ? null : idOf(sent);
						if (newId != null) {
							filled.put(edit.slot(), newId);
							known.put(edit.slot(), newId);
						}
					}
					else {
						EditMessageText method = EditMessageText.builder()
							.chatId(chat)
							.messageId(id)
							.text(TelegramHtml.render(edit.text(), TelegramHtml.MAX_TEXT))
							.parseMode(HTML)
							.linkPreviewOptions(noPreview())
							.replyMarkup(inline(edit.keyboard()))
							.build();
						pending.add(this.client.submit(chat, api -> api.execute(method), null));
					}
				}
				case Reply.Album album -> pending.add(album(chat, album));
				case Reply.AskContact ask -> {
					KeyboardButton button = KeyboardButton.builder()
						.text(ask.buttonLabel())
						.requestContact(true)
						.build();
					SendMessage method = SendMessage.builder()
						.chatId(chat)
						.text(TelegramHtml.render(ask.text(), TelegramHtml.MAX_TEXT))
						.parseMode(HTML)
						.replyMarkup(ReplyKeyboardMarkup.builder()
							.keyboardRow(new KeyboardRow(List.of(button)))
							.resizeKeyboard(true)
							.oneTimeKeyboard(true)
							.build())
						.build();
					pending.add(this.client.submit(chat, api -> api.execute(method), null));
				}
				case Reply.Toast toast -> {
					if (!toast.text().isEmpty()) {
						pending.add(send(chat,
								new Reply.Send(kz.zhilyego.chatbot.Text.plain(toast.text()), Keyboard.NONE)));
					}
				}
				case Reply.Commands menu -> {
					SetMyCommands method = SetMyCommands.builder()
						.commands(this.commands.of(menu.language(), menu.staff()))
						.scope(new BotCommandScopeChat(String.valueOf(chat)))
						.build();
					pending.add(this.client.direct(chat, api -> api.execute(method)));
				}
			}
		}
		for (CompletableFuture<?> future : pending) {
			await(future);
		}
		return filled;
	}

	private @Nullable Integer idOf(CompletableFuture<@Nullable Message> sent) {
		Message message = await(sent);
		return message == null ? null : message.getMessageId();
	}

	private static <T> @Nullable T await(CompletableFuture<T> future) {
		try {
			return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			log.info("A Telegram reply did not go out: {}", ex.getCause() == null ? ex : ex.getCause().getMessage());
			return null;
		}
		catch (TimeoutException ex) {
			log.warn("A Telegram reply took longer than {} s", WAIT_SECONDS);
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private CompletableFuture<@Nullable Message> send(long chat, Reply.Send send) {
		if (send.photoUrl() != null) {
			SendPhoto photo = SendPhoto.builder()
				.chatId(chat)
				.photo(new InputFile(send.photoUrl()))
				.caption(TelegramHtml.render(send.text(), TelegramHtml.MAX_CAPTION))
				.parseMode(HTML)
				.replyMarkup(markup(send.keyboard()))
				.build();
			return this.client.submit(chat, api -> api.execute(photo), null);
		}
		SendMessage method = SendMessage.builder()
			.chatId(chat)
			.text(TelegramHtml.render(send.text(), TelegramHtml.MAX_TEXT))
			.parseMode(HTML)
			.linkPreviewOptions(noPreview())
			.replyMarkup(markup(send.keyboard()))
			.build();
		return this.client.submit(chat, api -> api.execute(method), null);
	}

	private CompletableFuture<?> album(long chat, Reply.Album album) {
		List<String> photos = album.photoUrls().stream().limit(6).toList();
		if (photos.size() == 1) {
			SendPhoto photo = SendPhoto.builder().chatId(chat).photo(new InputFile(photos.get(0))).build();
			return this.client.submit(chat, api -> api.execute(photo), null);
		}
		List<InputMedia> media = photos.stream().map(url -> (InputMedia) new InputMediaPhoto(url)).toList();
		SendMediaGroup group = SendMediaGroup.builder().chatId(chat).medias(media).build();
		return this.client.submit(chat, api -> api.execute(group), null);
	}

	static LinkPreviewOptions noPreview() {
		LinkPreviewOptions options = new LinkPreviewOptions();
		options.setIsDisabled(true);
		return options;
	}

	private static @Nullable ReplyKeyboard markup(Keyboard keyboard) {
		if (keyboard.isEmpty()) {
			return keyboard.removeReplyKeyboard() ? new ReplyKeyboardRemove(true) : null;
		}
		return inline(keyboard);
	}

	static @Nullable InlineKeyboardMarkup inline(Keyboard keyboard) {
		if (keyboard.isEmpty()) {
			return null;
		}
		List<InlineKeyboardRow> rows = new ArrayList<>();
		for (List<Button> row : keyboard.rows()) {
			InlineKeyboardRow line = new InlineKeyboardRow();
			for (Button button : row) {
				InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> b = InlineKeyboardButton.builder()
					.text(button.label());
				if (button.url() != null) {
					b.url(button.url());
				}
				else {
					String data = String.valueOf(button.action());
					if (CallbackData.bytes(data) > CallbackData.MAX_BYTES) {
						throw new IllegalArgumentException("callback_data over 64 bytes: " + data);
					}
					b.callbackData(data);
				}
				line.add(b.build());
			}
			rows.add(line);
		}
		return new InlineKeyboardMarkup(rows);
	}

}
