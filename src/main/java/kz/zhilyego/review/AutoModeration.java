package kz.zhilyego.review;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The automatic check of a review text: a small RU/KK/EN profanity list (word stems,
 * robust to upper case, ё, Latin look-alike letters and stretched letters) and spam signs
 * — links, e-mail or messenger handles, phone numbers, flooding. A flagged review is
 * stored hidden with the reason {@link #REASON} until the superuser looks at it. It is a
 * first filter, not a guarantee: the complaint button and manual moderation stay.
 */
final class AutoModeration {

	/** The hidden reason of a review the check held back. */
	static final String REASON = "auto";

	/** Stems a word may start with (stored with repeated letters collapsed). */
	private static final List<String> STEMS = List.of(
			// ru
			"хуй", "хуе", "хуя", "пизд", "ебат", "ебан", "ебал", "еблан", "ебну", "выеб", "уеб", "бляд", "блят", "бля",
			"сука", "суки", "мудак", "мудил", "гандон", "пидор", "пидар", "залуп", "шлюх", "долбоеб", "говн",
			// kk
			"сігейін", "сігіп", "сіктір", "қотақ", "көтен", "жезөкше", "амың",
			// en
			"fuck", "motherfuck", "shit", "bitch", "cunt", "ashole", "bastard", "whore", "slut")
		.stream()
		.map(AutoModeration::collapse)
		.toList();

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");

	private static final Pattern LINK = Pattern.compile("(?iu)(https?://|www\\.|\\bt\\.me/|\\S+@\\S+\\.\\S+"
			+ "|\\b[\\p{L}0-9-]{2,}\\.(kz|ru|com|net|org|info|biz|io|me|xyz|shop|site|online|top|ly|рф|қаз)\\b)");

	private static final Pattern HANDLE = Pattern.compile("(^|\\s)@[A-Za-z0-9_]{4,}");

	private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d[\\d\\s()\\-]{6,}\\d");

	private static final Pattern FLOOD = Pattern.compile("(\\S)\\1{7,}");

	private static final String LATIN = "aeopcxykmthb";

	private static final String CYRILLIC = "аеорсхукмтнв";

	private AutoModeration() {
	}

	/** Whether the text should wait for moderation. Null or blank text passes. */
	static boolean flags(@Nullable String text) {
		return flags(text, List.of());
	}

	/**
	 * Same, with the superuser's stop words (platform settings) on top of the built-in
	 * list: a word of the text that starts with one of them holds the review back.
	 */
	static boolean flags(@Nullable String text, List<String> stopWords) {
		if (text == null || text.isBlank()) {
			return false;
		}
		return profane(text) || spam(text) || stopped(text, stopWords);
	}

	static boolean stopped(String text, List<String> stopWords) {
		if (stopWords.isEmpty()) {
			return false;
		}
		List<String> stems = stopWords.stream()
			.map(w -> collapse(w.toLowerCase(Locale.ROOT).replace('ё', 'е')))
			.filter(w -> !w.isEmpty())
			.toList();
		Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е'));
		while (words.find()) {
			String word = collapse(words.group());
			if (stems.stream().anyMatch(word::startsWith)) {
				return true;
			}
		}
		return false;
	}

	static boolean profane(String text) {
		Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е'));
		while (words.find()) {
			String word = collapse(words.group());
			if (matches(word) || matches(collapse(toCyrillic(word)))) {
				return true;
			}
		}
		return false;
	}

	static boolean spam(String text) {
		if (LINK.matcher(text).find() || HANDLE.matcher(text).find() || FLOOD.matcher(text).find()) {
			return true;
		}
		Matcher phone = PHONE_LIKE.matcher(text);
		while (phone.find()) {
			if (phone.group().chars().filter(Character::isDigit).count() >= 10) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(String word) {
		for (String stem : STEMS) {
			if (word.startsWith(stem)) {
				return true;
			}
		}
		return false;
	}

	/** Latin look-alikes to Cyrillic, only for a word that mixes both alphabets. */
	private static String toCyrillic(String word) {
		boolean cyrillic = word.chars()
			.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
		if (!cyrillic) {
			return word;
		}
		StringBuilder out = new StringBuilder(word.length());
		for (char c : word.toCharArray()) {
			int i = LATIN.indexOf(c);
			out.append(i < 0 ? c : CYRILLIC.charAt(i));
		}
		return out.toString();
	}

	/** "бляяядь" → "блядь": stretched letters do not escape the list. */
	private static String collapse(String word) {
		StringBuilder out = new StringBuilder(word.length());
		char previous = 0;
		for (char c : word.toCharArray()) {
			if (c != previous) {
				out.append(c);
			}
			previous = c;
		}
		return out.toString();
	}

}
