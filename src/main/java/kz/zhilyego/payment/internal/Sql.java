package kz.zhilyego.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import kz.zhilyego.common.Instants;
import org.jspecify.annotations.Nullable;

/** Time conversions for the payment module's SQL ({@link Instants}). */
final class Sql {

	private Sql() {
	}

	static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return Instants.utcOrNull(instant);
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		return Instants.readOrNull(rs, column);
	}

	static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
		return Instants.read(rs, column);
	}

}
