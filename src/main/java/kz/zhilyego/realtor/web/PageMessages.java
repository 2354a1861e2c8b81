package kz.zhilyego.realtor.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import kz.zhilyego.common.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns problem message keys into text for the pages. */
@Component
class PageMessages {

	private final MessageSource messages;

	PageMessages(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object[] args, Locale locale) {
		return this.messages.getMessage(key, args, key, locale);
	}

	/** Field → message for a problem with field errors; "" → the message otherwise. */
	Map<String, String> errors(ProblemException ex, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (ex.fieldErrors().isEmpty()) {
			errors.put("", text(ex.messageKey(), ex.args(), locale));
		}
		else {
			ex.fieldErrors().forEach((field, key) -> errors.put(field, text(key, ex.args(), locale)));
		}
		return errors;
	}

	Map<String, String> keys(Map<String, String> keys, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		keys.forEach((field, key) -> errors.put(field, text(key, new Object[0], locale)));
		return errors;
	}

}
