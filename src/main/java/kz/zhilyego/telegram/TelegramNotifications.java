package kz.zhilyego.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kz.zhilyego.chatbot.Button;
import kz.zhilyego.chatbot.Keyboard;
import kz.zhilyego.notification.TelegramDelivery;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * The notification module's Telegram channel, through the one client: the rendered HTML
 * with inline buttons into the bot's flows — a confirmation or reminder opens the booking
 * and its check-in instructions in chat, a realtor's new booking has the check-in button,
 * a review request links to the review form, an expired hold offers a new search.
 */
@Component
class TelegramNotifications implements TelegramDelivery {

	private final TelegramClient client;

	private final MessageSource messages;

	TelegramNotifications(TelegramClient client, MessageSource messages) {
		this.client = client;
		this.messages = messages;
	}

	@Override
	public boolean reaches(String chatId) {
		try {
			return this.client.reaches(Long.parseLong(chatId));
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	@Override
	public Result deliver(TelegramDelivery.Message message, Duration maxWait) {
		long chat = Long.parseLong(message.chatId());
		SendMessage method = SendMessage.builder()
			.chatId(chat)
			.text(message.html().length() > TelegramHtml.MAX_TEXT ? message.html().substring(0, TelegramHtml.MAX_TEXT)
					: message.html())
			.parseMode(TelegramReplies.HTML)
			.linkPreviewOptions(TelegramReplies.noPreview())
			.replyMarkup(TelegramReplies.inline(buttons(message)))
			.build();
		try {
			org.telegram.telegrambots.meta.api.objects.message.Message sent = this.client
				.submit(chat, api -> api.execute(method), maxWait)
				.get(maxWait.toMillis() + 30_000, TimeUnit.MILLISECONDS);
			return new Result.Sent(sent == null ? null : String.valueOf(sent.getMessageId()));
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TelegramCallException call) {
				return switch (call.kind()) {
					case BLOCKED -> new Result.Blocked(call.getMessage());
					case REJECTED -> new Result.Rejected(call.getMessage());
					case RETRY_LATER -> new Result.RetryAfter(call.retryAfter(), call.getMessage());
					case FAILED, NOT_CONFIGURED -> new Result.Failed(call.getMessage());
				};
			}
			return new Result.Failed(String.valueOf(ex.getCause()));
		}
		catch (TimeoutException ex) {
			return new Result.RetryAfter(Duration.ofSeconds(5), "Telegram client busy");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result.Failed("interrupted");
		}
	}

	/** The buttons of a message kind; actions are the bot's own (well under 64 bytes). */
	Keyboard buttons(TelegramDelivery.Message message) {
		Map<String, String> params = message.params();
		String booking = params.get("bookingId");
		List<Button> row = new ArrayList<>();
		switch (message.kind()) {
			case BOOKING_CONFIRMED_GUEST, REMINDER_BEFORE_CHECK_IN, REMINDER_CHECK_IN_DAY,
					REMINDER_BEFORE_CHECK_OUT -> {
				if (booking != null) {
					row.add(Button.action("🔑 " + t(message, "bot.booking.instructions"), "mb:ins:" + booking));
					row.add(Button.action(t(message, "bot.notification.booking"), "mb:" + booking));
				}
			}
			case PAYMENT_FAILED_GUEST -> {
				if (booking != null) {
					row.add(Button.action("💳 " + t(message, "bot.hold.pay"), "mb:pay:" + booking));
				}
			}
			case HOLD_EXPIRED_GUEST -> row.add(Button.action("🔎 " + t(message, "bot.menu.search"), "s:open"));
			case REVIEW_REQUEST -> link(row, params.get("reviewUrl"), "⭐ " + t(message, "bot.notification.review"));
			case BOOKING_CONFIRMED_REALTOR -> {
				if (booking != null) {
					row.add(Button.action("🛬 " + t(message, "bot.realtor.checkIn"), "rb:in:" + booking));
					row.add(Button.action(t(message, "bot.notification.booking"), "rb:" + booking));
				}
			}
			case BOOKING_CANCELLED_REALTOR -> row.add(Button.action(t(message, "bot.menu.bookings"), "rb"));
			case BOOKING_CANCELLED_GUEST -> row.add(Button.action(t(message, "bot.menu.myBookings"), "mb"));
			case BOOKING_MOVED_GUEST -> {
				if (booking != null) {
					row.add(Button.action(t(message, "bot.notification.booking"), "mb:" + booking));
				}
			}
			case FEEDBACK_REQUEST, FEEDBACK_REMINDER -> {
				// one tap rates the stay: fb:<request>:<1-5>
				String request = params.get("feedbackId");
				if (request != null && request.matches("\\d{1,18}")) {
					for (int rating = 1; rating <= 5; rating++) {
						row.add(Button.action(rating + "⭐", "fb:" + request + ":" + rating));
					}
				}
			}
			case FEEDBACK_FOLLOW_UP_REALTOR ->
				link(row, params.get("followUpsUrl"), "💬 " + t(message, "bot.notification.followUps"));
			case CHAT_MESSAGE -> {
				// the answer typed after the tap goes into the booking's chat:
				// cr:<booking>
				if (booking != null && booking.length() == 36) {
					row.add(Button.action("↩️ " + t(message, "bot.chat.reply"), "cr:" + booking));
				}
				link(row, params.get("bookingUrl"), "💬 " + t(message, "bot.chat.openChat"));
			}
			case CHANNEL_CONFLICT_REALTOR ->
				link(row, params.get("calendarUrl"), "📅 " + t(message, "bot.notification.calendar"));
			default -> {
			}
		}
		return row.isEmpty() ? Keyboard.NONE : Keyboard.builder().row(row).build();
	}

	private static void link(List<Button> row, @Nullable String url, String label) {
		if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
			row.add(Button.link(label, url));
		}
	}

	private String t(TelegramDelivery.Message message, String key) {
		return this.messages.getMessage(key, null, key, message.language().locale());
	}

}
