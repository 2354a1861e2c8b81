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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates ({@code ${@fmt.money(amount, currency)}}): money with a
 * thin-space thousands separator and the tenge sign, dates and times in the page's
 * language and Kazakhstan time.
 */
@Component("fmt")
class Formats {

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
