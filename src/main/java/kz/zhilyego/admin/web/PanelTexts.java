package kz.zhilyego.admin.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import kz.zhilyego.common.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Messages of the admin pages in the request's language. */
@Component
class PanelTexts {

	private final MessageSource messages;

	PanelTexts(MessageSource messages) {
		this.messages = messages;
	}

	String get(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** The problem as one line: its field messages, or its message. */
	String of(ProblemException ex) {
		if (ex.fieldErrors().isEmpty()) {
			return get(ex.messageKey(), ex.args());
		}
		return String.join(" ", fieldErrors(ex).values());
	}

	Map<String, String> fieldErrors(ProblemException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.fieldErrors().forEach((field, key) -> errors.put(field, get(key, ex.args())));
		return errors;
	}

	Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
