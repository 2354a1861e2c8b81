package kz.zhilyego.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Styled error pages for the site's page controllers (the API keeps its problem+json from
 * the common advice, which runs after this one). Unknown URLs and errors outside these
 * controllers get the same look from {@code templates/error*.html}.
 */
@ControllerAdvice(basePackageClasses = SiteErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SiteErrors {

	private static final Logger log = LoggerFactory.getLogger(SiteErrors.class);

	private final MessageSource messages;

	SiteErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("langLinks", LayoutModel.langLinks(request));
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		model.addAttribute("message",
				this.messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale()));
		return ex.status() == HttpStatus.NOT_FOUND ? "error/404" : "error";
	}

	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	String mismatch(Exception ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("langLinks", LayoutModel.langLinks(request));
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("status", 404);
		return "error/404";
	}

	@ExceptionHandler(RuntimeException.class)
	String unexpected(RuntimeException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("langLinks", LayoutModel.langLinks(request));
		if (ex instanceof org.springframework.security.access.AccessDeniedException
				|| ex instanceof org.springframework.security.core.AuthenticationException) {
			throw ex;
		}
		log.error("Page failed", ex);
		response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
		model.addAttribute("status", 500);
		return "error";
	}

}
