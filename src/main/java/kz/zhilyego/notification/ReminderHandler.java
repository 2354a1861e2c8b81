package kz.zhilyego.notification;

import java.util.UUID;

/**
 * Port: called when a scheduled reminder is due (see {@link Reminders}). Runs inside the
 * transaction that marks the reminder fired, so it can {@link Notifications#enqueue
 * enqueue} messages atomically with it; if it throws, the reminder stays pending and is
 * retried on the next run. Implemented outside this module (it composes the messages from
 * the booking). Without an implementation due reminders stay pending.
 */
public interface ReminderHandler {

	void fire(UUID bookingId, ReminderKind kind);

}
