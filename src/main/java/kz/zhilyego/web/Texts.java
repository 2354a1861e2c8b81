package kz.zhilyego.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import kz.zhilyego.common.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Localised texts for pages: problem messages and form errors next to their fields. */
@Component
class Texts {

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	String get(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, key, locale);
	}

	/** The problem's message for the whole page. */
	String of(ProblemException ex) {
		return get(ex.messageKey(), ex.args());
	}

	/**
	 * Field → message for a form. A problem without field errors lands on
	 * {@code fallbackField}.
	 */
	Map<String, String> fieldErrors(ProblemException ex, String fallbackField) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (ex.fieldErrors().isEmpty()) {
			errors.put(fallbackField, of(ex));
		}
		else {
			ex.fieldErrors().forEach((field, key) -> errors.put(field, get(key, ex.args())));
		}
		return errors;
	}

	/** Bean-validation and conversion errors of a bound form, in the user's language. */
	Map<String, String> fieldErrors(BindingResult result) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.putIfAbsent(error.getField(), error.isBindingFailure() ? get("web.form.invalidValue")
					: this.messages.getMessage(error, LocaleContextHolder.getLocale()));
		}
		return errors;
	}

}
