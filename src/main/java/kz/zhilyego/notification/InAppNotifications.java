package kz.zhilyego.notification;

/**
 * A user's in-app inbox. Entries are written by the dispatcher from
 * {@link Channel#IN_APP} outbox messages. Every method acts on the given user's entries
 * only.
 */
public interface InAppNotifications {

	/** Newest first, at most {@code limit} entries (1..100), with the unread count. */
	InAppInbox list(long userId, int limit);

	/**
	 * Marks one entry read (idempotent).
	 * @throws kz.zhilyego.common.ProblemException 404 if the entry is not the user's
	 */
	void markRead(long userId, long notificationId);

	/** Marks every unread entry of the user read; returns how many changed. */
	int markAllRead(long userId);

}
