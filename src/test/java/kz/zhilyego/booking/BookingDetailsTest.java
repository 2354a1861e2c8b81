package kz.zhilyego.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "hold still open" rule on the type: one place for the site, the bot and payments.
 */
class BookingDetailsTest {

	static final Instant EXPIRES = Instant.parse("2026-12-01T10:15:00Z");

	@ParameterizedTest
	@CsvSource({ "HOLD, 2026-12-01T10:14:59Z, true, false", "HOLD, 2026-12-01T10:15:00Z, false, true",
			"HOLD, 2026-12-01T11:00:00Z, false, true", "CONFIRMED, 2026-12-01T10:00:00Z, false, false",
			"EXPIRED, 2026-12-01T10:00:00Z, false, false", "EXPIRED, 2026-12-01T11:00:00Z, false, false",
			"CANCELLED, 2026-12-01T10:00:00Z, false, false" })
	void aHoldIsOpenUntilItsExpiryAndLapsedFromItWhateverTheJob(BookingStatus status, Instant now, boolean open,
			boolean lapsed) {
		BookingDetails booking = booking(status);
		assertThat(booking.holdOpenAt(now)).isEqualTo(open);
		assertThat(booking.holdLapsedAt(now)).isEqualTo(lapsed);
	}

	static BookingDetails booking(BookingStatus status) {
		return new BookingDetails(UUID.randomUUID(), status, 1, "Студия", 2, 3, "Гость", "+77010000000", null,
				LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 12), 2, 1, null, List.of(), BigDecimal.TEN,
				BigDecimal.ZERO, BigDecimal.TEN, "KZT", BigDecimal.ONE, BigDecimal.ONE, EXPIRES,
				EXPIRES.minusSeconds(900), null, null, null, null, null, null, null, null, null, null, null,
				LocalTime.of(14, 0), LocalTime.of(12, 0), "ул. Кенесары, 1", null, null, "+77010000001", null);
	}

}
