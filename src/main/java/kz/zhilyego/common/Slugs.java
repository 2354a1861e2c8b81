package kz.zhilyego.common;

import java.text.Normalizer;
import java.util.Locale;

/**
 * URL slugs from Russian and Kazakh titles: transliterated, lower-case, dash-separated.
 */
public final class Slugs {

	private static final String CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі";

	private static final String[] CYRILLIC_LATIN = { "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l",
			"m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia",
			"a", "g", "q", "n", "o", "u", "u", "h", "i" };

	/**
	 * The Latin spelling of each Cyrillic letter, by its offset from U+0400: no boxing
	 * per character.
	 */
	private static final String[] LATIN = new String[0x100];

	static {
		for (int i = 0; i < CYRILLIC_LETTERS.length(); i++) {
			LATIN[CYRILLIC_LETTERS.charAt(i) - 0x400] = CYRILLIC_LATIN[i];
		}
	}

	private static final int MAX_LENGTH = 60;

	private Slugs() {
	}

	/**
	 * One pass, no regular expressions: a listing path is built for every card of every
	 * search page (issue 19).
	 */
	public static String of(String text) {
		String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(lower.length() + 8);
		for (int i = 0; i < lower.length(); i++) {
			char ch = lower.charAt(i);
			String latin = (ch >= 0x400 && ch < 0x500) ? LATIN[ch - 0x400] : null;
			if (latin != null) {
				out.append(latin);
			}
			else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
				out.append(ch);
			}
			else if (!out.isEmpty() && out.charAt(out.length() - 1) != '-') {
				// one dash for a run of other characters, none at the start
				out.append('-');
			}
		}
		if (out.length() > MAX_LENGTH) {
			out.setLength(MAX_LENGTH);
		}
		if (!out.isEmpty() && out.charAt(out.length() - 1) == '-') {
			out.setLength(out.length() - 1);
		}
		return out.toString();
	}

}
