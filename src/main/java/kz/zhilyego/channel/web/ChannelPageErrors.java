package kz.zhilyego.channel.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the channel pages as the workspace's error page, never JSON. */
@ControllerAdvice(assignableTypes = ChannelPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChannelPageErrors {

	private final MessageSource messages;

	ChannelPageErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, Model model, Locale locale, HttpServletResponse response) {
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		model.addAttribute("message", this.messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale));
		return "realtor/error";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(Model model, Locale locale, HttpServletResponse response) {
		response.setStatus(404);
		model.addAttribute("status", 404);
		model.addAttribute("message", this.messages.getMessage("listing.notFound", new Object[] { "" }, locale));
		return "realtor/error";
	}

}
