package kz.zhilyego.chatbot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An inline month calendar: a header with the month and arrows, the weekdays, then one
 * row per week. Past and occupied days are shown but do nothing; the chosen stay is
 * marked. Day actions are {@code <prefix>day:<yyyy-MM-dd>}, month arrows
 * {@code <prefix>cal:<yyyy-MM>}.
 */
final class CalendarKeyboard {

	/** The action of buttons that do nothing (labels, past days). */
	static final String NOOP = "x";

	private CalendarKeyboard() {
	}

	static Keyboard of(Chat chat, String prefix, YearMonth month, LocalDate today, Collection<LocalDate> occupied,
			@Nullable LocalDate from, @Nullable LocalDate to, List<List<Button>> extra) {
		Locale locale = chat.locale();
		Keyboard.Builder keyboard = Keyboard.builder();
		YearMonth current = YearMonth.from(today);
		String title = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + month.getYear();
		keyboard.row(
				month.isAfter(current) ? chat.button("‹", prefix + "cal:" + month.minusMonths(1))
						: Button.action(" ", NOOP),
				Button.action(title, NOOP), month.isBefore(current.plusMonths(12))
						? chat.button("›", prefix + "cal:" + month.plusMonths(1)) : Button.action(" ", NOOP));
		List<Button> names = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			names.add(Button.action(day.getDisplayName(TextStyle.SHORT_STANDALONE, locale), NOOP));
		}
		keyboard.row(names);
		LocalDate first = month.atDay(1);
		List<Button> week = new ArrayList<>();
		for (int i = 1; i < first.getDayOfWeek().getValue(); i++) {
			week.add(Button.action(" ", NOOP));
		}
		for (LocalDate day = first; !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
			String label = String.valueOf(day.getDayOfMonth());
			boolean chosen = from != null
					&& (day.equals(from) || (to != null && !day.isBefore(from) && day.isBefore(to)));
			if (day.isBefore(today)) {
				week.add(Button.action("·", NOOP));
			}
			else if (occupied.contains(day) && !chosen) {
				week.add(Button.action("✖", NOOP));
			}
			else {
				week.add(chat.button(chosen ? "[" + label + "]" : label, prefix + "day:" + day));
			}
			if (week.size() == 7) {
				keyboard.row(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(Button.action(" ", NOOP));
			}
			keyboard.row(week);
		}
		extra.forEach(row -> keyboard.row(row));
		return keyboard.build();
	}

}
