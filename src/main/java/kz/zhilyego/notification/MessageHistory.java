package kz.zhilyego.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.zhilyego.common.PageResult;
import org.jspecify.annotations.Nullable;

/**
 * Every message sent (or being sent) to a person, as the outbox keeps it: channel,
 * template (kind), booking, status, attempts, provider message id and times — never its
 * parameters or body. Who may read which is decided by the callers (the guest their own,
 * staff a booking in their scope, the superuser all).
 */
public interface MessageHistory {

	/**
	 * One message.
	 *
	 * @param status {@code PENDING}, {@code SENDING}, {@code SENT}, {@code DEAD} or
	 * {@code SKIPPED}
	 * @param nextAttemptAt when a waiting message is tried next
	 * @param lastError why the last attempt failed or why it was skipped (staff only)
	 */
	record Entry(long id, NotificationKind kind, Channel channel, @Nullable UUID bookingId,
			@Nullable Long recipientUserId, @Nullable String address, String status, int attempts,
			@Nullable String providerMessageId, Instant createdAt, @Nullable Instant sentAt,
			@Nullable Instant nextAttemptAt, @Nullable String lastError) {
	}

	/** Filters of the superuser's search; null = any. */
	record Filter(@Nullable Channel channel, @Nullable String status, @Nullable NotificationKind kind,
			@Nullable UUID bookingId, @Nullable Long recipientUserId, @Nullable Instant from, @Nullable Instant to,
			int page, int size) {
	}

	/** The statuses a message can have. */
	List<String> STATUSES = List.of("PENDING", "SENDING", "SENT", "DEAD", "SKIPPED");

	/** Messages to one person, newest first. */
	PageResult<Entry> ofRecipient(long userId, @Nullable Channel channel, int page, int size);

	/** Messages about one booking (to its guest and its staff), oldest first. */
	List<Entry> ofBooking(UUID bookingId);

	/** Everything, with filters, newest first. */
	PageResult<Entry> search(Filter filter);

}
