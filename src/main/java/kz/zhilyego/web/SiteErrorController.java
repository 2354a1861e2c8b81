package kz.zhilyego.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.web.WebRoutes;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error path ({@code /error}): where a filter's {@code sendError}, the
 * security filters' 403/404 and anything that escaped Spring MVC end up. The route that
 * failed decides the form, not the {@code Accept} header: a page gets the styled page
 * (the same as {@link PageErrors}), the API an RFC 9457 problem. Replaces Boot's
 * {@code BasicErrorController}, which answered JSON to any client that did not ask for
 * HTML.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class SiteErrorController implements ErrorController {

	private final ErrorPages pages;

	private final MessageSource messages;

	SiteErrorController(MessageSource messages) {
		this.pages = new ErrorPages(messages);
		this.messages = messages;
	}

	@RequestMapping
	Object error(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = status(request);
		Long uploadLimit = ErrorPages.uploadLimit((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		if (uploadLimit != null) {
			// an upload over the limit, found by a filter that read the form first
			status = HttpStatus.CONTENT_TOO_LARGE;
			response.setStatus(status.value());
		}
		Long retryAfter = retryAfter(response);
		if (!WebRoutes.errorIsPage(request)) {
			return problem(request, status, retryAfter);
		}
		String message = switch (status) {
			case FORBIDDEN -> this.pages.text("problem.forbidden");
			case TOO_MANY_REQUESTS -> this.pages.text("rateLimit.exceeded", retryAfter == null ? 60 : retryAfter);
			case SERVICE_UNAVAILABLE -> this.pages.text("problem.unavailable");
			case BAD_REQUEST -> this.pages.text("web.error.badRequest");
			case CONTENT_TOO_LARGE ->
				uploadLimit != null ? this.pages.tooLarge(uploadLimit) : this.pages.text("problem.payload-too-large");
			default -> null;
		};
		return this.pages.page(request, response, status, message, retryAfter);
	}

	private ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status,
			@Nullable Long retryAfter) {
		String type = switch (status) {
			case NOT_FOUND -> "not-found";
			case FORBIDDEN -> "forbidden";
			case UNAUTHORIZED -> "unauthorized";
			case TOO_MANY_REQUESTS -> "rate-limited";
			case METHOD_NOT_ALLOWED -> "method-not-allowed";
			case CONTENT_TOO_LARGE -> "payload-too-large";
			case SERVICE_UNAVAILABLE -> "service-unavailable";
			case BAD_REQUEST -> "malformed-request";
			default -> status.is5xxServerError() ? "internal" : "bad-request";
		};
		Locale locale = LocaleContextHolder.getLocale();
		String detailKey = switch (type) {
			case "rate-limited" -> "rateLimit.exceeded";
			case "service-unavailable" -> "problem.unavailable";
			default -> "problem." + type;
		};
		Object[] args = { retryAfter == null ? 60 : retryAfter };
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(detailKey, args, status.getReasonPhrase(), locale));
		problem.setType(ProblemException.typeUri(type));
		problem.setTitle(this.messages.getMessage("problem.title." + type, null, status.getReasonPhrase(), locale));
		problem.setInstance(java.net.URI.create(WebRoutes.path(request)));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null && status.isError()) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static @Nullable Long retryAfter(HttpServletResponse response) {
		String header = response.getHeader(HttpHeaders.RETRY_AFTER);
		if (header == null) {
			return null;
		}
		try {
			return Long.parseLong(header.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
