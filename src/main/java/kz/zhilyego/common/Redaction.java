package kz.zhilyego.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds and masks what must never leave the process in a log line or an error report:
 * bearer tokens and JWTs, API keys, full card numbers (Luhn-valid 13–19 digits), full
 * phone numbers and e-mail addresses. Used by the error reporter before an event is sent,
 * and by the test that scans the whole integration suite's logs.
 */
public final class Redaction {

	/** What replaces a finding. */
	public static final String MASK = "[redacted]";

	private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

	private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}");

	private static final Pattern API_KEY = Pattern.compile("\\bzgo_[A-Za-z0-9]{6,}_[A-Za-z0-9_-]{16,}");

	/**
	 * 13–19 digits (in groups or not) starting like a payment card (2–6), that pass the
	 * Luhn check.
	 */
	private static final Pattern CARD = Pattern.compile("(?<![\\w.])[2-6](?:[ -]?\\d){11,17}[ -]?\\d(?![\\w.])");

	/**
	 * A full phone number: + and 10–15 digits (spaces, dashes and brackets allowed), or a
	 * Kazakh mobile written with 8 or 7 in front (8 7xx xxx xx xx).
	 */
	private static final Pattern PHONE = Pattern.compile(
			"(?<![\\w+])(?:\\+\\d[\\d ()-]{9,18}\\d|[78][ (-]{0,2}7\\d{2}[ )-]{0,2}\\d{3}[ -]?\\d{2}[ -]?\\d{2})(?!\\w)");

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

	private Redaction() {
	}

	/** {@code text} with every finding replaced by {@link #MASK}. */
	public static @Nullable String scrub(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String result = JWT.matcher(text).replaceAll(MASK);
		result = BEARER.matcher(result).replaceAll("Bearer " + MASK);
		result = API_KEY.matcher(result).replaceAll(MASK);
		result = replaceCards(result);
		result = PHONE.matcher(result).replaceAll(MASK);
		return EMAIL.matcher(result).replaceAll(MASK);
	}

	/**
	 * Secrets and full numbers found in {@code text} (not e-mail addresses: those may be
	 * logged, they are masked only in error reports).
	 */
	public static List<String> secretsIn(String text) {
		List<String> found = new ArrayList<>();
		for (Pattern pattern : List.of(JWT, BEARER, API_KEY, PHONE)) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				found.add(matcher.group());
			}
		}
		Matcher cards = CARD.matcher(text);
		while (cards.find()) {
			if (luhn(cards.group())) {
				found.add(cards.group());
			}
		}
		return found;
	}

	private static String replaceCards(String text) {
		Matcher matcher = CARD.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, luhn(matcher.group()) ? MASK : Matcher.quoteReplacement(matcher.group()));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	static boolean luhn(String candidate) {
		String digits = candidate.replaceAll("[^0-9]", "");
		if (digits.length() < 13 || digits.length() > 19) {
			return false;
		}
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

}
