package kz.zhilyego.realtor.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The period an analytics page shows: a preset ({@code week}, {@code month},
 * {@code year}) around today, or {@code custom} from the {@code from} / {@code to}
 * parameters (a missing end is one month after the start).
 */
record AnalyticsPeriod(String preset, LocalDate start, LocalDate end) {

	static AnalyticsPeriod of(@Nullable String preset, @Nullable String from, @Nullable String to, LocalDate today) {
		String chosen = preset == null ? (from != null ? "custom" : "month") : preset;
		return switch (chosen) {
			case "week" -> {
				LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
				yield new AnalyticsPeriod(chosen, monday, monday.plusDays(6));
			}
			case "year" ->
				new AnalyticsPeriod(chosen, today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()));
			case "custom" -> {
				LocalDate f = RealtorListingPages.date("from", from);
				LocalDate t = RealtorListingPages.date("to", to);
				LocalDate start = f == null ? today.withDayOfMonth(1) : f;
				yield new AnalyticsPeriod(chosen, start, t == null ? start.plusMonths(1).minusDays(1) : t);
			}
			default ->
				new AnalyticsPeriod("month", today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()));
		};
	}

}
