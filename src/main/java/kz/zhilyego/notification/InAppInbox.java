package kz.zhilyego.notification;

import java.util.List;

/** A page of the inbox, newest first, with the number of unread entries overall. */
public record InAppInbox(long unreadCount, List<InAppNotification> items) {

	public InAppInbox {
		items = List.copyOf(items);
	}

}
