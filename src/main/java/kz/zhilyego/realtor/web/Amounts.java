package kz.zhilyego.realtor.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money as the workspace writes it outside templates (calendar event titles), the same
 * way the templates' {@code @fmt.money} does: {@code 1 161 100 ₸}, thousands grouped with
 * a no-break space, tiyn only when there are some.
 */
final class Amounts {

	private Amounts() {
	}

	static String tenge(BigDecimal amount) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		symbols.setGroupingSeparator('\u00a0');
		symbols.setDecimalSeparator(',');
		DecimalFormat format = new DecimalFormat(amount.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0",
				symbols);
		return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + "\u00a0₸";
	}

}
