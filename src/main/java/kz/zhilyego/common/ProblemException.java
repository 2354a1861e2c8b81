package kz.zhilyego.common;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller can understand: rendered as an RFC 9457 problem with a stable
 * {@code type}, a localised message (resolved from {@code messageKey}) and optional field
 * errors (field → message key). Throw it from any service; never for a bug.
 */
public class ProblemException extends RuntimeException {

	private static final String TYPE_BASE = "https://zhilyego.kz/problems/";

	private final HttpStatus status;

	private final String type;

	private final String messageKey;

	private final Object[] args;

	private final Map<String, String> fieldErrors;

	public ProblemException(HttpStatus status, String type, String messageKey, Object... args) {
		this(status, type, messageKey, Map.of(), args);
	}

	public ProblemException(HttpStatus status, String type, String messageKey, Map<String, String> fieldErrors,
			Object... args) {
		super(messageKey);
		this.status = status;
		this.type = type;
		this.messageKey = messageKey;
		this.args = args.clone();
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public static ProblemException notFound(String messageKey, Object... args) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", messageKey, args);
	}

	public static ProblemException conflict(String type, String messageKey, Object... args) {
		return new ProblemException(HttpStatus.CONFLICT, type, messageKey, args);
	}

	public static ProblemException forbidden(String messageKey, Object... args) {
		return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", messageKey, args);
	}

	public static ProblemException badRequest(String messageKey, Object... args) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", messageKey, args);
	}

	/** A 400 with one field error; the field's message is the same key. */
	public static ProblemException invalidField(String field, String messageKey, Object... args) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
				Map.of(field, messageKey), args);
	}

	public static URI typeUri(String type) {
		return URI.create(TYPE_BASE + type);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String type() {
		return this.type;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] args() {
		return this.args.clone();
	}

	/** Field → message key. */
	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

	@Override
	public @Nullable String getLocalizedMessage() {
		return this.messageKey;
	}

}
