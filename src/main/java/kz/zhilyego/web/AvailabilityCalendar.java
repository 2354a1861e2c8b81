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
	 * {@code chosen} marks the nights of the chosen stay, {@code start} its check-in day,
	 * {@code end} its check-out day. {@code pick} is what a tap on the day chooses:
	 * {@code check-in}, {@code check-out} or null (nothing: past or taken); {@code href}
	 * the listing page with that choice made (it works without JavaScript); {@code label}
	 * the date as the page's language writes it.
	 */
	record Day(@org.jspecify.annotations.Nullable LocalDate date, boolean occupied, boolean past, boolean chosen,
			boolean start, boolean end, @org.jspecify.annotations.Nullable String pick,
			@org.jspecify.annotations.Nullable String href, @org.jspecify.annotations.Nullable String label) {

		public int number() {
			return this.date == null ? 0 : this.date.getDayOfMonth();
		}

		/**
		 * The cell's classes: padding, past, occupied or free, then the chosen stay's
		 * marks (one method call per cell instead of an expression in the template).
		 */
		public String css() {
			if (this.date == null) {
				return "zg-pad";
			}
			String css = this.past ? "zg-past" : (this.occupied ? "zg-busy" : "zg-free");
			if (this.chosen) {
				css += " zg-chosen";
			}
			if (this.start) {
				css += " zg-start";
			}
			if (this.end) {
				css += " zg-end";
			}
			return css;
		}

		/**
		 * An occupied day still ahead: the cell says so on hover and to screen readers.
		 */
		public boolean busyAhead() {
			return this.date != null && this.occupied && !this.past;
		}

		static Day padding() {
			return new Day(null, false, false, false, false, false, null, null, null);
		}

	}

	static AvailabilityCalendar of(LocalDate today, int monthCount, Collection<LocalDate> occupiedDates,
			Locale locale) {
		return of(today, monthCount, occupiedDates, locale, null, null, "", null);
	}

	/**
	 * The calendar with the chosen stay marked and each day's choice: with a check-in and
	 * no check-out, a later day is a check-out when every night up to it is free (a taken
	 * day can still be the check-out day); otherwise a free day starts a new stay.
	 */
	static AvailabilityCalendar of(LocalDate today, int monthCount, Collection<LocalDate> occupiedDates, Locale locale,
			@org.jspecify.annotations.Nullable LocalDate checkIn, @org.jspecify.annotations.Nullable LocalDate checkOut,
			String path, @org.jspecify.annotations.Nullable Integer guests) {
		Set<LocalDate> occupied = new HashSet<>(occupiedDates);
		java.time.format.DateTimeFormatter labels = java.time.format.DateTimeFormatter
			.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
			.withLocale(locale);
		boolean choosingCheckOut = checkIn != null && checkOut == null;
		// the first taken night after check-in: the last possible check-out day
		LocalDate limit = null;
		if (choosingCheckOut) {
			limit = checkIn.plusDays(400);
			for (LocalDate night : occupied) {
				if (!night.isBefore(checkIn) && night.isBefore(limit)) {
					limit = night;
				}
			}
		}
		List<Month> months = new ArrayList<>();
		YearMonth first = YearMonth.from(today);
		for (int i = 0; i < monthCount; i++) {
			YearMonth ym = first.plusMonths(i);
			List<List<Day>> weeks = new ArrayList<>();
			List<Day> week = new ArrayList<>();
			int padding = ym.atDay(1).getDayOfWeek().getValue() - 1;
			for (int p = 0; p < padding; p++) {
				week.add(Day.padding());
			}
			for (int d = 1; d <= ym.lengthOfMonth(); d++) {
				LocalDate date = ym.atDay(d);
				boolean taken = occupied.contains(date);
				boolean past = date.isBefore(today);
				boolean chosen = checkIn != null && checkOut != null && !date.isBefore(checkIn)
						&& date.isBefore(checkOut);
				String pick = null;
				String href = null;
				if (choosingCheckOut && !past && date.isAfter(checkIn) && !date.isAfter(limit)) {
					pick = "check-out";
					href = path + SearchQuery.stay(checkIn, date, guests) + "#book";
				}
				else if (!taken && !past) {
					pick = "check-in";
					href = path + SearchQuery.stay(date, null, guests) + "#availability";
				}
				week.add(new Day(date, taken, past, chosen, date.equals(checkIn), date.equals(checkOut), pick, href,
						labels.format(date)));
				if (week.size() == 7) {
					weeks.add(week);
					week = new ArrayList<>();
				}
			}
			if (!week.isEmpty()) {
				while (week.size() < 7) {
					week.add(Day.padding());
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
