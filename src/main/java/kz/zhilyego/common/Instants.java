package kz.zhilyego.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * The one way to bind and read an {@link Instant} in SQL ({@code timestamptz} columns):
 * bound as an {@link OffsetDateTime} in UTC (the JDBC 4.2 type of
 * {@code timestamp with time zone}, independent of the JVM's zone), read with
 * {@link ResultSet#getTimestamp} as an instant.
 */
public final class Instants {

	private Instants() {
	}

	/** The value to bind for an instant. */
	public static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** The value to bind for an instant that may be null (binds SQL null). */
	public static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
		return instant == null ? null : utc(instant);
	}

	/** A column that is never null. */
	public static Instant read(ResultSet rs, String column) throws SQLException {
		Instant instant = readOrNull(rs, column);
		if (instant == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return instant;
	}

	/** A column that may be null. */
	public static @Nullable Instant readOrNull(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
