package kz.zhilyego.notification.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.web.ErrorPageModel;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the message history pages as the site's styled error page, never JSON. */
@ControllerAdvice(assignableTypes = MessageHistoryPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationPageErrors {

	private final MessageSource messages;

	NotificationPageErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, Model model, Locale locale, HttpServletResponse response) {
		ErrorPageModel.fill(ex, this.messages, model, locale, response);
		return "error";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(MethodArgumentTypeMismatchException ex, Model model, Locale locale, HttpServletResponse response) {
		response.setStatus(400);
		model.addAttribute("status", 400);
		model.addAttribute("message", this.messages.getMessage("problem.validation", null, "problem.validation", locale)
				+ " " + ex.getName());
		return "error";
	}

}
