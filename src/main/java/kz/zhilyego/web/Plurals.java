package kz.zhilyego.web;

import java.util.Locale;

/**
 * The plural category a count takes before a noun: Russian has three ({@code one} 1, 21;
 * {@code few} 2–4, 22–24; {@code many} 5–20, 25…), English two ({@code one} and
 * {@code many} for the rest), Kazakh none (a noun after a numeral stays singular: the
 * bundle gives all three the same text).
 */
final class Plurals {

	private Plurals() {
	}

	static String of(int count, Locale locale) {
		int n = Math.abs(count);
		if ("ru".equals(locale.getLanguage())) {
			int tens = n % 100;
			int ones = n % 10;
			if (ones == 1 && tens != 11) {
				return "one";
			}
			if (ones >= 2 && ones <= 4 && (tens < 12 || tens > 14)) {
				return "few";
			}
			return "many";
		}
		return n == 1 ? "one" : "many";
	}

}
