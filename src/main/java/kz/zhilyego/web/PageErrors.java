package kz.zhilyego.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.web.DatabaseFailures;
import kz.zhilyego.common.web.WebRoutes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one error handler of every HTML route, whichever module's controller served it: a
 * failure becomes a styled page in the visitor's language, never JSON. It runs before the
 * {@code @ControllerAdvice} chain and leaves alone what is not a page: the API and API
 * docs, {@code @ResponseBody} handlers (feeds for scripts), callers that asked only for
 * JSON, controllers with their own exception handlers, and the security exceptions (the
 * security filters answer those: sign-in redirect or the 403 page). The API's problem
 * types map to pages by status: 404 → the "not found" page, 413 → the size limit, 503 →
 * "try again" with Retry-After, the rest → the error page with the problem's message.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	private final ErrorPages pages;

	private final DataSize maxFileSize;

	PageErrors(MessageSource messages, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		this.pages = new ErrorPages(messages);
		this.maxFileSize = maxFileSize;
	}

	@Override
	public int getOrder() {
		// after Boot's DefaultErrorAttributes (which only records the exception), before
		// the @ExceptionHandler chain
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!WebRoutes.errorIsPage(request) || !isPageHandler(handler, ex) || response.isCommitted()
				|| ex instanceof AccessDeniedException || ex instanceof AuthenticationException
				|| ex instanceof AsyncRequestNotUsableException) {
			return null;
		}
		Failure failure = failure(ex);
		if (failure.status().is5xxServerError() && failure.status() != HttpStatus.SERVICE_UNAVAILABLE) {
			log.error("Page failed: {} {}", request.getMethod(), request.getRequestURI(), ex);
		}
		else {
			log.debug("Page answered {}: {}", failure.status().value(), ex.toString());
		}
		if (ex instanceof HttpRequestMethodNotSupportedException unsupported
				&& unsupported.getSupportedHttpMethods() != null) {
			response.setHeader(HttpHeaders.ALLOW,
					String.join(", ", unsupported.getSupportedHttpMethods().stream().map(Object::toString).toList()));
		}
		return this.pages.page(request, response, failure.status(), failure.message(), failure.retryAfter());
	}

	/**
	 * Page controllers (and static resources, and no handler at all); not
	 * {@code @ResponseBody} methods, nor controllers with their own handler for this
	 * exception (what they do not handle themselves, such as a form the data binder
	 * cannot bind, still gets the page, never the API's JSON).
	 */
	private static boolean isPageHandler(@Nullable Object handler, Exception ex) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		if (AnnotatedElementUtils.hasAnnotation(method.getMethod(), ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)) {
			return false;
		}
		return new ExceptionHandlerMethodResolver(method.getBeanType()).resolveMethodByThrowable(ex) == null;
	}

	private record Failure(HttpStatus status, @Nullable String message, @Nullable Long retryAfter) {

		Failure(HttpStatus status, @Nullable String message) {
			this(status, message, null);
		}

	}

	private Failure failure(Exception ex) {
		if (ex instanceof ProblemException problem) {
			return new Failure(problem.status(), message(problem));
		}
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException
				|| ex instanceof MethodArgumentTypeMismatchException mismatch && isPathVariable(mismatch)) {
			// a malformed id in the path is a page that does not exist
			return new Failure(HttpStatus.NOT_FOUND, null);
		}
		Long limit = ErrorPages.uploadLimit(ex);
		if (limit != null || ex instanceof MaxUploadSizeExceededException) {
			return new Failure(HttpStatus.CONTENT_TOO_LARGE,
					this.pages.tooLarge(limit != null ? limit : this.maxFileSize.toBytes()));
		}
		if (ex instanceof TypeMismatchException || ex instanceof BindException
		// a form field name the data binder cannot follow as a property path
		// ("checkIn[][", "guests[x]" on a plain field)
				|| ex instanceof InvalidPropertyException || ex instanceof HandlerMethodValidationException
				|| ex instanceof ServletRequestBindingException || ex instanceof HttpMessageNotReadableException
				|| ex instanceof MultipartException || ex instanceof jakarta.validation.ConstraintViolationException
				|| ex instanceof org.apache.tomcat.util.http.InvalidParameterException) {
			return new Failure(HttpStatus.BAD_REQUEST, this.pages.text("web.error.badRequest"));
		}
		if (ex instanceof DataIntegrityViolationException) {
			log.warn("Integrity violation not mapped to a domain error", ex);
			return new Failure(HttpStatus.CONFLICT, this.pages.text("problem.conflict"));
		}
		if (DatabaseFailures.unreachable(ex)) {
			log.warn("Database unavailable: {}", ex.getMessage());
			return new Failure(HttpStatus.SERVICE_UNAVAILABLE, this.pages.text("problem.unavailable"), 5L);
		}
		if (ex instanceof ErrorResponse spring) {
			HttpStatus status = HttpStatus.valueOf(spring.getStatusCode().value());
			String key = switch (status) {
				case METHOD_NOT_ALLOWED -> "problem.method-not-allowed";
				case UNSUPPORTED_MEDIA_TYPE -> "problem.unsupported-media-type";
				case NOT_ACCEPTABLE -> "problem.not-acceptable";
				case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "problem.payload-too-large";
				default -> status.is5xxServerError() ? "problem.internal" : "web.error.badRequest";
			};
			return new Failure(status, this.pages.text(key));
		}
		return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, null);
	}

	private String message(ProblemException problem) {
		List<String> parts = new ArrayList<>();
		if (problem.fieldErrors().isEmpty()) {
			parts.add(this.pages.text(problem.messageKey(), problem.args()));
		}
		else {
			problem.fieldErrors().values().forEach(key -> parts.add(this.pages.text(key, problem.args())));
		}
		return String.join(" ", parts);
	}

	private static boolean isPathVariable(MethodArgumentTypeMismatchException mismatch) {
		return mismatch.getParameter().hasParameterAnnotation(PathVariable.class);
	}

}
