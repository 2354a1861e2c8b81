package kz.zhilyego.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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
	 * One scheduled job of a booking.
	 *
	 * @param status {@code PENDING}, {@code FIRED} or {@code CANCELLED}
	 */
	record Scheduled(ReminderKind kind, Instant dueAt, String status, @Nullable Instant firedAt, Instant updatedAt) {
	}

	/** The booking's scheduled jobs (pending, fired and cancelled), by due time. */
	List<Scheduled> ofBooking(UUID bookingId);

	/**
	 * Fires every reminder due by the clock's now, each in its own transaction; returns
	 * how many fired. The recurring job calls it; tests call it after moving the clock.
	 */
	int fireDue();

}
