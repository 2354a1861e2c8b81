package kz.zhilyego.chat.web;

import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the chat pages as the site's styled error page (never JSON). */
@ControllerAdvice(assignableTypes = ChatPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChatPageErrors {

	private final MessageSource messages;

	ChatPageErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		model.addAttribute("message",
				this.messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale()));
		return ex.status() == HttpStatus.NOT_FOUND && !"chat-off".equals(ex.type()) ? "error/404" : "error";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(Model model, HttpServletResponse response) {
		response.setStatus(404);
		model.addAttribute("status", 404);
		return "error/404";
	}

}
