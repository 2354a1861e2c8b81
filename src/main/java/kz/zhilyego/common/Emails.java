package kz.zhilyego.common;

import org.apache.commons.validator.routines.EmailValidator;
import org.jspecify.annotations.Nullable;

/**
 * E-mail addresses as people and mail servers mean them: a local part and a domain with a
 * real top-level domain ({@code aigerim@mail.kz}; not {@code aigerim@mail},
 * {@code aigerim@@mail.kz} or {@code aigerim mail.kz}), at most {@value #MAX_LENGTH}
 * characters (RFC 5321). Apache Commons Validator does the checking.
 */
public final class Emails {

	public static final int MAX_LENGTH = 254;

	private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);

	private Emails() {
	}

	public static boolean valid(@Nullable String email) {
		return email != null && email.length() <= MAX_LENGTH && VALIDATOR.isValid(email.strip());
	}

}
