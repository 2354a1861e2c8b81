package kz.zhilyego.identity.internal;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers in E.164, parsed with libphonenumber for region KZ ({@code 8 701 …} works
 * too).
 */
public final class Phones {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private Phones() {
	}

	/** The E.164 form of a valid number, or empty. */
	public static Optional<String> normalise(String raw) {
		String candidate = raw.trim();
		if (candidate.isEmpty() || candidate.contains("@")) {
			return Optional.empty();
		}
		// Kazakh habit: 8 7xx … for +7 7xx …
		if (candidate.matches("8\\s*\\(?7\\d\\d.*") && candidate.replaceAll("\\D", "").length() == 11) {
			candidate = "+7" + candidate.replaceAll("\\D", "").substring(1);
		}
		try {
			PhoneNumber number = UTIL.parse(candidate, "KZ");
			if (!UTIL.isValidNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
