package kz.zhilyego.chatbot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import kz.zhilyego.common.Instants;
import kz.zhilyego.common.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code chat_dialogs} table: one row per chat with its language, linked user and
 * state. A state untouched for longer than the TTL is read as a fresh one (the language
 * stays).
 */
@Repository
class Dialogs {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	Dialogs(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	record Row(@Nullable Long userId, @Nullable Language language, DialogState state, Instant updatedAt) {
	}

	Optional<Row> find(ChatKey key, Duration ttl) {
		return this.jdbc
			.sql("select user_id, language, state, updated_at from chat_dialogs where messenger = :m and chat_id = :c")
			.param("m", key.messenger())
			.param("c", key.chatId())
			.query((rs, n) -> {
				Instant updated = Instants.read(rs, "updated_at");
				boolean expired = updated.plus(ttl).isBefore(this.clock.instant());
				String language = rs.getString("language");
				long user = rs.getLong("user_id");
				return new Row(rs.wasNull() ? null : user, language == null ? null : Language.ofCode(language),
						expired ? new DialogState() : this.json.readValue(rs.getString("state"), DialogState.class),
						updated);
			})
			.optional();
	}

	void save(ChatKey key, @Nullable Long userId, @Nullable Language language, DialogState state) {
		this.jdbc.sql("""
				insert into chat_dialogs (messenger, chat_id, user_id, language, state, updated_at)
				values (:m, :c, :user, :language, cast(:state as jsonb), :now)
				on conflict (messenger, chat_id) do update set user_id = excluded.user_id,
				    language = excluded.language, state = excluded.state, updated_at = excluded.updated_at
				""")
			.param("m", key.messenger())
			.param("c", key.chatId())
			.param("user", userId)
			.param("language", language == null ? null : language.code())
			.param("state", this.json.writeValueAsString(state))
			.param("now", Instants.utc(this.clock.instant()))
			.update();
	}

	/** The chats of a user on one messenger (usually one). */
	java.util.List<Long> chatsOf(String messenger, long userId) {
		return this.jdbc
			.sql("""
					select chat_id from chat_dialogs where messenger = :m and user_id = :user order by updated_at desc, chat_id
					""")
			.param("m", messenger)
			.param("user", userId)
			.query(Long.class)
			.list();
	}

	/** Forgets the states of dialogs idle for longer than the TTL (language stays). */
	int expireIdle(Duration ttl) {
		return this.jdbc.sql("update chat_dialogs set state = '{}' where updated_at < :cutoff and state <> '{}'::jsonb")
			.param("cutoff", Instants.utc(this.clock.instant().minus(ttl)))
			.update();
	}

}
