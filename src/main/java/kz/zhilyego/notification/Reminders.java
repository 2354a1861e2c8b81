package kz.zhilyego.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * Reminders per booking, fired by a cluster-safe recurring job: when a reminder is due,
 * {@link ReminderHandler#fire} is called exactly once for it (unless the handler fails,
 * then it is retried on the next run). Join the caller's transaction when there is one.
 */
public interface Reminders {

	/**
	 * Schedules the booking's reminder of this kind at {@code dueAt}. Idempotent per
	 * booking and kind: scheduling again moves it (and revives a cancelled or fired one).
	 */
	void schedule(UUID bookingId, ReminderKind kind, Instant dueAt);

	/** Cancels every pending reminder of the booking; returns how many. */
	int cancelAll(UUID bookingId);

	/** Cancels one pending reminder; returns whether there was one. */
	boolean cancel(UUID bookingId, ReminderKind kind);

	/**
	 * Fires every reminder due by the clock's now, each in its own transaction; returns
	 * how many fired. The recurring job calls it; tests call it after moving the clock.
	 */
	int fireDue();

}
