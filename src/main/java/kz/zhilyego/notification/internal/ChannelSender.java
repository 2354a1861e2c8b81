package kz.zhilyego.notification.internal;

import kz.zhilyego.notification.Channel;

/**
 * Port of one channel: delivers a rendered message. Must not throw for provider errors.
 */
public interface ChannelSender {

	Channel channel();

	SendResult send(OutboxMessage message, RenderedMessage rendered);

}
