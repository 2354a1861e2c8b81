package kz.zhilyego.notification.internal;

import java.time.Instant;
import java.util.Map;

import kz.zhilyego.common.Language;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationKind;
import org.jspecify.annotations.Nullable;

/**
 * A claimed outbox row. {@code attempts} already counts the attempt in progress and is
 * the fencing token: completing a claim only succeeds while the row still has this count.
 * {@code requestId} is the id of the request that enqueued it (null when none).
 */
public record OutboxMessage(long id, NotificationKind kind, Channel channel, @Nullable Long recipientUserId,
		@Nullable String address, Language language, Map<String, String> params, @Nullable String secretRef,
		int attempts, Instant createdAt, @Nullable String requestId) {

	public OutboxMessage {
		params = Map.copyOf(params);
	}

	/** For logs: never parameters, never codes. */
	public String describe() {
		return "notification #" + this.id + " " + this.kind + " via " + this.channel + " (attempt " + this.attempts
				+ ")";
	}

}
