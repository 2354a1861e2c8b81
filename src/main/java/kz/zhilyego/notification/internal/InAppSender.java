package kz.zhilyego.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;

import kz.zhilyego.notification.Channel;
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
		this.jdbc.sql("""
				insert into in_app_notifications (user_id, outbox_id, kind, title, body, link, created_at)
				values (:userId, :outboxId, :kind, :title, :body, :link, :createdAt)
				on conflict (outbox_id) do nothing
				""")
			.param("userId", userId)
			.param("outboxId", message.id())
			.param("kind", message.kind().name())
			.param("title", rendered.subject())
			.param("body", rendered.masked(rendered.text()))
			.param("link", rendered.link())
			.param("createdAt", Timestamp.from(this.clock.instant()))
			.update();
		return new SendResult.Sent("in-app:" + message.id());
	}

}
