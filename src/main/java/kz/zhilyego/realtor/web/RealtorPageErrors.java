package kz.zhilyego.realtor.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Errors of the realtor pages as HTML: a listing or booking out of scope is the same "not
 * found" page as a missing one; a plain user gets "staff only".
 */
@ControllerAdvice(assignableTypes = { RealtorListingPages.class, RealtorWorkPages.class, RealtorTeamPages.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class RealtorPageErrors {

	// built here, not injected: web-slice tests load controller advice without components
	private final PageMessages messages;

	RealtorPageErrors(MessageSource messages) {
		this.messages = new PageMessages(messages);
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, Model model, Locale locale, HttpServletResponse response) {
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		model.addAttribute("message", String.join(" ", this.messages.errors(ex, locale).values()));
		return "realtor/error";
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(Model model, Locale locale, HttpServletResponse response) {
		response.setStatus(413);
		model.addAttribute("status", 413);
		model.addAttribute("message", this.messages.text("realtor.photo.tooLarge", new Object[] { 7 }, locale));
		return "realtor/error";
	}

}
