package kz.zhilyego.identity.internal;

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
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problems from security filters (which run before the MVC error advice).
 */
@Component
public class Problems {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	Problems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String key, Object... args) throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", ProblemException.typeUri(type).toString());
		body.put("title", this.messages.getMessage("problem.title." + type, null, status.getReasonPhrase(), locale));
		body.put("status", status.value());
		body.put("detail", this.messages.getMessage(key, args, key, locale));
		body.put("instance", request.getRequestURI());
		body.put("requestId", RequestIds.current());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body);
	}

}
