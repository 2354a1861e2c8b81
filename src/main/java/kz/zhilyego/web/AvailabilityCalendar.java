package kz.zhilyego.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A server-rendered month grid of a listing's availability: Monday-first weeks, each day
 * free, occupied or past. Works without JavaScript and without outside services.
 */
record AvailabilityCalendar(List<Month> months, List<String> weekdays) {

	record Month(String title, List<List<Day>> weeks) {
	}

	/**
	 * One cell; {@code date} is null for padding before the 1st and after the last day.
	 */
	record Day(@org.jspecify.annotations.Nullable LocalDate date, boolean occupied, boolean past) {

		public int number() {
			return this.date == null ? 0 : this.date.getDayOfMonth();
		}

	}

	static AvailabilityCalendar of(LocalDate today, int monthCount, Collection<LocalDate> occupiedDates,
			Locale locale) {
		Set<LocalDate> occupied = new HashSet<>(occupiedDates);
		List<Month> months = new ArrayList<>();
		YearMonth first = YearMonth.from(today);
		for (int i = 0; i < monthCount; i++) {
			YearMonth ym = first.plusMonths(i);
			List<List<Day>> weeks = new ArrayList<>();
			List<Day> week = new ArrayList<>();
			int padding = ym.atDay(1).getDayOfWeek().getValue() - 1;
			for (int p = 0; p < padding; p++) {
				week.add(new Day(null, false, false));
			}
			for (int d = 1; d <= ym.lengthOfMonth(); d++) {
				LocalDate date = ym.atDay(d);
				week.add(new Day(date, occupied.contains(date), date.isBefore(today)));
				if (week.size() == 7) {
					weeks.add(week);
					week = new ArrayList<>();
				}
			}
			if (!week.isEmpty()) {
				while (week.size() < 7) {
					week.add(new Day(null, false, false));
				}
				weeks.add(week);
			}
			String name = ym.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
			months.add(new Month(capitalize(name, locale) + " " + ym.getYear(), weeks));
		}
		List<String> weekdays = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			weekdays.add(day.getDisplayName(TextStyle.SHORT_STANDALONE, locale));
		}
		return new AvailabilityCalendar(months, weekdays);
	}

	private static String capitalize(String text, Locale locale) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
	}

}
