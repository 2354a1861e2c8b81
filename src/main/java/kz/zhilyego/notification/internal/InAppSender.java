package kz.zhilyego.notification.internal;

import java.net.URI;
import java.time.Clock;

import kz.zhilyego.common.Instants;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivers into the in-app inbox. The row is keyed by the outbox id, so a repeated
 * delivery (after a lost lease) inserts nothing: in-app is effectively exactly-once.
 */
class InAppSender implements ChannelSender {

	private final JdbcClient jdbc;

	private final Clock clock;

	InAppSender(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return Channel.IN_APP;
	}

	@Override
	public SendResult send(OutboxMessage message, RenderedMessage rendered) {
		Long userId = message.recipientUserId();
		if (userId == null) {
			return new SendResult.Rejected("in-app message without a recipient");
		}
		if (message.kind() == NotificationKind.PAYMENT_FAILED_GUEST && paidSince(message)) {
			// the booking was paid after this failure: the notice would only mislead
			return new SendResult.Sent("in-app:superseded");
		}
		this.jdbc.sql("""
				insert into in_app_notifications (user_id, outbox_id, kind, title, body, link, created_at)
				values (:userId, :outboxId, :kind, :title, :body, :link, :createdAt)
				on conflict (outbox_id) do nothing
				""")
			.param("userId", userId)
			.param("outboxId", message.id())
			.param("kind", message.kind().name())
			.param("title", rendered.subject())
			.param("body", rendered.masked(rendered.inAppText()))
			.param("link", local(rendered.link()))
			.param("createdAt", Instants.utc(this.clock.instant()))
			.update();
		return new SendResult.Sent("in-app:" + message.id());
	}

	/** Whether the booking of this failed payment has a confirmation queued since. */
	private boolean paidSince(OutboxMessage message) {
		String bookingId = message.params().get("bookingId");
		return bookingId != null && this.jdbc.sql("""
				select exists (select 1 from notification_outbox
				               where kind = 'BOOKING_CONFIRMED_GUEST' and params ->> 'bookingId' = :bookingId)
				""").param("bookingId", bookingId).query(Boolean.class).single();
	}

	/**
	 * The inbox is on the site itself: a link to one of its pages is kept as a path
	 * ({@code /account/bookings/…}), whatever public address the messages were written
	 * with.
	 */
	static @Nullable String local(@Nullable String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		try {
			URI uri = URI.create(link);
			if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
				return link;
			}
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
					+ (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
