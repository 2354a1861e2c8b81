package kz.zhilyego.booking;

import java.util.Arrays;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookingStatusTest {

	@Test
	void anActiveStayIsAPaidStayThatIsAheadOrUnderWay() {
		assertThat(Arrays.stream(BookingStatus.values()).filter(BookingStatus::isActiveStay))
			.containsExactly(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN);
		assertThat(BookingStatus.PAID_STAYS).containsExactlyInAnyOrder(BookingStatus.CONFIRMED,
				BookingStatus.CHECKED_IN, BookingStatus.COMPLETED);
		assertThat(BookingStatus.PAID_STAYS).containsAll(BookingStatus.ACTIVE_STAYS);
	}

	@Test
	void activeStaysOccupyNightsAndAreNotFinal() {
		for (BookingStatus status : BookingStatus.ACTIVE_STAYS) {
			assertThat(status.occupiesNights()).as(status.name()).isTrue();
			assertThat(status.isFinal()).as(status.name()).isFalse();
		}
	}

	@Test
	void theSqlListNamesTheStatusesInTheirLifecycleOrder() {
		assertThat(BookingStatus.sqlList(BookingStatus.PAID_STAYS)).isEqualTo("'CONFIRMED', 'CHECKED_IN', 'COMPLETED'");
		assertThat(BookingStatus.sqlList(EnumSet.of(BookingStatus.CHECKED_IN, BookingStatus.HOLD)))
			.isEqualTo("'HOLD', 'CHECKED_IN'");
	}

}
