package kz.zhilyego.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import kz.zhilyego.common.Zones;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates ({@code ${@fmt.money(amount, currency)}}): money with a
 * thin-space thousands separator and the tenge sign, dates and times in the page's
 * language and Kazakhstan time.
 */
@Component("fmt")
class Formats {

	private final MessageSource messages;

	Formats(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * "1 ночь", "3 ночи", "5 ночей" (RU), "3 түн" (KK), "3 nights" (EN): the count with
	 * the plural form its language asks for ({@code web.nights.one|few|many}).
	 */
	public String nights(int count) {
		return this.messages.getMessage("web.nights." + Plurals.of(count, locale()), new Object[] { count }, locale());
	}

	/** A day without the year: "11 дек.". */
	public String dayMonth(@Nullable LocalDate date) {
		return date == null ? "" : DateTimeFormatter.ofPattern("d MMM", locale()).format(date);
	}

	/** A night of a stay, short: "пт, 11 дек.". */
	public String night(@Nullable LocalDate date) {
		return date == null ? "" : DateTimeFormatter.ofPattern("EE, d MMM", locale()).format(date);
	}

	/**
	 * Coordinates that cannot be misread: degrees with a decimal point, six places, and
	 * the hemisphere (N/S, E/W) in the page's language, latitude first — "51.128207° с.
	 * ш., 71.430411° в. д.". A decimal comma (as Russian writes numbers) would make
	 * "51,12, 71,43" ambiguous.
	 */
	public String coordinates(@Nullable BigDecimal latitude, @Nullable BigDecimal longitude) {
		if (latitude == null || longitude == null) {
			return "";
		}
		String lat = degrees(latitude) + "\u00a0"
				+ this.messages.getMessage(latitude.signum() < 0 ? "web.geo.south" : "web.geo.north", null, locale());
		String lon = degrees(longitude) + "\u00a0"
				+ this.messages.getMessage(longitude.signum() < 0 ? "web.geo.west" : "web.geo.east", null, locale());
		return lat + ", " + lon;
	}

	/**
	 * How fast a host answers reviews, rounded up: within an hour, within N hours, within
	 * N days; "not yet" for null.
	 */
	public String replyTime(java.time.@Nullable Duration median) {
		if (median == null) {
			return this.messages.getMessage("web.host.reply.none", null, locale());
		}
		long minutes = Math.max(1, median.toMinutes());
		if (minutes <= 60) {
			return this.messages.getMessage("web.host.reply.hour", null, locale());
		}
		long hours = (minutes + 59) / 60;
		if (hours < 24) {
			return this.messages.getMessage("web.host.reply.hours", new Object[] { hours }, locale());
		}
		return this.messages.getMessage("web.host.reply.days", new Object[] { (hours + 23) / 24 }, locale());
	}

	/** Decimal degrees with a point and six places, for links and data attributes. */
	public String decimal(@Nullable BigDecimal degrees) {
		return degrees == null ? "" : degrees.setScale(6, RoundingMode.HALF_UP).toPlainString();
	}

	private static String degrees(BigDecimal value) {
		return value.abs().setScale(6, RoundingMode.HALF_UP).toPlainString() + "°";
	}

	public String money(@Nullable BigDecimal amount, @Nullable String currency) {
		if (amount == null) {
			return "";
		}
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		symbols.setGroupingSeparator('\u00a0');
		symbols.setDecimalSeparator(',');
		DecimalFormat format = new DecimalFormat(amount.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0",
				symbols);
		String number = format.format(amount.setScale(2, RoundingMode.HALF_UP));
		return number + "\u00a0" + ("KZT".equals(currency) || currency == null ? "₸" : currency);
	}

	public String date(@Nullable LocalDate date) {
		return date == null ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
	}

	public String dateTime(@Nullable Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale())
					.withZone(Zones.KAZAKHSTAN)
					.format(instant);
	}

	/** The day of an instant in Kazakhstan, e.g. a review's date. */
	public String day(@Nullable Instant instant) {
		return instant == null ? "" : date(LocalDate.ofInstant(instant, Zones.KAZAKHSTAN));
	}

	public String rating(@Nullable BigDecimal rating) {
		return rating == null ? "" : rating.setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
