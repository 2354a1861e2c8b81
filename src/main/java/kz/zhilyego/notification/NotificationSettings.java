package kz.zhilyego.notification;

import java.util.Map;

/**
 * Per-user switches for each {@link NotificationKind} × {@link Channel}; everything is on
 * until the user turns it off. {@link Notifications#enqueue} consults them.
 */
public interface NotificationSettings {

	boolean isEnabled(long userId, NotificationKind kind, Channel channel);

	/** The full matrix (every kind, every channel), defaults filled in. */
	Map<NotificationKind, Map<Channel, Boolean>> matrix(long userId);

	/** Stores the given switches (others unchanged) and returns the full matrix. */
	Map<NotificationKind, Map<Channel, Boolean>> update(long userId,
			Map<NotificationKind, Map<Channel, Boolean>> changes);

	/**
	 * Turns one channel off for every kind (e.g. Telegram after the user blocked the
	 * bot).
	 */
	void disableChannel(long userId, Channel channel);

}
