package kz.zhilyego.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.zhilyego.common.Instants;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chat's tables, in SQL. */
@Repository
class ChatMessages {

	private final JdbcClient jdbc;

	ChatMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Makes the booking's chat if it has none yet (its two participants). */
	void ensureChat(UUID bookingId, long guestId, long realtorId, Instant now) {
		this.jdbc.sql("""
				insert into booking_chats (booking_id, guest_id, realtor_id, created_at)
				values (:booking, :guest, :realtor, :now)
				on conflict (booking_id) do nothing
				""")
			.param("booking", bookingId)
			.param("guest", guestId)
			.param("realtor", realtorId)
			.param("now", Instants.utc(now))
			.update();
	}

	/** Locks the chat row: posts in one chat are serialised (the notice debounce). */
	void lock(UUID bookingId) {
		this.jdbc.sql("select booking_id from booking_chats where booking_id = :booking for update")
			.param("booking", bookingId)
			.query(UUID.class)
			.optional();
	}

	long insert(UUID bookingId, long authorId, String side, @Nullable String text, boolean masked,
			@Nullable String photoKey, @Nullable String photoType, int photoSize, String via, Instant now) {
		return this.jdbc.sql("""
				insert into booking_chat_messages (booking_id, author_id, author_side, body, masked, photo_key,
				                                   photo_type, photo_size, via, created_at)
				values (:booking, :author, :side, :body, :masked, :photoKey, :photoType, :photoSize, :via, :now)
				returning id
				""")
			.param("booking", bookingId)
			.param("author", authorId)
			.param("side", side)
			.param("body", text)
			.param("masked", masked)
			.param("photoKey", photoKey)
			.param("photoType", photoType)
			.param("photoSize", photoKey == null ? null : photoSize)
			.param("via", via)
			.param("now", Instants.utc(now))
			.query(Long.class)
			.single();
	}

	/**
	 * A page of the chat, newest first: messages before {@code beforeId} (all when null).
	 * {@code otherReadUpTo}: the last message id the other participant read.
	 */
	List<ChatMessage> page(UUID bookingId, @Nullable Long beforeId, int size, long viewerId) {
		return this.jdbc
			.sql("""
					select m.id, m.booking_id, m.author_id, m.author_side, m.body, m.masked, m.photo_key is not null as photo,
					       m.via, m.created_at, m.deleted_at is not null as deleted,
					       exists (select 1 from booking_chat_reads r
					               where r.booking_id = m.booking_id and r.user_id <> m.author_id
					                 and r.user_id in (c.guest_id, c.realtor_id) and r.last_read_id >= m.id) as read
					from booking_chat_messages m
					join booking_chats c on c.booking_id = m.booking_id
					where m.booking_id = :booking and m.id < coalesce(cast(:before as bigint), 9223372036854775807)
					order by m.id desc
					limit :size
					""")
			.param("booking", bookingId)
			.param("before", beforeId)
			.param("size", size)
			.query(ChatMessages::map)
			.list();
	}

	Optional<Stored> find(UUID bookingId, long messageId) {
		return this.jdbc.sql("""
				select id, author_id, photo_key, photo_type, deleted_at is not null as deleted
				from booking_chat_messages where booking_id = :booking and id = :id
				""")
			.param("booking", bookingId)
			.param("id", messageId)
			.query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("author_id"), rs.getString("photo_key"),
					rs.getString("photo_type"), rs.getBoolean("deleted")))
			.optional();
	}

	/** A stored message's author and photo. */
	record Stored(long id, long authorId, @Nullable String photoKey, @Nullable String photoType, boolean deleted) {
	}

	boolean softDelete(long messageId, long authorId, Instant now) {
		return this.jdbc.sql("""
				update booking_chat_messages set deleted_at = :now, deleted_by = :author
				where id = :id and author_id = :author and deleted_at is null
				""").param("id", messageId).param("author", authorId).param("now", Instants.utc(now)).update() == 1;
	}

	/** Marks everything up to the newest message as read by the user. */
	void markRead(UUID bookingId, long userId, Instant now) {
		this.jdbc
			.sql("""
					insert into booking_chat_reads (booking_id, user_id, last_read_id, read_at)
					select :booking, :user, coalesce(max(id), 0), :now from booking_chat_messages where booking_id = :booking
					on conflict (booking_id, user_id) do update
					set last_read_id = greatest(booking_chat_reads.last_read_id, excluded.last_read_id),
					    read_at = excluded.read_at
					""")
			.param("booking", bookingId)
			.param("user", userId)
			.param("now", Instants.utc(now))
			.update();
	}

	/** Messages of others the user has not read (deleted ones do not count). */
	int unread(UUID bookingId, long userId) {
		return this.jdbc.sql("""
				select count(*) from booking_chat_messages m
				where m.booking_id = :booking and m.author_id <> :user and m.deleted_at is null
				  and m.id > coalesce((select last_read_id from booking_chat_reads
				                       where booking_id = :booking and user_id = :user), 0)
				""").param("booking", bookingId).param("user", userId).query(Integer.class).single();
	}

	/**
	 * Whether the recipient should be told of a new message: nothing unread before it (a
	 * new burst), or the last notice is older than {@code quiet}. Records the notice.
	 */
	boolean claimNotice(UUID bookingId, long recipientId, long messageId, Instant now, Instant quietSince) {
		int unreadBefore = this.jdbc.sql("""
				select count(*) from booking_chat_messages m
				where m.booking_id = :booking and m.author_id <> :user and m.deleted_at is null and m.id < :message
				  and m.id > coalesce((select last_read_id from booking_chat_reads
				                       where booking_id = :booking and user_id = :user), 0)
				""")
			.param("booking", bookingId)
			.param("user", recipientId)
			.param("message", messageId)
			.query(Integer.class)
			.single();
		Instant notified = this.jdbc.sql("""
				select notified_at from booking_chat_reads where booking_id = :booking and user_id = :user
				""").param("booking", bookingId).param("user", recipientId).query((rs, n) -> {
			Timestamp at = rs.getTimestamp(1);
			return at == null ? Instant.EPOCH : at.toInstant();
		}).optional().orElse(Instant.EPOCH);
		if (unreadBefore > 0 && notified.isAfter(quietSince)) {
			return false;
		}
		this.jdbc.sql("""
				insert into booking_chat_reads (booking_id, user_id, last_read_id, notified_at)
				values (:booking, :user, 0, :now)
				on conflict (booking_id, user_id) do update set notified_at = excluded.notified_at
				""").param("booking", bookingId).param("user", recipientId).param("now", Instants.utc(now)).update();
		return true;
	}

	private static ChatMessage map(ResultSet rs, int n) throws SQLException {
		boolean deleted = rs.getBoolean("deleted");
		return new ChatMessage(rs.getLong("id"), rs.getObject("booking_id", UUID.class), rs.getLong("author_id"), "",
				rs.getString("author_side"), deleted ? null : rs.getString("body"), rs.getBoolean("masked"),
				!deleted && rs.getBoolean("photo"), rs.getString("via"), rs.getTimestamp("created_at").toInstant(),
				deleted, rs.getBoolean("read"));
	}

}
