package kz.zhilyego.common.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.RequestIds;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem from a servlet filter, where {@link ProblemDetailsAdvice}
 * cannot answer: the same {@code type}, localised {@code title} and {@code detail}. Not a
 * bean: web slice tests load the filters without other components.
 */
final class FilterProblems {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	FilterProblems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String messageKey) throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", ProblemException.typeUri(type).toString());
		body.put("title", this.messages.getMessage("problem.title." + type, null, status.getReasonPhrase(), locale));
		body.put("status", status.value());
		body.put("detail", this.messages.getMessage(messageKey, null, messageKey, locale));
		body.put("instance", request.getRequestURI());
		body.put("requestId", RequestIds.current());
		byte[] bytes = this.json.writeValueAsBytes(body);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setContentLength(bytes.length);
		// filters answering here run before the security headers are added
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.getOutputStream().write(bytes);
	}

}
