package kz.zhilyego.common.web;

import kz.zhilyego.common.RequestIds;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem-details body written by Spring MVC carries the request id as
 * {@code requestId}, so a user reporting an error hands support the id that finds its log
 * lines.
 */
@RestControllerAdvice
class RequestIdInProblems implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			String id = RequestIds.current();
			if (id != null && (problem.getProperties() == null || !problem.getProperties().containsKey("requestId"))) {
				problem.setProperty("requestId", id);
			}
		}
		return body;
	}

}
