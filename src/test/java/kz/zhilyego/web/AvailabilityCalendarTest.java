package kz.zhilyego.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityCalendarTest {

	private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

	private static final List<LocalDate> TAKEN = List.of(LocalDate.parse("2026-12-20"), LocalDate.parse("2026-12-21"));

	@Test
	void withACheckInTheCheckOutCanBeAnyDayUpToTheFirstTakenNight() {
		AvailabilityCalendar calendar = AvailabilityCalendar.of(TODAY, 1, TAKEN, Locale.of("ru"),
				LocalDate.parse("2026-12-18"), null, "/p", 2);
		assertThat(day(calendar, "2026-12-18").start()).isTrue();
		assertThat(day(calendar, "2026-12-19").pick()).isEqualTo("check-out");
		assertThat(day(calendar, "2026-12-20").pick()).isEqualTo("check-out");
		assertThat(day(calendar, "2026-12-20").href())
			.isEqualTo("/p?checkIn=2026-12-18&checkOut=2026-12-20&guests=2#book");
		assertThat(day(calendar, "2026-12-21").pick()).isNull();
		assertThat(day(calendar, "2026-12-22").pick()).isEqualTo("check-in");
		assertThat(day(calendar, "2026-12-17").pick()).isEqualTo("check-in");
	}

	@Test
	void aChosenStayMarksItsNightsAndNewStaysStartOnFreeDaysOnly() {
		AvailabilityCalendar calendar = AvailabilityCalendar.of(TODAY, 2, TAKEN, Locale.of("ru"),
				LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-13"), "/p", null);
		assertThat(day(calendar, "2026-12-10").chosen()).isTrue();
		assertThat(day(calendar, "2026-12-12").chosen()).isTrue();
		assertThat(day(calendar, "2026-12-13").chosen()).isFalse();
		assertThat(day(calendar, "2026-12-13").end()).isTrue();
		assertThat(day(calendar, "2026-12-20").pick()).isNull();
		assertThat(day(calendar, "2027-01-05").href()).isEqualTo("/p?checkIn=2027-01-05#availability");
		assertThat(day(calendar, "2026-12-05").label()).startsWith("5 дек.").contains("2026");
	}

	@Test
	void eachCellCarriesTheClassesOfItsState() {
		AvailabilityCalendar calendar = AvailabilityCalendar.of(LocalDate.parse("2026-12-05"), 1, TAKEN,
				Locale.of("ru"), LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-13"), "/p", null);
		assertThat(day(calendar, "2026-12-04").css()).isEqualTo("zg-past");
		assertThat(day(calendar, "2026-12-09").css()).isEqualTo("zg-free");
		assertThat(day(calendar, "2026-12-10").css()).isEqualTo("zg-free zg-chosen zg-start");
		assertThat(day(calendar, "2026-12-11").css()).isEqualTo("zg-free zg-chosen");
		assertThat(day(calendar, "2026-12-13").css()).isEqualTo("zg-free zg-end");
		assertThat(day(calendar, "2026-12-20").css()).isEqualTo("zg-busy");
		assertThat(day(calendar, "2026-12-20").busyAhead()).isTrue();
		assertThat(day(calendar, "2026-12-09").busyAhead()).isFalse();
		// December 2026 starts on a Tuesday: one padding cell before the 1st
		AvailabilityCalendar.Day padding = calendar.months().get(0).weeks().get(0).get(0);
		assertThat(padding.css()).isEqualTo("zg-pad");
		assertThat(padding.busyAhead()).isFalse();
	}

	private static AvailabilityCalendar.Day day(AvailabilityCalendar calendar, String date) {
		LocalDate wanted = LocalDate.parse(date);
		return calendar.months()
			.stream()
			.flatMap(m -> m.weeks().stream())
			.flatMap(List::stream)
			.filter(d -> Objects.equals(d.date(), wanted))
			.findFirst()
			.orElseThrow();
	}

}
