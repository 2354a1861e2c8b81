package kz.zhilyego.notification;

import org.jspecify.annotations.Nullable;

/**
 * An outbox message reached its end: sent ({@code sent}), or parked as dead for a person
 * with the last {@code error}. Published right after the outbox row changed.
 */
public record MessageDelivered(long messageId, String kind, String channel, @Nullable Long recipientUserId,
		boolean sent, @Nullable String error) {
}
