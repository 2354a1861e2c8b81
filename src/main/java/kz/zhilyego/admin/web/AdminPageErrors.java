package kz.zhilyego.admin.web;

import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the admin pages as the site's styled error page (never JSON): the problem's
 * message with its field messages, and its status.
 */
@ControllerAdvice(assignableTypes = { AnalyticsPages.class, SettingsPages.class, DictionaryPages.class,
		ModerationPages.class, ProblemsPages.class, PeoplePages.class, DailyMetricsPages.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminPageErrors {

	private final PanelTexts texts;

	/**
	 * Built on the message source alone, so web slice tests that load advice start too.
	 */
	AdminPageErrors(MessageSource messages) {
		this.texts = new PanelTexts(messages);
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		model.addAttribute("message", this.texts.of(ex));
		return ex.status() == HttpStatus.NOT_FOUND ? "error/404" : "error";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(Model model, HttpServletResponse response) {
		response.setStatus(400);
		model.addAttribute("status", 400);
		model.addAttribute("message", this.texts.get("admin.field.invalid"));
		return "error";
	}

}
