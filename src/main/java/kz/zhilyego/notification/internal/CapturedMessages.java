package kz.zhilyego.notification.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the development mail catcher ({@code captured_messages}). */
@Repository
public class CapturedMessages {

	private final JdbcClient jdbc;

	CapturedMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Newest first. */
	public List<Captured> latest(int limit) {
		return this.jdbc.sql("""
				select id, channel, address, kind, language, subject, body, html, created_at
				from captured_messages
				order by created_at desc, id desc
				limit :limit
				""")
			.param("limit", limit)
			.query((rs, row) -> new Captured(rs.getLong("id"), rs.getString("channel"), rs.getString("address"),
					rs.getString("kind"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
					rs.getString("html"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * One captured message; {@code body} is text (Telegram: its HTML), {@code html}
	 * e-mail only.
	 */
	public record Captured(long id, String channel, @Nullable String address, String kind, String language,
			@Nullable String subject, String body, @Nullable String html, Instant createdAt) {

	}

}
