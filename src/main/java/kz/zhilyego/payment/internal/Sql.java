package kz.zhilyego.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/** Time conversions for the payment module's SQL. */
final class Sql {

	private Sql() {
	}

	static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
		Instant instant = instant(rs, column);
		if (instant == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return instant;
	}

}
