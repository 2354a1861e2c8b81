package kz.zhilyego.notification.internal;

import java.time.Clock;

import kz.zhilyego.common.Instants;
import kz.zhilyego.notification.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for a channel that is not configured (the development default): stores the
 * rendered message, codes masked, for the {@code /dev/mail} page instead of sending it.
 */
class CapturingSender implements ChannelSender {

	private final Channel channel;

	private final JdbcClient jdbc;

	private final Clock clock;

	CapturingSender(Channel channel, JdbcClient jdbc, Clock clock) {
		this.channel = channel;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return this.channel;
	}

	@Override
	public SendResult send(OutboxMessage message, RenderedMessage rendered) {
		String body = switch (this.channel) {
			case TELEGRAM -> rendered.telegramHtml();
			case WHATSAPP -> rendered.text() + "\n[template " + message.kind() + " " + rendered.whatsAppParams() + "]";
			default -> rendered.text();
		};
		long id = this.jdbc
			.sql("""
					insert into captured_messages (outbox_id, channel, address, kind, language, subject, body, html, created_at)
					values (:outboxId, :channel, :address, :kind, :language, :subject, :body, :html, :createdAt)
					returning id
					""")
			.param("outboxId", message.id())
			.param("channel", this.channel.name())
			.param("address", message.address())
			.param("kind", message.kind().name())
			.param("language", message.language().code())
			.param("subject", rendered.subject())
			.param("body", rendered.masked(body))
			.param("html", this.channel == Channel.EMAIL ? rendered.masked(rendered.html()) : null)
			.param("createdAt", Instants.utc(this.clock.instant()))
			.query(Long.class)
			.single();
		return new SendResult.Sent("captured:" + id);
	}

}
