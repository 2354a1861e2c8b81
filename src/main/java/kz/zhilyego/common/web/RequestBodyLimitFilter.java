package kz.zhilyego.common.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every request body that is not {@code multipart/*} to
 * {@code zhilyego.http.max-body-size} before anything parses it (hardening finding 13). A
 * declared {@code Content-Length} above the limit is answered at once, ahead of the
 * security filters: a 413 problem on {@code /api/**}, the styled error page elsewhere. A
 * body without a length (chunked) is counted while it is read; crossing the limit throws
 * {@link BodyTooLargeException}, which {@link ProblemDetailsAdvice} answers with the same
 * 413. Multipart uploads keep their own limits ({@code spring.servlet.multipart.*}).
 */
@Component
// its own settings, also in web slices that bring the filters but not the property scan
@EnableConfigurationProperties(HttpProperties.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final FilterProblems problems;

	RequestBodyLimitFilter(HttpProperties properties, MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.maxBytes = properties.maxBodySize().toBytes();
		this.problems = new FilterProblems(messages, locales, json);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10)) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > this.maxBytes) {
			reject(request, response);
			return;
		}
		LimitedRequest limited = new LimitedRequest(request, this.maxBytes);
		chain.doFilter(limited, response);
		if (limited.exceeded()) {
			// the 413 is complete before the container drains what is left of the body
			complete(response);
		}
	}

	private static void complete(HttpServletResponse response) throws IOException {
		try {
			response.getOutputStream().close();
		}
		catch (IllegalStateException usedWriter) {
			response.getWriter().close();
		}
	}

	/**
	 * Answers 413 without reading the body, and completes the answer before returning:
	 * the container then drains at most {@code server.tomcat.max-swallow-size} of the
	 * body or closes the connection.
	 */
	private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
		// no "Connection: close" of our own: the container closes after a 413 anyway, and
		// with the header it would end the answer only by closing (no length, no chunks)
		if (wantsPage(request)) {
			// the styled error page; its rendering must not parse the oversized form
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.CONTENT_TOO_LARGE.value());
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			request.getRequestDispatcher("/error").forward(new WithoutParameters(request), response);
		}
		else {
			this.problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					"problem.payload-too-large");
		}
		complete(response);
	}

	/** A browser asking for a page (not {@code /api/**}): HTML, never JSON. */
	private static boolean wantsPage(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("text/html");
	}

	/** A body crossed {@code zhilyego.http.max-body-size} while it was read. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long maxBytes) {
			super("Request body larger than " + maxBytes + " bytes");
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private @Nullable LimitedStream stream;

		private @Nullable BufferedReader reader;

		LimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.maxBytes);
			}
			return this.stream;
		}

		boolean exceeded() {
			return this.stream != null && this.stream.exceeded;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (this.reader == null) {
				this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset()));
			}
			return this.reader;
		}

		private Charset charset() throws UnsupportedEncodingException {
			String encoding = getCharacterEncoding();
			if (encoding == null) {
				return StandardCharsets.UTF_8;
			}
			try {
				return Charset.forName(encoding);
			}
			catch (IllegalArgumentException ex) {
				throw new UnsupportedEncodingException(encoding);
			}
		}

	}

	/** The oversized request as the error page sees it: no parameters to parse. */
	private static final class WithoutParameters extends HttpServletRequestWrapper {

		WithoutParameters(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return null;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long read;

		private boolean exceeded;

		LimitedStream(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.maxBytes) {
				this.exceeded = true;
				throw new BodyTooLargeException(this.maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
