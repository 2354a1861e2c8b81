package kz.zhilyego.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An outbox message parked after its last attempt, for the superuser to look at. */
public record DeadMessage(long id, NotificationKind kind, Channel channel, @Nullable Long recipientUserId,
		@Nullable String address, int attempts, @Nullable String lastError, Instant createdAt) {

}
