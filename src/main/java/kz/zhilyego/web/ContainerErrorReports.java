package kz.zhilyego.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.Cookie;
import kz.zhilyego.common.ProblemException;
import org.apache.catalina.Pipeline;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat turns away before ЖильеGO sees them — a path with an encoded slash
 * ({@code /css/..%2Fx}) or a broken escape ({@code /%zz}) — are answered by the host's
 * error report valve, which showed Tomcat's own "HTTP Status 400" page. This valve
 * answers them as every other error: an RFC 9457 problem under {@code /api/}, otherwise a
 * short page with the site's style sheet in the visitor's language (Accept-Language: the
 * request never reached the app's own language choice). Nothing of the request is echoed.
 * Errors the app itself reports never get here: they have the error page.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private static final List<String> LANGUAGES = List.of("ru", "kk", "en");

	/** The site's own, as every page links them (fragments/layout.html). */
	private static final List<String> STYLE_SHEETS = List.of("/css/bootstrap-used.css", "/css/app.css");

	private final MessageSource messages;

	private final ObjectProvider<JsonMapper> json;

	private final ObjectProvider<ResourceUrlProvider> resources;

	/**
	 * The mapper and the resource URLs are looked up when an error is reported: the web
	 * server (and so this customizer) is made before Spring MVC's beans.
	 */
	ContainerErrorReports(MessageSource messages, ObjectProvider<JsonMapper> json,
			ObjectProvider<ResourceUrlProvider> resources) {
		this.messages = messages;
		this.json = json;
		this.resources = resources;
	}

	/** After Boot's own customizer, which adds Tomcat's valve. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			StandardHost host = (StandardHost) context.getParent();
			Pipeline pipeline = host.getPipeline();
			for (org.apache.catalina.Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			Valve valve = new Valve(this);
			pipeline.addValve(valve);
			// the host adds a valve of this class when it starts unless it has one
			host.setErrorReportValveClass(valve.getClass().getName());
		});
	}

	/** The body for an error Tomcat reports itself: {@code [content type, body]}. */
	String[] body(int status, String path, Locale locale) {
		HttpStatus known = HttpStatus.resolve(status);
		// Tomcat's 501 (a method or transfer coding it does not know) and 505 (an HTTP
		// version) are the client's doing as much as a 400: "try later" would not help
		boolean client = status < 500 || status == 501 || status == 505;
		if (path.startsWith("/api/")) {
			String type = status == 400 ? "malformed-request" : client ? "bad-request" : "internal";
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", ProblemException.typeUri(type).toString());
			problem.put("title", text("problem.title." + type, locale,
					known != null ? known.getReasonPhrase() : String.valueOf(status)));
			problem.put("status", status);
			problem.put("detail", text(client ? "problem.malformed-request" : "web.error.text", locale, ""));
			return new String[] { MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					this.json.getObject().writeValueAsString(problem) };
		}
		String title = text(client ? "web.error.client" : "web.error.title", locale, "");
		String detail = text(client ? "web.error.badRequest" : "web.error.text", locale, "");
		StringBuilder css = new StringBuilder();
		ResourceUrlProvider urls = this.resources.getIfAvailable();
		for (String sheet : STYLE_SHEETS) {
			String url = urls == null ? null : urls.getForLookupPath(sheet);
			if (url != null) {
				css.append("<link rel=\"stylesheet\" href=\"").append(html(url)).append("\">\n");
			}
		}
		String page = """
				<!DOCTYPE html>
				<html lang="%s">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s · ЖильеGO</title>
				%s</head>
				<body>
				<main id="main" class="container py-5 text-center zg-narrow" data-error="%d">
				  <p><a class="navbar-brand fw-bold" href="/">ЖильеGO</a></p>
				  <p class="display-4 fw-bold text-primary mb-0">%d</p>
				  <h1 class="h3">%s</h1>
				  <p class="text-muted" role="alert">%s</p>
				  <p class="d-flex flex-wrap justify-content-center gap-2">
				    <a class="btn btn-primary" href="/">%s</a>
				    <a class="btn btn-outline-primary" href="/search">%s</a>
				  </p>
				</main>
				</body>
				</html>
				""".formatted(locale.getLanguage(), html(title), css, status, status, html(title), html(detail),
				html(text("web.error.home", locale, "")), html(text("web.error.search", locale, "")));
		return new String[] { MediaType.TEXT_HTML_VALUE + ";charset=UTF-8", page };
	}

	/**
	 * The language the visitor chose on the site (the {@code lang} cookie, as the app's
	 * own pages read it), else the one of Accept-Language the site speaks that the
	 * visitor prefers most, else Russian (also for a header that does not parse: Tomcat
	 * would offer the JVM's locale).
	 */
	static Locale language(@Nullable String chosen, @Nullable String acceptLanguage) {
		String picked = chosen == null ? "" : chosen.split("[-_]", 2)[0];
		if (LANGUAGES.contains(picked)) {
			return Locale.of(picked);
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = acceptLanguage == null ? List.of() : Locale.LanguageRange.parse(acceptLanguage);
		}
		catch (IllegalArgumentException ex) {
			ranges = List.of();
		}
		for (Locale.LanguageRange range : ranges) {
			String language = range.getRange().split("-", 2)[0];
			if (range.getWeight() > 0 && LANGUAGES.contains(language)) {
				return Locale.of(language);
			}
		}
		return Locale.of("ru");
	}

	private String text(String key, Locale locale, String fallback) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

	private static String html(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/** Public for Tomcat, which names its host's error valve by class. */
	public static final class Valve extends ErrorReportValve {

		private final ContainerErrorReports reports;

		Valve(ContainerErrorReports reports) {
			this.reports = reports;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(true);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get() || !response.setErrorReported()) {
				return;
			}
			// the request line's target as sent (the decoded URI may not exist for a
			// request
			// Tomcat rejected)
			String path = request.getCoyoteRequest().requestURI().toString();
			if (path == null || path.isEmpty()) {
				path = request.getRequestURI() == null ? "/" : request.getRequestURI();
			}
			String chosen = null;
			Cookie[] cookies = request.getCookies();
			for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
				if ("lang".equals(cookie.getName())) {
					chosen = cookie.getValue();
				}
			}
			Locale locale = language(chosen, request.getHeader("Accept-Language"));
			String[] body = this.reports.body(status, path, locale);
			try {
				response.setContentType(body[0]);
				response.setCharacterEncoding("UTF-8");
				response.setHeader("Content-Language", locale.getLanguage());
				response.setHeader("Vary", "Accept-Language");
				response.setHeader("Cache-Control", "no-store");
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("X-Frame-Options", "DENY");
				response.setHeader("Content-Security-Policy",
						"default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body[1]);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away or the response was committed meanwhile: nothing
				// left to tell
			}
		}

	}

}
