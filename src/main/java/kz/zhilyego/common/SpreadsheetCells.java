package kz.zhilyego.common;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Cells of the spreadsheets the product writes (CSV and XLSX exports), made safe against
 * formula injection as OWASP describes ("CSV Injection"). A spreadsheet runs a cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a
 * formula, so a guest named {@code =HYPERLINK("http://x","y")} would become a live link
 * in a realtor's Excel.
 * <p>
 * The rule: a cell that starts with one of those characters gets a single quote in front
 * ({@code '=HYPERLINK(…)}), which spreadsheets show as text — unless the whole cell is a
 * plain decimal number ({@code -1500.00}, {@code -1500,00}, {@code +77011234567}): a
 * number cannot hold a formula, and prefixing it would turn a negative amount or an E.164
 * phone into text. "Plain" is strict: an optional sign, digits, an optional fraction;
 * nothing else ({@code -2+3}, {@code -1e5} and {@code +7 701 …} are prefixed).
 * <p>
 * In XLSX, text cells are never formulas; a cell that {@link #formulaLike looks like one}
 * is written with Excel's hidden quote prefix (the cell style's {@code quotePrefixed}),
 * so it shows unchanged and stays text even when someone edits it.
 */
public final class SpreadsheetCells {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

	private SpreadsheetCells() {
	}

	/**
	 * Whether a spreadsheet would read this text as a formula: it starts with {@code =},
	 * {@code +}, {@code -}, {@code @}, tab or CR and is not a plain number.
	 */
	public static boolean formulaLike(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> !PLAIN_NUMBER.matcher(text).matches();
			default -> false;
		};
	}

	/**
	 * The text of one CSV cell: {@code null} stays empty, a formula-like value gets a
	 * leading single quote, everything else is unchanged.
	 */
	public static @Nullable String csv(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return formulaLike(text) ? "'" + text : text;
	}

	/** {@link #csv(Object)} for every cell of a record. */
	public static List<@Nullable String> csvRecord(@Nullable Object... values) {
		return Arrays.stream(values).map(SpreadsheetCells::csv).toList();
	}

}
