package kz.zhilyego.notification.internal;

import java.util.EnumMap;
import java.util.Map;

import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Settings rows exist only for switches a user changed; a missing row means enabled. */
@Service
class JdbcNotificationSettings implements NotificationSettings {

	private final JdbcClient jdbc;

	JdbcNotificationSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean isEnabled(long userId, NotificationKind kind, Channel channel) {
		return this.jdbc.sql("""
				select enabled from notification_settings
				where user_id = :userId and kind = :kind and channel = :channel
				""")
			.param("userId", userId)
			.param("kind", kind.name())
			.param("channel", channel.name())
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	@Override
	public Map<NotificationKind, Map<Channel, Boolean>> matrix(long userId) {
		Map<NotificationKind, Map<Channel, Boolean>> matrix = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			if (OutboxNotifications.ALWAYS_SENT.contains(kind)) {
				// not a switch: always sent
				continue;
			}
			Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
			for (Channel channel : Channel.values()) {
				channels.put(channel, true);
			}
			matrix.put(kind, channels);
		}
		this.jdbc.sql("select kind, channel, enabled from notification_settings where user_id = :userId")
			.param("userId", userId)
			.query((rs, row) -> {
				Map<Channel, Boolean> channels = matrix.get(NotificationKind.valueOf(rs.getString("kind")));
				if (channels != null) {
					channels.put(Channel.valueOf(rs.getString("channel")), rs.getBoolean("enabled"));
				}
				return row;
			})
			.list();
		return matrix;
	}

	@Override
	@Transactional
	public Map<NotificationKind, Map<Channel, Boolean>> update(long userId,
			Map<NotificationKind, Map<Channel, Boolean>> changes) {
		changes
			.forEach((kind, channels) -> channels.forEach((channel, enabled) -> set(userId, kind, channel, enabled)));
		return matrix(userId);
	}

	@Override
	@Transactional
	public void disableChannel(long userId, Channel channel) {
		for (NotificationKind kind : NotificationKind.values()) {
			set(userId, kind, channel, false);
		}
	}

	private void set(long userId, NotificationKind kind, Channel channel, boolean enabled) {
		this.jdbc.sql("""
				insert into notification_settings (user_id, kind, channel, enabled)
				values (:userId, :kind, :channel, :enabled)
				on conflict (user_id, kind, channel) do update set enabled = excluded.enabled
				""")
			.param("userId", userId)
			.param("kind", kind.name())
			.param("channel", channel.name())
			.param("enabled", enabled)
			.update();
	}

}
