package kz.zhilyego.common.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import kz.zhilyego.common.ProblemException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every exception that reaches a controller into an RFC 9457 problem: a stable
 * {@code type}, a localised {@code title}/{@code detail} and {@code errors} (field →
 * message). Never a stack trace; a 500 only for a real bug (logged with the request id).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final MessageSource messages;

	public ProblemDetailsAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail body = problem(ex.status(), ex.type(), message(ex.messageKey(), ex.args(), locale));
		if (!ex.fieldErrors().isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors().forEach((field, key) -> errors.put(field, message(key, ex.args(), locale)));
			body.setProperty("errors", errors);
		}
		return ResponseEntity.status(ex.status()).body(body);
	}

	/**
	 * Method validation of {@code @Validated} beans (e.g. a path variable below its
	 * minimum).
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String field = "request";
			for (Path.Node node : violation.getPropertyPath()) {
				if (node.getName() != null) {
					field = node.getName();
				}
			}
			errors.putIfAbsent(field, violation.getMessage());
		}
		return ResponseEntity.badRequest().body(validationProblem(errors, LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		log.warn("Integrity violation not mapped to a domain error", ex);
		return problem(ProblemException.conflict("conflict", "problem.conflict"));
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		log.warn("Database unavailable: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					message("problem.unavailable", new Object[0], LocaleContextHolder.getLocale())));
	}

	/**
	 * A body that claims to be multipart but cannot be parsed (no boundary, truncated),
	 * form parameters Tomcat cannot parse, or parameter names the data binder cannot
	 * follow as a property path ({@code checkIn[][}), is the client's mistake, not a 500.
	 * Too-large uploads keep their own 413 handler.
	 */
	@ExceptionHandler({ MultipartException.class, InvalidParameterException.class,
			org.springframework.beans.InvalidPropertyException.class })
	ResponseEntity<ProblemDetail> malformedMultipart(Exception ex) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
					message("problem.malformed-request", new Object[0], LocaleContextHolder.getLocale())));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		return problem(ProblemException.forbidden("problem.forbidden"));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
		return problem(new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseFailures.unreachable(ex)) {
			return unavailable(ex);
		}
		log.error("Unhandled error", ex);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
					message("problem.internal", new Object[0], LocaleContextHolder.getLocale())));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validation(ex.getBindingResult());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getParameterValidationResults().forEach(result -> {
			if (result instanceof ParameterErrors body) {
				// a @Valid body validated with the other arguments: its fields by name,
				// as handleMethodArgumentNotValid names them
				errors.putAll(fieldErrors(body, locale));
				return;
			}
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(error -> errors.putIfAbsent(name == null ? "request" : name, resolve(error, locale)));
		});
		return ResponseEntity.badRequest().body(validationProblem(errors, locale));
	}

	/**
	 * A JSON body whose syntax is fine but a value does not fit its field (an unknown
	 * enum value, a word where a number belongs) is a field error named by its JSON path
	 * ({@code reason}, {@code roles[0]}, {@code listing.rooms}); an enum's error lists
	 * the allowed values. Broken JSON stays "malformed request"; a body over
	 * {@code zhilyego.http.max-body-size} is a 413.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (cause(ex, RequestBodyLimitFilter.BodyTooLargeException.class) != null) {
			// a chunked body crossed zhilyego.http.max-body-size while it was read
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
						message("problem.payload-too-large", new Object[0], LocaleContextHolder.getLocale())));
		}
		MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
		String field = mismatch == null ? "" : jsonPath(mismatch.getPath());
		if (mismatch == null || field.isEmpty()) {
			return super.handleHttpMessageNotReadable(ex, headers, status, request);
		}
		Locale locale = LocaleContextHolder.getLocale();
		Class<?> target = mismatch.getTargetType();
		String message = target != null && target.isEnum()
				? message("problem.field.enum", new Object[] { allowedValues(target) }, locale)
				: message("typeMismatch", new Object[0], locale);
		return ResponseEntity.badRequest().body(validationProblem(Map.of(field, message), locale));
	}

	/**
	 * {@code a.b[0].c} from Jackson's path; empty when the failure is the body itself.
	 */
	static String jsonPath(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	private static String allowedValues(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants())
			.map(constant -> ((Enum<?>) constant).name())
			.collect(Collectors.joining(", "));
	}

	private static <T extends Throwable> @Nullable T cause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
		Map<String, String> errors = Map.of(field == null ? "request" : field,
				message("typeMismatch", new Object[0], locale));
		return ResponseEntity.badRequest().body(validationProblem(errors, locale));
	}

	/** Every other Spring MVC error (malformed JSON, 405, 415, missing parameter …). */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		HttpStatus status = HttpStatus.valueOf(statusCode.value());
		String type = switch (status) {
			case BAD_REQUEST -> "malformed-request";
			case NOT_FOUND -> "not-found";
			case METHOD_NOT_ALLOWED -> "method-not-allowed";
			case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
			case NOT_ACCEPTABLE -> "not-acceptable";
			case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "payload-too-large";
			default -> status.is5xxServerError() ? "internal" : "bad-request";
		};
		String key = "problem." + type;
		ProblemDetail problem = problem(status, type, message(key, new Object[0], locale));
		if (ex instanceof ErrorResponse errorResponse) {
			errorResponse.getHeaders().forEach(headers::addAll);
		}
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	private ResponseEntity<Object> validation(BindingResult result) {
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity.badRequest().body(validationProblem(fieldErrors(result, locale), locale));
	}

	/** A bound object's errors: each field's first by its name, then the object's own. */
	private Map<String, String> fieldErrors(Errors result, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.putIfAbsent(error.getField(), resolve(error, locale));
		}
		result.getGlobalErrors().forEach(error -> errors.putIfAbsent(error.getObjectName(), resolve(error, locale)));
		return errors;
	}

	private ProblemDetail validationProblem(Map<String, String> errors, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation",
				message("problem.validation", new Object[0], locale));
		problem.setProperty("errors", errors);
		return problem;
	}

	private ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemException.typeUri(type));
		problem.setTitle(message("problem.title." + type, new Object[0], LocaleContextHolder.getLocale(),
				status.getReasonPhrase()));
		return problem;
	}

	private String resolve(MessageSourceResolvable error, Locale locale) {
		return this.messages.getMessage(error, locale);
	}

	private String message(String key, Object[] args, Locale locale) {
		return message(key, args, locale, key);
	}

	private String message(String key, Object[] args, Locale locale, String fallback) {
		return this.messages.getMessage(key, args, fallback, locale);
	}

}
