package kz.zhilyego.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The anti-circumvention rule: before a booking is paid, phone numbers, e-mail addresses,
 * links and messenger handles in chat messages are replaced by {@link #MASK}, so guest
 * and realtor cannot take the deal off the platform. Phones are found by libphonenumber
 * (Kazakhstan as the default region, so {@code 8 701 …} and {@code 701 …} count) and, for
 * what it does not take as a number, by a run of ten or more digits with the usual
 * separators; dates, prices and counts are left alone.
 */
public final class ContactMasking {

	/** What replaces a contact. */
	public static final String MASK = "•••";

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final Pattern EMAIL = Pattern.compile(
			"[\\p{L}0-9._%+-]+\\s*(?:@|\\(at\\)|\\[at\\])\\s*[\\p{L}0-9.-]+\\.[\\p{L}]{2,}", Pattern.CASE_INSENSITIVE);

	private static final Pattern LINK = Pattern.compile(
			"(?:https?://|www\\.)\\S+|\\b[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)*\\.(?:kz|ru|com|net|org|me|io|app|info|su|uz|kg|рф|қаз|ly|gl|to|link|site|online|shop|store|biz|co|xyz)(?:/\\S*)?\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}0-9])@[A-Za-z0-9_]{4,32}");

	/** Ten or more digits, possibly separated by spaces, dots, dashes or brackets. */
	private static final Pattern DIGITS = Pattern.compile("\\+?\\d(?:[\\s().-]{0,3}\\d){9,}");

	private ContactMasking() {
	}

	/** The text with every contact masked, and whether anything was. */
	public record Masked(String text, boolean masked) {
	}

	public static Masked mask(String text) {
		List<int[]> spans = new ArrayList<>();
		for (Pattern pattern : List.of(EMAIL, LINK, HANDLE)) {
			Matcher m = pattern.matcher(text);
			while (m.find()) {
				spans.add(new int[] { m.start(), m.end() });
			}
		}
		for (PhoneNumberMatch match : PHONES.findNumbers(text, "KZ", PhoneNumberUtil.Leniency.POSSIBLE,
				Long.MAX_VALUE)) {
			if (digits(match.rawString()) >= 10) {
				spans.add(new int[] { match.start(), match.end() });
			}
		}
		Matcher digits = DIGITS.matcher(text);
		while (digits.find()) {
			spans.add(new int[] { digits.start(), digits.end() });
		}
		if (spans.isEmpty()) {
			return new Masked(text, false);
		}
		spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> -s[1]));
		StringBuilder out = new StringBuilder();
		int at = 0;
		for (int[] span : spans) {
			if (span[1] <= at) {
				continue;
			}
			if (span[0] >= at) {
				out.append(text, at, span[0]).append(MASK);
			}
			at = span[1];
		}
		out.append(text.substring(at));
		return new Masked(out.toString(), true);
	}

	private static int digits(String text) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			if (Character.isDigit(text.charAt(i))) {
				count++;
			}
		}
		return count;
	}

}
