package kz.zhilyego.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * URL slugs from Russian and Kazakh titles: transliterated, lower-case, dash-separated.
 */
public final class Slugs {

	private static final Map<Character, String> CYRILLIC = Map.ofEntries(Map.entry('а', "a"), Map.entry('б', "b"),
			Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"),
			Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "i"), Map.entry('к', "k"),
			Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
			Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
			Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"),
			Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"),
			Map.entry('ю', "iu"), Map.entry('я', "ia"), Map.entry('ә', "a"), Map.entry('ғ', "g"), Map.entry('қ', "q"),
			Map.entry('ң', "n"), Map.entry('ө', "o"), Map.entry('ұ', "u"), Map.entry('ү', "u"), Map.entry('һ', "h"),
			Map.entry('і', "i"));

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
			String latin = CYRILLIC.get(ch);
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
