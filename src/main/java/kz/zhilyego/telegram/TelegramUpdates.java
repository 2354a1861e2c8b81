package kz.zhilyego.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import kz.zhilyego.common.Instants;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code telegram_updates} (every update once: {@code update_id} is the primary key, so a
 * retried or twice-delivered update is refused by PostgreSQL) and {@code telegram_chats}
 * (the per-chat processing lease and the "blocked" mark).
 */
@Repository
class TelegramUpdates {

	private final JdbcClient jdbc;

	private final Clock clock;

	TelegramUpdates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private OffsetDateTime nowTimestamp() {
		return Instants.utc(this.clock.instant());
	}

	/** Stores the update; false when it was stored before (a duplicate). */
	boolean store(long updateId, long chatId, String payload) {
		return this.jdbc.sql("""
				insert into telegram_updates (update_id, chat_id, payload, received_at)
				values (:id, :chat, :payload, :now)
				on conflict (update_id) do nothing
				""")
			.param("id", updateId)
			.param("chat", chatId)
			.param("payload", payload)
			.param("now", nowTimestamp())
			.update() == 1;
	}

	record Pending(long updateId, String payload) {
	}

	/** The chat's oldest unprocessed update. */
	Optional<Pending> next(long chatId) {
		return this.jdbc.sql("""
				select update_id, payload from telegram_updates
				where chat_id = :chat and processed_at is null
				order by update_id
				limit 1
				""")
			.param("chat", chatId)
			.query((rs, n) -> new Pending(rs.getLong("update_id"), rs.getString("payload")))
			.optional();
	}

	boolean hasPending(long chatId) {
		return next(chatId).isPresent();
	}

	void markProcessed(long updateId, @Nullable String error) {
		this.jdbc.sql("update telegram_updates set processed_at = :now, error = :error where update_id = :id")
			.param("now", nowTimestamp())
			.param("error", error)
			.param("id", updateId)
			.update();
	}

	/** Chats with unprocessed updates, oldest first. */
	List<Long> chatsWithPending(int limit) {
		return this.jdbc.sql("""
				select chat_id from telegram_updates where processed_at is null
				group by chat_id order by min(update_id) limit :limit
				""").param("limit", limit).query(Long.class).list();
	}

	/**
	 * Takes the chat's lease for {@code owner} unless another owner holds an unexpired
	 * one.
	 */
	boolean lease(long chatId, String owner, Duration duration) {
		OffsetDateTime now = nowTimestamp();
		return this.jdbc
			.sql("""
					insert into telegram_chats (chat_id, lease_owner, lease_until) values (:chat, :owner, :until)
					on conflict (chat_id) do update set lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
					where telegram_chats.lease_until is null or telegram_chats.lease_until < :now
					   or telegram_chats.lease_owner = excluded.lease_owner
					""")
			.param("chat", chatId)
			.param("owner", owner)
			.param("until", Instants.utc(now.toInstant().plus(duration)))
			.param("now", now)
			.update() == 1;
	}

	void release(long chatId, String owner) {
		this.jdbc.sql("update telegram_chats set lease_until = null where chat_id = :chat and lease_owner = :owner")
			.param("chat", chatId)
			.param("owner", owner)
			.update();
	}

	void markBlocked(long chatId) {
		this.jdbc.sql("""
				insert into telegram_chats (chat_id, blocked_at) values (:chat, :now)
				on conflict (chat_id) do update set blocked_at = excluded.blocked_at
				""").param("chat", chatId).param("now", nowTimestamp()).update();
	}

	void clearBlocked(long chatId) {
		this.jdbc.sql("update telegram_chats set blocked_at = null where chat_id = :chat and blocked_at is not null")
			.param("chat", chatId)
			.update();
	}

	boolean blocked(long chatId) {
		return this.jdbc
			.sql("select exists (select 1 from telegram_chats where chat_id = :chat and blocked_at is not null)")
			.param("chat", chatId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Forgets processed updates received before {@code cutoff} (Telegram retries an
	 * update for a day at most, so the duplicate check needs no more).
	 */
	int deleteProcessedBefore(java.time.Instant cutoff) {
		return this.jdbc.sql("delete from telegram_updates where processed_at is not null and received_at < :cutoff")
			.param("cutoff", Instants.utc(cutoff))
			.update();
	}

	java.time.Instant now() {
		return this.clock.instant();
	}

}
