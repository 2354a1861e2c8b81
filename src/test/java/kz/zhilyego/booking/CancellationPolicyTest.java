package kz.zhilyego.booking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import kz.zhilyego.common.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CancellationPolicyTest {

	private static final CancellationPolicy POLICY = new CancellationPolicy(Duration.ofHours(24), Duration.ofHours(12),
			BigDecimal.valueOf(50));

	private static final Instant CHECK_IN = Instant.parse("2026-12-10T09:00:00Z");

	private static final Money PAID = Money.kzt(40_000);

	@ParameterizedTest(name = "{0} min before check-in, staff={1}, {2} → refund {3}")
	@CsvSource(textBlock = """
			2880, false, CONFIRMED, 40000
			1440, false, CONFIRMED, 40000
			1439, false, CONFIRMED, 20000
			720,  false, CONFIRMED, 20000
			719,  false, CONFIRMED, 0
			0,    false, CONFIRMED, 0
			-60,  false, CONFIRMED, 0
			60,   true,  CONFIRMED, 40000
			-60,  true,  CONFIRMED, 40000
			2880, false, HOLD,      0
			""")
	void refundsByTimeBeforeCheckInAndInFullForStaff(long minutesBefore, boolean staff, BookingStatus status,
			long refund) {
		Instant now = CHECK_IN.minus(Duration.ofMinutes(minutesBefore));

		CancellationPolicy.Decision decision = POLICY.decide(status, staff,
				status == BookingStatus.HOLD ? Money.kzt(0) : PAID, now, CHECK_IN);

		assertThat(decision).isInstanceOfSatisfying(CancellationPolicy.Decision.Allowed.class,
				allowed -> assertThat(allowed.refund()).isEqualTo(Money.kzt(refund)));
	}

	@ParameterizedTest
	@CsvSource({ "CHECKED_IN", "COMPLETED", "CANCELLED", "EXPIRED" })
	void refusesToCancelAnythingButHoldsAndConfirmedBookings(BookingStatus status) {
		assertThat(POLICY.decide(status, true, PAID, CHECK_IN.minus(Duration.ofDays(3)), CHECK_IN))
			.isInstanceOf(CancellationPolicy.Decision.Rejected.class);
	}

}
