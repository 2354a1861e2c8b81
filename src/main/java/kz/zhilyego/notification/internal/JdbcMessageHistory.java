package kz.zhilyego.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.MessageHistory;
import kz.zhilyego.notification.NotificationKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link MessageHistory} over {@code notification_outbox}; every order ends with the id.
 */
@Service
class JdbcMessageHistory implements MessageHistory {

	private static final String COLUMNS = """
			select id, kind, channel, booking_id, recipient_user_id, address, status, attempts, provider_message_id,
			       created_at, sent_at, next_attempt_at, last_error
			from notification_outbox
			""";

	private final JdbcClient jdbc;

	JdbcMessageHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<Entry> ofRecipient(long userId, @Nullable Channel channel, int page, int size) {
		return search(new Filter(channel, null, null, null, userId, null, null, page, size));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> ofBooking(UUID bookingId) {
		return this.jdbc.sql(COLUMNS + " where booking_id = :booking order by created_at, id limit 1000")
			.param("booking", bookingId)
			.query(JdbcMessageHistory::entry)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<Entry> search(Filter filter) {
		// fixed SQL; every filter is a parameter (null = any)
		String where = """
				 where (cast(:channel as text) is null or channel = :channel)
				   and (cast(:status as text) is null or status = :status)
				   and (cast(:kind as text) is null or kind = :kind)
				   and (cast(:booking as uuid) is null or booking_id = cast(:booking as uuid))
				   and (cast(:recipient as bigint) is null or recipient_user_id = :recipient)
				   and (cast(:from as timestamptz) is null or created_at >= :from)
				   and (cast(:to as timestamptz) is null or created_at < :to)
				""";
		Map<String, Object> params = new HashMap<>();
		params.put("channel", filter.channel() == null ? null : filter.channel().name());
		params.put("status", filter.status());
		params.put("kind", filter.kind() == null ? null : filter.kind().name());
		params.put("booking", filter.bookingId());
		params.put("recipient", filter.recipientUserId());
		params.put("from", filter.from() == null ? null : Instants.utc(filter.from()));
		params.put("to", filter.to() == null ? null : Instants.utc(filter.to()));
		long total = this.jdbc.sql("select count(*) from notification_outbox" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", filter.size());
		params.put("offset", (long) filter.page() * filter.size());
		List<Entry> items = this.jdbc
			.sql(COLUMNS + where + " order by created_at desc, id desc limit :limit offset :offset")
			.params(params)
			.query(JdbcMessageHistory::entry)
			.list();
		return new PageResult<>(total, filter.page(), filter.size(), items);
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
				Channel.valueOf(rs.getString("channel")), rs.getObject("booking_id", UUID.class),
				Outbox.nullableLong(rs, "recipient_user_id"), rs.getString("address"), rs.getString("status"),
				rs.getInt("attempts"), rs.getString("provider_message_id"), instant(rs, "created_at"),
				instant(rs, "sent_at"),
				"PENDING".equals(rs.getString("status")) ? instant(rs, "next_attempt_at") : null,
				rs.getString("last_error"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
