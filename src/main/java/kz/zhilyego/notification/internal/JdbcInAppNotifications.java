package kz.zhilyego.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.notification.InAppInbox;
import kz.zhilyego.notification.InAppNotification;
import kz.zhilyego.notification.InAppNotifications;
import kz.zhilyego.notification.NotificationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code in_app_notifications} table, always filtered by the owner. */
@Service
class JdbcInAppNotifications implements InAppNotifications {

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcInAppNotifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public InAppInbox list(long userId, int limit) {
		long unread = this.jdbc
			.sql("select count(*) from in_app_notifications where user_id = :userId and read_at is null")
			.param("userId", userId)
			.query(Long.class)
			.single();
		List<InAppNotification> items = this.jdbc.sql("""
				select id, kind, title, body, link, read_at, created_at
				from in_app_notifications
				where user_id = :userId
				order by created_at desc, id desc
				limit :limit
				""").param("userId", userId).param("limit", Math.min(Math.max(limit, 1), 100)).query((rs, row) -> {
			Timestamp readAt = rs.getTimestamp("read_at");
			return new InAppNotification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
					rs.getString("title"), rs.getString("body"), rs.getString("link"),
					readAt == null ? null : readAt.toInstant(), rs.getTimestamp("created_at").toInstant());
		}).list();
		return new InAppInbox(unread, items);
	}

	@Override
	@Transactional
	public void markRead(long userId, long notificationId) {
		int found = this.jdbc.sql("""
				update in_app_notifications
				set read_at = coalesce(read_at, :now)
				where id = :id and user_id = :userId
				""")
			.param("now", Instants.utc(this.clock.instant()))
			.param("id", notificationId)
			.param("userId", userId)
			.update();
		if (found == 0) {
			throw ProblemException.notFound("notification.inApp.notFound");
		}
	}

	/**
	 * A booking was paid: its earlier "payment failed" notices are gone from the inbox,
	 * and those not sent yet (any channel) are skipped. Returns the inbox entries
	 * removed.
	 */
	@Transactional
	public int clearPaymentFailures(java.util.UUID bookingId) {
		this.jdbc.sql("""
				update notification_outbox
				set status = 'SKIPPED', last_error = 'the booking was paid since'
				where kind = 'PAYMENT_FAILED_GUEST' and status = 'PENDING' and params ->> 'bookingId' = :bookingId
				""").param("bookingId", bookingId.toString()).update();
		return this.jdbc.sql("""
				delete from in_app_notifications n
				using notification_outbox o
				where n.outbox_id = o.id and o.kind = 'PAYMENT_FAILED_GUEST' and o.params ->> 'bookingId' = :bookingId
				""").param("bookingId", bookingId.toString()).update();
	}

	@Override
	@Transactional
	public int markAllRead(long userId) {
		return this.jdbc.sql("""
				update in_app_notifications set read_at = :now
				where user_id = :userId and read_at is null
				""").param("now", Instants.utc(this.clock.instant())).param("userId", userId).update();
	}

}
