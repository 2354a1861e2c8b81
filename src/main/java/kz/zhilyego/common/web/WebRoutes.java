package kz.zhilyego.common.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Which kind of route a request is for, so that every error takes the right form: the
 * API, operations and API docs answer RFC 9457 problems; every other route is an HTML
 * page (or a file or fragment linked from one) and answers a styled page. Static files
 * and media are neither: a page's requests for them are never rate-limited.
 */
public final class WebRoutes {

	private static final List<String> API = List.of("/api/", "/actuator", "/v3/api-docs", "/swagger-ui");

	private static final List<String> STATIC = List.of("/css/", "/js/", "/img/", "/webjars/", "/media/");

	private static final List<String> STATIC_FILES = List.of("/favicon.ico", "/manifest.webmanifest");

	private static final Pattern HASHED_MANIFEST = Pattern.compile("/manifest-[0-9a-f]{32}\\.webmanifest");

	private WebRoutes() {
	}

	/**
	 * The path inside the application; on an error dispatch, the path that failed (not
	 * {@code /error}).
	 */
	public static String path(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = original instanceof String failed ? failed : request.getRequestURI();
		String context = request.getContextPath();
		return uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	/** The JSON API, the operations endpoints and the API documentation. */
	public static boolean isApi(HttpServletRequest request) {
		String path = path(request);
		return API.stream().anyMatch(prefix -> path.startsWith(prefix) || path.equals(prefix.replaceAll("/$", "")))
				|| path.equals("/swagger-ui.html");
	}

	/**
	 * Style sheets, scripts, images, WebJars, uploaded media, the icon and manifest (also
	 * under its content-hashed name, as pages link it).
	 */
	public static boolean isStatic(HttpServletRequest request) {
		String path = path(request);
		return STATIC.stream().anyMatch(path::startsWith) || STATIC_FILES.contains(path)
				|| HASHED_MANIFEST.matcher(path).matches();
	}

	/**
	 * A page route whose caller asked for JSON and not for HTML (a script such as the
	 * sandbox driver or a calendar feed): it gets a problem, not a page.
	 */
	public static boolean wantsJsonOnly(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			boolean html = types.stream()
				.anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
			boolean json = types.stream()
				.anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype()
						&& (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")));
			return json && !html;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * The caller names HTML in {@code Accept} (not only through a wildcard): a browser
	 * opening the address, as opposed to a page's style sheet, script or image request.
	 */
	public static boolean asksForHtml(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()
						&& type.getQualityValue() > 0);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** An HTML route whose errors are pages: not the API, not static, not JSON-only. */
	public static boolean isPage(HttpServletRequest request) {
		return !isApi(request) && !isStatic(request) && !wantsJsonOnly(request);
	}

	/**
	 * Whether an error is answered with a page: on a page route, and on a static path
	 * that a browser opened as a page ({@code /css//app.css} typed into the address bar);
	 * a page's own request for a style sheet or an image gets a problem.
	 */
	public static boolean errorIsPage(HttpServletRequest request) {
		return isPage(request) || (isStatic(request) && !wantsJsonOnly(request) && asksForHtml(request));
	}

}
