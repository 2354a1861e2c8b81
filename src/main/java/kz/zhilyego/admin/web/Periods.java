package kz.zhilyego.admin.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;

import kz.zhilyego.common.Zones;
import org.jspecify.annotations.Nullable;

/**
 * The period presets of the analytics pages: today, this week (Monday to Sunday), this
 * month (default), this year, or custom dates.
 */
record Periods(String preset, LocalDate from, LocalDate to) {

	static Periods of(@Nullable String preset, @Nullable LocalDate from, @Nullable LocalDate to, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.KAZAKHSTAN));
		String p = preset == null || preset.isBlank() ? (from != null || to != null ? "custom" : "month") : preset;
		return switch (p) {
			case "day" -> new Periods(p, today, today);
			case "week" -> new Periods(p, today.with(DayOfWeek.MONDAY), today.with(DayOfWeek.SUNDAY));
			case "year" -> new Periods(p, today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()));
			case "custom" -> new Periods(p, from == null ? today.withDayOfMonth(1) : from,
					to == null ? today.withDayOfMonth(today.lengthOfMonth()) : to);
			default -> new Periods("month", today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()));
		};
	}

}
