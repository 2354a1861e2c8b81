package kz.zhilyego.common.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/**
 * What a module's page advice puts on the site's styled error page for a
 * {@link ProblemException}: the status, and the problem's message followed by its field
 * messages, in the user's language.
 */
public final class ErrorPageModel {

	private ErrorPageModel() {
	}

	/** Sets the response status and fills {@code status} and {@code message}. */
	public static void fill(ProblemException ex, MessageSource messages, Model model, Locale locale,
			HttpServletResponse response) {
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		StringBuilder message = new StringBuilder(
				messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale));
		ex.fieldErrors()
			.values()
			.forEach(key -> message.append(' ').append(messages.getMessage(key, ex.args(), key, locale)));
		model.addAttribute("message", message.toString());
	}

}
