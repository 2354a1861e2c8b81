package kz.zhilyego.common;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers, normalised to E.164 with libphonenumber. Numbers without a country code
 * are read as Kazakh ({@code 8 701 …} and {@code 701 …} both mean {@code +7 701 …}).
 */
public final class Phones {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private Phones() {
	}

	/** The E.164 form ({@code +77011234567}) of a valid number, or empty. */
	public static Optional<String> normalize(String raw) {
		if (raw == null || raw.isBlank() || raw.length() > 32) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = UTIL.parse(raw, "KZ");
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
