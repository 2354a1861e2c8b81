package kz.zhilyego.notification.internal;

import java.time.Duration;

import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.TelegramDelivery;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The Telegram channel: hands the rendered message to the Telegram module's client
 * ({@link TelegramDelivery}), which owns the Bot API, the rate limits and the inline
 * buttons; a chat it cannot reach (no bot token) gets the message captured instead.
 */
class TelegramPortSender implements ChannelSender {

	private final ObjectProvider<TelegramDelivery> delivery;

	private final ChannelSender capture;

	private final Duration maxWait;

	TelegramPortSender(ObjectProvider<TelegramDelivery> delivery, ChannelSender capture, Duration maxWait) {
		this.delivery = delivery;
		this.capture = capture;
		this.maxWait = maxWait;
	}

	@Override
	public Channel channel() {
		return Channel.TELEGRAM;
	}

	@Override
	public SendResult send(OutboxMessage message, RenderedMessage rendered) {
		String chatId = message.address();
		if (chatId == null) {
			return new SendResult.Rejected("no Telegram chat id");
		}
		TelegramDelivery port = this.delivery.getIfAvailable();
		if (port == null || !port.reaches(chatId)) {
			return this.capture.send(message, rendered);
		}
		TelegramDelivery.Result result = port.deliver(new TelegramDelivery.Message(chatId, message.recipientUserId(),
				message.kind(), message.language(), rendered.telegramHtml(), message.params()), this.maxWait);
		return switch (result) {
			case TelegramDelivery.Result.Sent sent -> new SendResult.Sent(sent.messageId());
			case TelegramDelivery.Result.RetryAfter wait -> new SendResult.RetryAfter(wait.delay(), wait.reason());
			case TelegramDelivery.Result.Blocked blocked -> new SendResult.Blocked(blocked.reason());
			case TelegramDelivery.Result.Rejected rejected -> new SendResult.Rejected(rejected.reason());
			case TelegramDelivery.Result.Failed failed -> new SendResult.Failed(failed.reason());
		};
	}

	/** Whether the bot can deliver at all (for the start-up log). */
	boolean live() {
		TelegramDelivery port = this.delivery.getIfAvailable();
		return port != null;
	}

}
