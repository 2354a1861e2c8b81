package kz.zhilyego.feedback.web;

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

/** Errors of the feedback pages as the site's styled error page, never JSON. */
@ControllerAdvice(assignableTypes = { FeedbackPages.class, RealtorFeedbackPages.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class FeedbackPageErrors {

	private final MessageSource messages;

	FeedbackPageErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, Model model, Locale locale, HttpServletResponse response) {
		ErrorPageModel.fill(ex, this.messages, model, locale, response);
		return ex.status().value() == 404 ? "error/404" : "error";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(Model model, HttpServletResponse response) {
		response.setStatus(404);
		model.addAttribute("status", 404);
		return "error/404";
	}

}
